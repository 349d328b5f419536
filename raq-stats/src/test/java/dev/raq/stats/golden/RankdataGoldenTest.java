package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Ranks;
import dev.raq.stats.TieMethod;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.doubles;
import static org.assertj.core.api.Assertions.assertThat;

class RankdataGoldenTest {

    @TestFactory
    Stream<DynamicNode> rankdata() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("rankdata", RankdataGoldenTest::check));
    }

    private static void check(JsonNode c) {
        TieMethod method = TieMethod.valueOf(c.at("/params/method").asText().toUpperCase(Locale.ROOT));
        double[] ranks = Ranks.rank(doubles(c.at("/input/a")), method);
        assertThat(ranks).containsExactly(doubles(c.at("/expected/ranks")));
    }
}
