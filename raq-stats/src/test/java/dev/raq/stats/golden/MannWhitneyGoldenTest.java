package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Alternative;
import dev.raq.stats.MannWhitney;
import dev.raq.stats.MannWhitneyResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static dev.raq.stats.golden.GoldenAssert.doubles;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MannWhitneyGoldenTest {

    @TestFactory
    Stream<DynamicNode> mannWhitney() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("mannwhitney", MannWhitneyGoldenTest::check));
    }

    private static void check(JsonNode c) {
        double[] x = doubles(c.at("/input/x"));
        double[] y = doubles(c.at("/input/y"));
        Alternative alternative = Alternative.valueOf(
                c.at("/params/alternative").asText().replace('-', '_').toUpperCase(Locale.ROOT));
        MannWhitney.Method method = MannWhitney.Method.valueOf(c.at("/params/method").asText().toUpperCase(Locale.ROOT));
        boolean continuity = c.at("/params/use_continuity").asBoolean();
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> MannWhitney.test(x, y, alternative, method, continuity))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        MannWhitneyResult r = MannWhitney.test(x, y, alternative, method, continuity);
        close("statistic", r.statistic(), c.at("/expected/statistic"));
        close("pvalue", r.pValue(), c.at("/expected/pvalue"));
    }
}
