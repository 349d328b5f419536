package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SQuAD v1.1 EM and F1 of five leaderboard systems on the 300-question dev sample shipped in test resources.
 *
 * <p>The expected numbers were computed independently of this code, with Debian's {@code /usr/bin/python3} 3.11.2
 * running a twelve-line script that re-implements the official evaluate-v1.1.py ({@code normalize_answer} with
 * {@code str.lower}, {@code string.punctuation}, {@code re.sub(r'\b(a|an|the)\b', ' ', s)} and {@code str.split};
 * Counter-based token F1; max over gold answers; 100 × mean over all 300 questions).
 */
class SquadDevSampleTest {

    private static final Path DATA = Path.of("src", "test", "resources", "data");

    @ParameterizedTest
    @CsvSource({
            "bert-ensemble, 82.0, 90.27772878709412",
            "slqa-plus-ensemble, 80.33333333333333, 88.58102211685801",
            "r-net-plus-ensemble, 77.33333333333333, 85.54727590664122",
            "match-lstm-boundary-ensemble, 65.33333333333333, 77.02088464224688",
            "logistic-regression-baseline, 39.0, 49.99379311224888"})
    void evaluate_leaderboardSystem_matchesTheOfficialScript(String model, double exactMatch, double f1)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> predictionsById = new HashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("squad-dev-sample-predictions.jsonl"))) {
            JsonNode p = mapper.readTree(line);
            if (p.get("model").asText().equals(model)) {
                predictionsById.put(p.get("id").asText(), p.get("prediction").asText());
            }
        }
        List<String> predictions = new ArrayList<>();
        List<List<String>> groundTruths = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("squad-dev-sample.jsonl"))) {
            JsonNode q = mapper.readTree(line);
            predictions.add(predictionsById.get(q.get("id").asText()));
            groundTruths.add(RougeGoldenTest.strings(q.get("answers")));
        }

        SquadScore score = SquadMetrics.evaluate(predictions, groundTruths);

        assertThat(groundTruths).hasSize(300);
        assertThat(predictionsById).hasSize(300);
        assertThat(score.exactMatch()).isCloseTo(exactMatch, within(1e-9));
        assertThat(score.f1()).isCloseTo(f1, within(1e-9));
    }
}
