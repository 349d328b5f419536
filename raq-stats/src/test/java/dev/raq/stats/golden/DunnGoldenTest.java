package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Dunn;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.matrix;
import static dev.raq.stats.golden.GoldenAssert.matrixClose;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DunnGoldenTest {

    @TestFactory
    Stream<DynamicNode> dunn() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("dunn", DunnGoldenTest::check));
    }

    private static void check(JsonNode c) {
        double[][] groups = matrix(c.at("/input/groups"));
        JsonNode adjust = c.at("/params/p_adjust");
        PAdjust adjustment = PAdjust.fromName(adjust.isNull() ? null : adjust.asText());
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Dunn.test(groups, adjustment)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        matrixClose("p_values", Dunn.test(groups, adjustment).pValues(), c.at("/expected/p_values"),
                GoldenAssert.REL, GoldenAssert.ABS);
    }
}
