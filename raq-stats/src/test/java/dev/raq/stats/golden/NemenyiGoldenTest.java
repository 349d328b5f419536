package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Nemenyi;
import dev.raq.stats.NemenyiDistribution;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.matrix;
import static dev.raq.stats.golden.GoldenAssert.matrixClose;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NemenyiGoldenTest {

    /** The golden README's tolerance for p-values that go through the studentized range distribution. */
    static final double STUDENTIZED_RANGE_REL = 1e-8;

    @TestFactory
    Stream<DynamicNode> nemenyi() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("nemenyi", NemenyiGoldenTest::check));
    }

    private static void check(JsonNode c) {
        double[][] groups = matrix(c.at("/input/groups"));
        String dist = c.at("/params/dist").asText();
        NemenyiDistribution distribution;
        double rel;
        switch (dist) {
            case "chi":
                distribution = NemenyiDistribution.CHI_SQUARE;
                rel = GoldenAssert.REL;
                break;
            case "tukey":
                distribution = NemenyiDistribution.STUDENTIZED_RANGE;
                rel = STUDENTIZED_RANGE_REL;
                break;
            default:
                throw new AssertionError("unknown dist '" + dist + "'");
        }
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Nemenyi.test(groups, distribution))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        matrixClose("p_values", Nemenyi.test(groups, distribution).pValues(), c.at("/expected/p_values"), rel,
                GoldenAssert.ABS);
    }
}
