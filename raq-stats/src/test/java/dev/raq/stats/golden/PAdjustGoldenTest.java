package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.MultipleTestResult;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.doubles;

class PAdjustGoldenTest {

    @TestFactory
    Stream<DynamicNode> pAdjust() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("p_adjust", PAdjustGoldenTest::check));
    }

    private static void check(JsonNode c) {
        PAdjust method = PAdjust.fromName(c.at("/params/method").asText());
        double alpha = c.at("/params/alpha").asDouble();
        JsonNode expected = c.get("expected");
        MultipleTestResult r = method.test(doubles(c.at("/input/pvals")), alpha);
        double[] adjusted = r.adjusted();
        boolean[] rejected = r.rejected();
        JsonNode expAdj = expected.get("pvals_corrected");
        JsonNode expRej = expected.get("reject");
        if (adjusted.length != expAdj.size()) {
            throw new AssertionError("length " + adjusted.length + " vs " + expAdj.size());
        }
        for (int i = 0; i < adjusted.length; i++) {
            close("pvals_corrected[" + i + "]", adjusted[i], expAdj.get(i));
            boolean borderline = Math.abs(adjusted[i] - alpha) <= 1e-12;
            if (!borderline && rejected[i] != expRej.get(i).asBoolean()) {
                throw new AssertionError("reject[" + i + "]: expected " + expRej.get(i) + " but was " + rejected[i]
                        + " (adjusted " + adjusted[i] + ")");
            }
        }
        close("alphacSidak", r.alphacSidak(), expected.get("alphacSidak"));
        close("alphacBonf", r.alphacBonf(), expected.get("alphacBonf"));
    }
}
