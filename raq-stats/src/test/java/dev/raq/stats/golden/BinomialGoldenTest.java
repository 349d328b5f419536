package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Alternative;
import dev.raq.stats.BinomialTest;
import dev.raq.stats.BinomialTestResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** binomtest.json (scipy.stats.binomtest + proportion_ci) and proportion_ci.json (statsmodels proportion_confint). */
class BinomialGoldenTest {

    @TestFactory
    Stream<DynamicNode> binomial() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "binomtest", BinomialGoldenTest::checkBinomTest,
                "proportion_ci", BinomialGoldenTest::checkProportionCi));
    }

    static Alternative alternative(JsonNode params) {
        return Alternative.valueOf(params.path("alternative").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static void checkBinomTest(JsonNode c) {
        int k = c.at("/input/k").asInt();
        int n = c.at("/input/n").asInt();
        double p = c.at("/params/p").asDouble();
        Alternative alternative = alternative(c.get("params"));
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> BinomialTest.test(k, n, p, alternative))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        BinomialTestResult r = BinomialTest.test(k, n, p, alternative);
        JsonNode e = c.get("expected");
        close("pvalue", r.pValue(), e.get("pvalue"));
        close("statistic", r.statistic(), e.get("statistic"));
        for (Iterator<Map.Entry<String, JsonNode>> levels = e.get("proportion_ci").fields(); levels.hasNext(); ) {
            Map.Entry<String, JsonNode> level = levels.next();
            double confidence = Double.parseDouble(level.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> methods = level.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                ProportionCi.Method method = scipyMethod(m.getKey());
                ConfidenceInterval ci = r.proportionCi(confidence, method);
                String what = "proportion_ci[" + level.getKey() + "][" + m.getKey() + "]";
                close(what + ".low", ci.lower(), m.getValue().get(0));
                close(what + ".high", ci.upper(), m.getValue().get(1));
            }
        }
    }

    private static ProportionCi.Method scipyMethod(String name) {
        switch (name) {
            case "exact":
                return ProportionCi.Method.CLOPPER_PEARSON;
            case "wilson":
                return ProportionCi.Method.WILSON;
            case "wilsoncc":
                return ProportionCi.Method.WILSON_CC;
            default:
                throw new AssertionError("unknown scipy proportion_ci method " + name);
        }
    }

    private static ProportionCi.Method statsmodelsMethod(String name) {
        switch (name) {
            case "wilson":
                return ProportionCi.Method.WILSON;
            case "beta":
                return ProportionCi.Method.CLOPPER_PEARSON;
            case "agresti_coull":
                return ProportionCi.Method.AGRESTI_COULL;
            case "normal":
                return ProportionCi.Method.NORMAL;
            case "jeffreys":
                return ProportionCi.Method.JEFFREYS;
            default:
                throw new AssertionError("unknown statsmodels proportion_confint method " + name);
        }
    }

    private static void checkProportionCi(JsonNode c) {
        int count = c.at("/input/count").asInt();
        int nobs = c.at("/input/nobs").asInt();
        double alpha = c.at("/params/alpha").asDouble();
        ProportionCi.Method method = statsmodelsMethod(c.at("/params/method").asText());
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> ProportionCi.of(count, nobs, alpha, method))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        ConfidenceInterval ci = ProportionCi.of(count, nobs, alpha, method);
        close("lower", ci.lower(), c.at("/expected/lower"));
        close("upper", ci.upper(), c.at("/expected/upper"));
        close("level", ci.level(), 1 - alpha, 0, 0);
    }
}
