package dev.raq.core.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyColumnTest {

    private static long[] lognormal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI
                    * random.nextDouble());
            out[i] = (long) (Math.exp(Math.log(800e6) + 0.6 * gaussian)); // around 0.8 s, a long right tail
        }
        return out;
    }

    private static LatencyColumn column(long[] values) {
        LatencyColumn c = new LatencyColumn();
        for (long v : values) {
            c.add(v);
        }
        return c;
    }

    @Test
    void upToTheLimit_percentilesAreExactInterpolations() {
        long[] values = lognormal(LatencyColumn.EXACT, 1);
        LatencyColumn c = column(values);
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(c.approximate()).isFalse();
        assertThat(c.count()).isEqualTo(LatencyColumn.EXACT);
        for (double p : new double[] {0, 0.5, 0.95, 1}) {
            assertThat(c.percentile(p)).isEqualTo(ReportAnalysis.percentile(sorted, sorted.length, p));
        }
        assertThat(new LatencyColumn().percentile(0.5)).isNull();
    }

    @Test
    void pastTheLimit_percentilesAreWithinAThousandthOfTheExactOnes_inMemoryThatDoesNotGrow() {
        long[] values = lognormal(300_000, 2);
        LatencyColumn c = column(values);
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(c.approximate()).isTrue();
        assertThat(c.count()).isEqualTo(300_000);
        for (double p : new double[] {0.01, 0.5, 0.9, 0.95, 0.99, 1}) {
            long exact = ReportAnalysis.percentile(sorted, sorted.length, p).toNanos();
            long sketched = c.percentile(p).toNanos();
            assertThat(Math.abs(sketched - exact) / (double) exact).as("p = %s", p).isLessThanOrEqualTo(1e-3);
        }
    }

    @Test
    void negativeDurations_countAsZero() {
        LatencyColumn c = new LatencyColumn();
        c.add(-5);
        assertThat(c.percentile(0.5)).isEqualTo(Duration.ZERO);
    }
}
