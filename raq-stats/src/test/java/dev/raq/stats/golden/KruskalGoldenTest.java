package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.KruskalWallis;
import dev.raq.stats.OmnibusResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KruskalGoldenTest {

    @TestFactory
    Stream<DynamicNode> kruskal() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("kruskal", KruskalGoldenTest::check));
    }

    private static void check(JsonNode c) {
        double[][] groups = matrix(c.at("/input/groups"));
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> KruskalWallis.test(groups)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        OmnibusResult r = KruskalWallis.test(groups);
        JsonNode expected = c.get("expected");
        close("statistic", r.statistic(), expected.get("statistic"));
        close("pvalue", r.pValue(), expected.get("pvalue"));
        assertThat(r.defined()).isEqualTo(!expected.get("statistic").isNull());
        assertThat(r.degreesOfFreedom()).isEqualTo(groups.length - 1);
    }
}
