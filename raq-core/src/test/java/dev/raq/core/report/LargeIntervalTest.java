package dev.raq.core.report;

import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Above {@link ValueSummary#LARGE} observations the interval of a mean is the normal one; checked to agree. */
class LargeIntervalTest {

    private static final Bootstrap BOOTSTRAP = Bootstrap.builder().rounds(1000).confidence(0.95).seed(42).build();

    @Test
    void justAboveTheThreshold_normalIntervalWithinTheBootstrapsMonteCarloError_onSkewedData() {
        Random random = new Random(3);
        double[] values = new double[ValueSummary.LARGE + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = -Math.log(1 - random.nextDouble()); // exponential: as skewed as scores get
        }
        ValueSummary large = ValueSummary.of(values, BOOTSTRAP);
        ConfidenceInterval bootstrap = BOOTSTRAP.interval(values, v -> {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        });
        double se = large.sd() / Math.sqrt(values.length);
        // a 1,000-round percentile endpoint moves by about 0.09 standard errors from seed to seed
        assertThat(large.meanInterval().lower()).isCloseTo(bootstrap.lower(), org.assertj.core.data.Offset.offset(0.25 * se));
        assertThat(large.meanInterval().upper()).isCloseTo(bootstrap.upper(), org.assertj.core.data.Offset.offset(0.25 * se));
        assertThat(large.meanInterval().upper() - large.meanInterval().lower()).isCloseTo(2 * 1.959964 * se,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void atTheThreshold_stillTheBootstrap() {
        double[] values = new double[ValueSummary.LARGE];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3;
        }
        ConfidenceInterval expected = BOOTSTRAP.interval(values, v -> {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        });
        assertThat(ValueSummary.of(values, BOOTSTRAP).meanInterval()).isEqualTo(expected);
    }
}
