package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThat;

class BleuGoldenTest {

    @TestFactory
    Stream<DynamicNode> bleu() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("bleu", BleuGoldenTest::check));
    }

    static Bleu configure(JsonNode params) {
        JsonNode value = params.get("smooth_value");
        boolean defaultValue = value == null || value.isNull();
        BleuSmoothing smoothing;
        switch (params.get("smooth_method").asText()) {
            case "exp":
                smoothing = BleuSmoothing.exp();
                break;
            case "none":
                smoothing = BleuSmoothing.none();
                break;
            case "floor":
                smoothing = defaultValue ? BleuSmoothing.floor() : BleuSmoothing.floor(value.asDouble());
                break;
            case "add-k":
                smoothing = defaultValue ? BleuSmoothing.addK() : BleuSmoothing.addK(value.asInt());
                break;
            default:
                throw new AssertionError("unknown smooth_method " + params.get("smooth_method"));
        }
        return Bleu.builder()
                .tokenizer(BleuTokenizer.of(params.get("tokenize").asText()))
                .lowercase(params.get("lowercase").asBoolean())
                .smoothing(smoothing)
                .effectiveOrder(params.get("use_effective_order").asBoolean())
                .build();
    }

    private static void check(JsonNode c) {
        Bleu bleu = configure(c.get("params"));
        BleuScore s = SacrebleuGoldenCase.run(c, bleu::sentence, bleu::corpus);
        JsonNode e = c.get("expected");
        for (int n = 0; n < 4; n++) {
            assertThat(s.counts().get(n)).as("counts[%d]", n).isEqualTo(e.get("counts").get(n).asLong());
            assertThat(s.totals().get(n)).as("totals[%d]", n).isEqualTo(e.get("totals").get(n).asLong());
            close("precisions[" + n + "]", s.precisions().get(n), e.get("precisions").get(n));
        }
        assertThat(s.sysLen()).as("sys_len").isEqualTo(e.get("sys_len").asLong());
        assertThat(s.refLen()).as("ref_len").isEqualTo(e.get("ref_len").asLong());
        close("bp", s.bp(), e.get("bp"));
        close("score", s.score(), e.get("score").asDouble(), 0, 1e-9);
    }
}
