package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.golden.GoldenAssert;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.metrics.RougeGoldenTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Every case of squad_em_f1.json (the official SQuAD v1.1 evaluation script). */
class SquadGoldenTest {

    @TestFactory
    Stream<DynamicNode> squad() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("squad_em_f1", SquadGoldenTest::check));
    }

    private static void check(JsonNode c) {
        if (c.at("/params/aggregate").asBoolean(false)) {
            checkAggregate(c);
            return;
        }
        String prediction = c.at("/input/prediction").asText();
        List<String> groundTruths = strings(c.at("/input/ground_truths"));
        JsonNode expected = c.get("expected");

        assertThat(SquadMetrics.normalize(prediction)).as("normalized_prediction")
                .isEqualTo(expected.get("normalized_prediction").asText());
        List<String> normalizedGold = new ArrayList<>();
        for (String g : groundTruths) {
            normalizedGold.add(SquadMetrics.normalize(g));
        }
        assertThat(normalizedGold).as("normalized_ground_truths")
                .containsExactlyElementsOf(strings(expected.get("normalized_ground_truths")));
        for (int i = 0; i < groundTruths.size(); i++) {
            JsonNode each = expected.get("per_ground_truth").get(i);
            assertThat(SquadMetrics.exactMatch(prediction, groundTruths.get(i))).as("per_ground_truth[%d] EM", i)
                    .isEqualTo(each.get("exact_match").asInt() == 1);
            GoldenAssert.close("per_ground_truth[" + i + "].f1", SquadMetrics.f1(prediction, groundTruths.get(i)),
                    each.get("f1"));
        }
        SquadScore score = SquadMetrics.score(prediction, groundTruths);
        assertThat(score.exactMatch()).as("exact_match").isEqualTo(expected.get("exact_match").asDouble());
        GoldenAssert.close("f1", score.f1(), expected.get("f1"));
    }

    private static void checkAggregate(JsonNode c) {
        JsonNode predictionsById = c.at("/input/predictions");
        List<String> predictions = new ArrayList<>();
        List<List<String>> groundTruths = new ArrayList<>();
        for (JsonNode article : c.at("/input/dataset")) {
            for (JsonNode paragraph : article.get("paragraphs")) {
                for (JsonNode qa : paragraph.get("qas")) {
                    List<String> answers = new ArrayList<>();
                    for (JsonNode answer : qa.get("answers")) {
                        answers.add(answer.get("text").asText());
                    }
                    groundTruths.add(answers);
                    JsonNode p = predictionsById.get(qa.get("id").asText());
                    predictions.add(p == null ? null : p.asText());
                }
            }
        }
        SquadScore score = SquadMetrics.evaluate(predictions, groundTruths);
        GoldenAssert.close("exact_match", score.exactMatch(), c.at("/expected/exact_match"));
        GoldenAssert.close("f1", score.f1(), c.at("/expected/f1"));
    }
}
