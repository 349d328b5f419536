package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.ClusteredMean;
import dev.raq.stats.ClusteredMeanResult;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThat;

/** cluster_se.json: statsmodels OLS on a constant with cov_type='cluster' (CR1) and scipy's t quantile. */
class ClusteredMeanGoldenTest {

    @TestFactory
    Stream<DynamicNode> clusteredMean() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of("cluster_se", ClusteredMeanGoldenTest::check));
    }

    private static void check(JsonNode c) {
        double[] values = GoldenAssert.doubles(c.at("/input/values"));
        JsonNode labels = c.at("/input/clusters");
        String[] clusters = new String[labels.size()];
        for (int i = 0; i < clusters.length; i++) {
            clusters[i] = labels.get(i).asText();
        }
        ClusteredMeanResult r = ClusteredMean.of(values, clusters, c.at("/params/confidence").asDouble());
        JsonNode e = c.get("expected");
        assertThat(r.n()).isEqualTo(e.get("n").asInt());
        assertThat(r.clusters()).isEqualTo(e.get("clusters").asInt());
        close("mean", r.mean(), e.get("mean"));
        close("se_naive", r.seNaive(), e.get("se_naive"));
        close("se_clustered", r.seClustered(), e.get("se_clustered"));
        // The file's t quantile comes from scipy 1.10's cephes stdtrit, which is off by up to 4e-9 relative at
        // 39 degrees of freedom (t.ppf(0.975, 39) = 2.022690911734728 there, 2.022690920036761 in scipy 1.17.1 and
        // here); the bounds are therefore held to 1e-8 relative of the half-width instead of 1e-9.
        double halfWidth = e.get("t_upper").asDouble() - e.get("mean").asDouble();
        close("t_lower", r.interval().lower(), e.get("t_lower").asDouble(), 0, 1e-8 * halfWidth);
        close("t_upper", r.interval().upper(), e.get("t_upper").asDouble(), 0, 1e-8 * halfWidth);
    }
}
