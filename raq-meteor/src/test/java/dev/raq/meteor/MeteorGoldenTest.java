package dev.raq.meteor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.golden.GoldenAssert;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of meteor.json (NLTK 3.8 {@code meteor_score} / {@code single_meteor_score} with WordNet 3.0), with the
 * golden README's default tolerance.
 *
 * <p>The cases are read here rather than through {@code GoldenFiles.tests}, whose list of known stems (in raq-stats'
 * test jar) does not name "meteor" yet.
 */
class MeteorGoldenTest {

    private static final Path FILE = GoldenFiles.moduleGoldenDir().resolve("meteor.json");

    @Test
    void theGoldenFile_holdsAllCases() throws IOException {
        assertThat(cases()).hasSize(270);
    }

    @TestFactory
    Stream<DynamicTest> meteor() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        Meteor meteor = Meteor.builder()
                .alpha(c.at("/params/alpha").asDouble())
                .beta(c.at("/params/beta").asDouble())
                .gamma(c.at("/params/gamma").asDouble())
                .build();
        List<String> references = new ArrayList<>();
        c.at("/input/references").forEach(r -> references.add(r.asText()));
        String hypothesis = c.at("/input/hypothesis").asText();
        JsonNode perReference = c.at("/expected/per_reference");
        assertThat(perReference.size()).as("per_reference size").isEqualTo(references.size());
        for (int i = 0; i < references.size(); i++) {
            GoldenAssert.close(c.path("name").asText() + " per_reference[" + i + "]",
                    meteor.single(references.get(i), hypothesis), perReference.get(i));
        }
        GoldenAssert.close(c.path("name").asText() + " meteor", meteor.score(references, hypothesis),
                c.at("/expected/meteor"));
    }

    static List<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        new ObjectMapper().readTree(FILE.toFile()).path("cases").forEach(cases::add);
        return cases;
    }
}
