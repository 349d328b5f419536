package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThat;

class TerGoldenTest {

    @TestFactory
    Stream<DynamicNode> ter() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("ter", TerGoldenTest::check));
    }

    private static void check(JsonNode c) {
        JsonNode p = c.get("params");
        Ter ter = Ter.builder()
                .normalized(p.get("normalized").asBoolean())
                .noPunct(p.get("no_punct").asBoolean())
                .asianSupport(p.get("asian_support").asBoolean())
                .caseSensitive(p.get("case_sensitive").asBoolean())
                .build();
        TerScore s = SacrebleuGoldenCase.run(c, ter::sentence, ter::corpus);
        JsonNode e = c.get("expected");
        assertThat(s.numEdits()).as("num_edits").isEqualTo(e.get("num_edits").asLong());
        close("ref_length", s.refLength(), e.get("ref_length"));
        close("score", s.score(), e.get("score").asDouble(), 0, 1e-9);
    }
}
