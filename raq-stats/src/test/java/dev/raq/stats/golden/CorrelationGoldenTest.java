package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Alternative;
import dev.raq.stats.Correlation;
import dev.raq.stats.CorrelationResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** spearman.json (scipy.stats.spearmanr) and kendall.json (scipy.stats.kendalltau). */
class CorrelationGoldenTest {

    @TestFactory
    Stream<DynamicNode> correlation() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "spearman", CorrelationGoldenTest::checkSpearman,
                "kendall", CorrelationGoldenTest::checkKendall));
    }

    private static void checkSpearman(JsonNode c) {
        double[] x = doubles(c.at("/input/x"));
        double[] y = doubles(c.at("/input/y"));
        Alternative alternative = BinomialGoldenTest.alternative(c.get("params"));
        check(c, () -> Correlation.spearman(x, y, alternative));
    }

    private static void checkKendall(JsonNode c) {
        JsonNode params = c.get("params");
        double[] x = doubles(c.at("/input/x"));
        double[] y = doubles(c.at("/input/y"));
        Correlation.KendallVariant variant = Correlation.KendallVariant.valueOf(
                params.get("variant").asText().toUpperCase(Locale.ROOT));
        Correlation.KendallMethod method = Correlation.KendallMethod.valueOf(
                params.get("method").asText().toUpperCase(Locale.ROOT));
        Alternative alternative = BinomialGoldenTest.alternative(params);
        check(c, () -> Correlation.kendallTau(x, y, variant, method, alternative));
    }

    private static void check(JsonNode c, Supplier<CorrelationResult> call) {
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(call::get).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        CorrelationResult r = call.get();
        JsonNode e = c.get("expected");
        close("statistic", r.statistic(), e.get("statistic"));
        close("pvalue", r.pValue(), e.get("pvalue"));
        assertThat(r.defined()).as("defined").isEqualTo(!e.get("statistic").isNull());
    }
}
