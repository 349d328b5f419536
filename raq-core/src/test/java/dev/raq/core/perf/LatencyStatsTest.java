package dev.raq.core.perf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyStatsTest {

    @Test
    void of_oneToHundred_givesNearestRankPercentiles() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[v.length - 1 - i] = i + 1; // descending: the input order must not matter
        }
        LatencyStats s = LatencyStats.of(v);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.mean()).isCloseTo(50.5, within(1e-12));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p90()).isEqualTo(90);
        assertThat(s.p95()).isEqualTo(95);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(v[0]).isEqualTo(100); // not sorted in place
    }

    @Test
    void of_smallSamples_takeObservedValues() {
        LatencyStats s = LatencyStats.of(10, 20, 30);
        // ranks ceil(0.5·3)=2, ceil(0.9·3)=3
        assertThat(s.p50()).isEqualTo(20);
        assertThat(s.p90()).isEqualTo(30);
        assertThat(s.p99()).isEqualTo(30);
        assertThat(LatencyStats.of(7).p50()).isEqualTo(7);
        assertThat(LatencyStats.of()).isEqualTo(LatencyStats.EMPTY);
    }
}
