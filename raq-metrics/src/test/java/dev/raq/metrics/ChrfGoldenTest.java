package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;

class ChrfGoldenTest {

    @TestFactory
    Stream<DynamicNode> chrf() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("chrf", ChrfGoldenTest::check));
    }

    private static void check(JsonNode c) {
        JsonNode p = c.get("params");
        Chrf chrf = Chrf.builder()
                .charOrder(p.get("char_order").asInt())
                .wordOrder(p.get("word_order").asInt())
                .beta(p.get("beta").asInt())
                .removeWhitespace(p.get("remove_whitespace").asBoolean())
                .epsSmoothing(p.get("eps_smoothing").asBoolean())
                .build();
        ChrfScore s = SacrebleuGoldenCase.run(c, chrf::sentence, chrf::corpus);
        close("score", s.score(), c.at("/expected/score").asDouble(), 0, 1e-9);
    }
}
