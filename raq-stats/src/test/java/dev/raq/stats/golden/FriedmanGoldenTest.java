package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Friedman;
import dev.raq.stats.OmnibusResult;
import dev.raq.stats.PAdjust;
import dev.raq.stats.PostHocResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.matrix;
import static dev.raq.stats.golden.GoldenAssert.matrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FriedmanGoldenTest {

    @TestFactory
    Stream<DynamicNode> friedman() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "friedman", FriedmanGoldenTest::checkFriedman,
                "nemenyi_friedman", FriedmanGoldenTest::checkNemenyi,
                "conover_friedman", FriedmanGoldenTest::checkConover));
    }

    private static void checkFriedman(JsonNode c) {
        double[][] blocks = matrix(c.at("/input/matrix"));
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Friedman.test(blocks)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        OmnibusResult r = Friedman.test(blocks);
        JsonNode expected = c.get("expected");
        close("statistic", r.statistic(), expected.get("statistic"));
        close("pvalue", r.pValue(), expected.get("pvalue"));
        assertThat(r.defined()).isEqualTo(!expected.get("statistic").isNull());
    }

    private static void checkNemenyi(JsonNode c) {
        double[][] blocks = matrix(c.at("/input/matrix"));
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Friedman.nemenyi(blocks)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        matrixClose("p_values", Friedman.nemenyi(blocks).pValues(), c.at("/expected/p_values"),
                NemenyiGoldenTest.STUDENTIZED_RANGE_REL, GoldenAssert.ABS);
    }

    private static void checkConover(JsonNode c) {
        double[][] blocks = matrix(c.at("/input/matrix"));
        JsonNode adjust = c.at("/params/p_adjust");
        boolean singleStep = !adjust.isNull() && adjust.asText().equals("single-step");
        PAdjust adjustment = singleStep ? PAdjust.NONE : PAdjust.fromName(adjust.isNull() ? null : adjust.asText());
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> conover(blocks, singleStep, adjustment))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        double rel = singleStep ? NemenyiGoldenTest.STUDENTIZED_RANGE_REL : GoldenAssert.REL;
        matrixClose("p_values", conover(blocks, singleStep, adjustment).pValues(), c.at("/expected/p_values"), rel,
                GoldenAssert.ABS);
    }

    private static PostHocResult conover(double[][] blocks, boolean singleStep, PAdjust adjustment) {
        return singleStep ? Friedman.conoverSingleStep(blocks) : Friedman.conover(blocks, adjustment);
    }
}
