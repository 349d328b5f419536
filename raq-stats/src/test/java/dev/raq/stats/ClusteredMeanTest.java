package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClusteredMeanTest {

    @Test
    void of_everyItemItsOwnCluster_clusteredSeEqualsNaiveSe() {
        double[] values = {0.1, 0.5, 0.9, 0.4, 0.7};
        ClusteredMeanResult r = ClusteredMean.of(values, new String[] {"a", "b", "c", "d", "e"}, 0.95);
        // G/(G-1) * sum r^2 / n^2 = n/(n-1) * sum r^2 / n^2 = var/n
        assertThat(r.seClustered()).isCloseTo(r.seNaive(), within(1e-15));
        assertThat(r.designEffect()).isCloseTo(1.0, within(1e-12));
        assertThat(r.clusters()).isEqualTo(5);
    }

    @Test
    void of_identicalValuesWithinClusters_designEffectNearClusterSize() {
        double[] values = new double[40];
        String[] clusters = new String[40];
        for (int i = 0; i < 40; i++) {
            values[i] = (i / 8) % 2;
            clusters[i] = "c" + i / 8;
        }
        ClusteredMeanResult r = ClusteredMean.of(values, clusters, 0.95);
        assertThat(r.designEffect()).isGreaterThan(6);
        assertThat(r.interval().level()).isEqualTo(0.95);
    }

    @Test
    void of_singleCluster_seAndIntervalUndefined() {
        ClusteredMeanResult r = ClusteredMean.of(new double[] {1, 2, 3}, new String[] {"x", "x", "x"}, 0.95);
        assertThat(r.seClustered()).isNaN();
        assertThat(r.interval()).isNull();
        assertThat(r.mean()).isEqualTo(2.0);
    }

    @Test
    void of_badArguments_rejectedNamingThem() {
        assertThatThrownBy(() -> ClusteredMean.of(new double[] {1, 2}, new String[] {"a"}, 0.95))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> ClusteredMean.of(new double[] {1}, new String[] {"a"}, 0.95))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> ClusteredMean.of(new double[] {1, Double.NaN}, new String[] {"a", "b"}, 0.95))
                .hasMessageContaining("values[1] must be finite");
        assertThatThrownBy(() -> ClusteredMean.of(new double[] {1, 2}, new String[] {"a", "b"}, 1.0))
                .hasMessageContaining("confidence");
    }
}
