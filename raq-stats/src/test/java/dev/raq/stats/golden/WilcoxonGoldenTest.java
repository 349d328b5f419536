package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Alternative;
import dev.raq.stats.PAdjust;
import dev.raq.stats.PostHocResult;
import dev.raq.stats.Wilcoxon;
import dev.raq.stats.WilcoxonResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.doubles;
import static dev.raq.stats.golden.GoldenAssert.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** wilcoxon.json (scipy.stats.wilcoxon) and posthoc_wilcoxon.json (scikit-posthocs posthoc_wilcoxon). */
class WilcoxonGoldenTest {

    @TestFactory
    Stream<DynamicNode> wilcoxon() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "wilcoxon", WilcoxonGoldenTest::checkWilcoxon,
                "posthoc_wilcoxon", WilcoxonGoldenTest::checkPosthoc));
    }

    private static Wilcoxon.ZeroMethod zeroMethod(JsonNode params) {
        return Wilcoxon.ZeroMethod.valueOf(params.get("zero_method").asText().toUpperCase(Locale.ROOT));
    }

    private static Wilcoxon.Method method(JsonNode params) {
        return Wilcoxon.Method.valueOf(params.get("method").asText().toUpperCase(Locale.ROOT));
    }

    private static void checkWilcoxon(JsonNode c) {
        JsonNode params = c.get("params");
        double[] x = doubles(c.at("/input/x"));
        double[] y = doubles(c.at("/input/y"));
        Wilcoxon.ZeroMethod zeroMethod = zeroMethod(params);
        boolean correction = params.get("correction").asBoolean();
        Alternative alternative = BinomialGoldenTest.alternative(params);
        Wilcoxon.Method method = method(params);
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Wilcoxon.test(x, y, zeroMethod, correction, alternative, method))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        WilcoxonResult r = Wilcoxon.test(x, y, zeroMethod, correction, alternative, method);
        JsonNode e = c.get("expected");
        close("statistic", r.statistic(), e.get("statistic"));
        close("pvalue", r.pValue(), e.get("pvalue"));
        assertThat(r.isDefined()).as("defined").isEqualTo(!e.get("pvalue").isNull());
        if (e.has("zstatistic")) {
            close("zstatistic", r.zStatistic(), e.get("zstatistic"));
        }
        if (e.has("method_used")) {
            assertThat(r.methodUsed().scipyName()).as("method_used").isEqualTo(e.get("method_used").asText());
        }
    }

    private static void checkPosthoc(JsonNode c) {
        JsonNode params = c.get("params");
        double[][] groups = matrix(c.at("/input/groups"));
        Wilcoxon.ZeroMethod zeroMethod = zeroMethod(params);
        boolean correction = params.get("correction").asBoolean();
        Wilcoxon.Method method = method(params);
        PAdjust adjust = PAdjust.fromName(params.get("p_adjust").isNull() ? null : params.get("p_adjust").asText());
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Wilcoxon.pairwise(groups, zeroMethod, correction, method, adjust))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        PostHocResult r = Wilcoxon.pairwise(groups, zeroMethod, correction, method, adjust);
        GoldenAssert.matrixClose("p_values", r.pValues(), c.at("/expected/p_values"), GoldenAssert.REL,
                GoldenAssert.ABS);
        JsonNode used = c.at("/expected/method_used");
        if (!used.isMissingNode()) {
            for (int i = 0; i < groups.length; i++) {
                for (int j = 0; j < groups.length; j++) {
                    if (i != j) {
                        assertThat(Wilcoxon.test(groups[i], groups[j], zeroMethod, correction, Alternative.TWO_SIDED,
                                method).methodUsed().scipyName())
                                .as("method_used[%d][%d]", i, j).isEqualTo(used.get(i).get(j).asText());
                    }
                }
            }
        }
    }
}
