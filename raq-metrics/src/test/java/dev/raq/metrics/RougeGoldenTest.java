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

import static org.assertj.core.api.Assertions.assertThat;

/** Every case of rouge.json (rouge-score 0.1.2 with NLTK's Porter stemmer). */
class RougeGoldenTest {

    @TestFactory
    Stream<DynamicNode> rouge() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("rouge", RougeGoldenTest::check));
    }

    private static void check(JsonNode c) {
        List<RougeType> types = new ArrayList<>();
        for (JsonNode name : c.at("/params/rouge_types")) {
            types.add(RougeType.of(name.asText()));
        }
        Rouge rouge = Rouge.builder().types(types).useStemmer(c.at("/params/use_stemmer").asBoolean()).build();
        JsonNode input = c.get("input");
        JsonNode expected = c.get("expected");
        String prediction = input.get("prediction").asText();
        Map<RougeType, RougeScore> scores;
        if (input.has("targets")) {
            scores = rouge.scoreMulti(strings(input.get("targets")), prediction);
        } else {
            String target = input.get("target").asText();
            scores = rouge.score(target, prediction);
            if (expected.has("target_tokens")) {
                assertThat(rouge.tokenize(target)).as("target_tokens")
                        .containsExactlyElementsOf(strings(expected.get("target_tokens")));
                assertThat(rouge.tokenize(prediction)).as("prediction_tokens")
                        .containsExactlyElementsOf(strings(expected.get("prediction_tokens")));
            }
        }
        assertThat(scores.keySet()).containsExactlyElementsOf(types);
        for (RougeType type : types) {
            JsonNode e = expected.get(type.name());
            RougeScore s = scores.get(type);
            GoldenAssert.close(type + ".precision", s.precision(), e.get("precision"));
            GoldenAssert.close(type + ".recall", s.recall(), e.get("recall"));
            GoldenAssert.close(type + ".fmeasure", s.fmeasure(), e.get("fmeasure"));
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(node.asText());
        }
        return out;
    }
}
