package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    private static final ToDoubleFunction<double[]> MEAN = x -> Arrays.stream(x).average().orElseThrow();

    @Test
    void builder_defaults_areDocumentedConstants() {
        Bootstrap b = Bootstrap.builder().build();
        assertThat(b.rounds()).isEqualTo(1000);
        assertThat(b.confidence()).isEqualTo(0.95);
        assertThat(b.method()).isEqualTo(Bootstrap.Method.PERCENTILE);
        assertThat(b.seed()).isZero();
        assertThat(b.parallel()).isFalse();
        assertThat(b.toString()).contains("PERCENTILE", "1000 rounds");
    }

    @Test
    void builder_badValues_areRejectedNamingTheArgument() {
        assertThatThrownBy(() -> Bootstrap.builder().rounds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rounds must be at least 1 but was 0");
        assertThatThrownBy(() -> Bootstrap.builder().confidence(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1) but was 1.5");
        assertThatThrownBy(() -> Bootstrap.builder().confidence(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.builder().confidence(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.builder().method(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void interval_emptyData_isRejected() {
        Bootstrap b = Bootstrap.builder().build();
        assertThatThrownBy(() -> b.interval(new double[0], MEAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.length must be at least 1 but was 0");
        Bootstrap bca = Bootstrap.builder().method(Bootstrap.Method.BCA).build();
        assertThatThrownBy(() -> bca.interval(new double[] {1}, MEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 for BCa");
        assertThatThrownBy(() -> b.pairedInterval(0, idx -> 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockCount");
    }

    @Test
    void interval_statisticReturnsNaN_namesTheRound() {
        Bootstrap b = Bootstrap.builder().rounds(20).seed(3).build();
        int[] calls = {0};
        assertThatThrownBy(() -> b.interval(new double[] {1, 2, 3}, x -> ++calls[0] == 7 ? Double.NaN : 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the statistic returned NaN in bootstrap round 6");
        assertThatThrownBy(() -> b.pairedInterval(3, idx -> Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the statistic returned Infinity in bootstrap round 0");
    }

    @Test
    void replicates_sameSeed_areIdenticalAndOtherSeedDiffers() {
        double[] data = normalSample(new SplittableRandom(1), 40);
        double[] first = Bootstrap.builder().rounds(200).seed(42).build().replicates(data, MEAN);
        double[] again = Bootstrap.builder().rounds(200).seed(42).build().replicates(data, MEAN);
        double[] other = Bootstrap.builder().rounds(200).seed(43).build().replicates(data, MEAN);
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).hasSize(200);
    }

    @Test
    void replicates_parallel_equalSequential() {
        double[] data = normalSample(new SplittableRandom(2), 100);
        double[] sequential = Bootstrap.builder().rounds(300).seed(9).build().replicates(data, MEAN);
        double[] parallel = Bootstrap.builder().rounds(300).seed(9).parallel(true).build().replicates(data, MEAN);
        assertThat(parallel).containsExactly(sequential);
        double[] pairedSequential = Bootstrap.builder().rounds(100).seed(9).build()
                .pairedReplicates(30, idx -> Arrays.stream(idx).sum());
        double[] pairedParallel = Bootstrap.builder().rounds(100).seed(9).parallel(true).build()
                .pairedReplicates(30, idx -> Arrays.stream(idx).sum());
        assertThat(pairedParallel).containsExactly(pairedSequential);
    }

    @Test
    void replicates_resampleOnlyOriginalValues() {
        double[] data = {1, 10, 100};
        Bootstrap.builder().rounds(50).build().replicates(data, sample -> {
            for (double v : sample) {
                assertThat(v).isIn(1.0, 10.0, 100.0);
            }
            return 0;
        });
    }

    @Test
    void interval_meanOfNormalSamples_coversTheTrueMeanAtAboutTheNominalRate() {
        SplittableRandom random = new SplittableRandom(2024);
        int experiments = 300;
        int percentileHits = 0;
        int bcaHits = 0;
        Bootstrap percentile = Bootstrap.builder().rounds(400).seed(5).build();
        Bootstrap bca = Bootstrap.builder().rounds(400).seed(5).method(Bootstrap.Method.BCA).build();
        for (int e = 0; e < experiments; e++) {
            double[] data = normalSample(random, 40);
            percentileHits += percentile.interval(data, MEAN).contains(0) ? 1 : 0;
            bcaHits += bca.interval(data, MEAN).contains(0) ? 1 : 0;
        }
        // nominal 95 %; with n = 40 the bootstrap undercovers slightly; 300 experiments give a binomial sd of 1.3 %
        assertThat(percentileHits / (double) experiments).isBetween(0.89, 0.99);
        assertThat(bcaHits / (double) experiments).isBetween(0.89, 0.99);
    }

    @Test
    void interval_percentile_isTheLinearQuantilesOfTheReplicates() {
        Bootstrap b = Bootstrap.builder().rounds(101).confidence(0.9).seed(11).build();
        double[] data = normalSample(new SplittableRandom(4), 25);
        double[] replicates = b.replicates(data, MEAN);
        Arrays.sort(replicates);
        ConfidenceInterval ci = b.interval(data, MEAN);
        // 101 replicates: the 5 % and 95 % quantiles are exactly the 6th and 96th order statistics
        assertThat(ci.lower()).isEqualTo(replicates[5]);
        assertThat(ci.upper()).isEqualTo(replicates[95]);
        assertThat(ci.level()).isEqualTo(0.9);
    }

    @Test
    void quantile_linearInterpolation_matchesNumpyPercentile() {
        assertThat(BootstrapIntervals.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        // numpy.percentile(range(1, 101), [5, 95]) == [5.95, 95.05]
        assertThat(BootstrapIntervals.quantile(hundred, 0.05)).isCloseTo(5.95, within(1e-12));
        assertThat(BootstrapIntervals.quantile(hundred, 0.95)).isCloseTo(95.05, within(1e-12));
        assertThat(BootstrapIntervals.quantile(hundred, 0)).isEqualTo(1);
        assertThat(BootstrapIntervals.quantile(hundred, 1)).isEqualTo(100);
    }

    @Test
    void bca_handComputedCase_matchesEfronTibshiraniFormulas() {
        double[] replicates = new double[100];
        for (int i = 0; i < 100; i++) {
            replicates[i] = 100 - i;
        }
        // share below 40.5 is 0.4; jackknife {1, 2, 3, 10}; values from Python statistics.NormalDist and numpy
        assertThat(BootstrapIntervals.biasCorrection(sorted(replicates), 40.5, "x"))
                .isCloseTo(-0.2533471031357998, within(1e-12));
        assertThat(BootstrapIntervals.acceleration(new double[] {1, 2, 3, 10}, null))
                .isCloseTo(-0.08485281374238571, within(1e-15));
        ConfidenceInterval ci = BootstrapIntervals.interval(replicates, 0.9, 40.5, new double[] {1, 2, 3, 10},
                null, "x");
        assertThat(ci.lower()).isCloseTo(1.5875648612847755, within(1e-9));
        assertThat(ci.upper()).isCloseTo(84.0816504693481, within(1e-9));
    }

    @Test
    void bca_countsWeightTheJackknifeLikeRepeatedValues() {
        double grouped = BootstrapIntervals.acceleration(new double[] {1, 5, 2}, new double[] {3, 1, 2});
        double expanded = BootstrapIntervals.acceleration(new double[] {1, 1, 1, 5, 2, 2}, null);
        assertThat(grouped).isCloseTo(expanded, within(1e-15));
    }

    @Test
    void bca_zeroBiasAndZeroAcceleration_equalsPercentile() {
        double[] replicates = {-3, 2, -1, 1, 3, -2, 0.5, -0.5};
        double[] symmetricJackknife = {-1, 0, 1, -2, 2};
        ConfidenceInterval bca = BootstrapIntervals.interval(replicates, 0.8, 0, symmetricJackknife, null, "x");
        ConfidenceInterval percentile = BootstrapIntervals.interval(replicates, 0.8, 0, null, null, "x");
        assertThat(bca.lower()).isCloseTo(percentile.lower(), within(1e-12));
        assertThat(bca.upper()).isCloseTo(percentile.upper(), within(1e-12));
    }

    @Test
    void bca_allReplicatesOnOneSide_isUndefinedAndSaysSo() {
        assertThatThrownBy(() -> BootstrapIntervals.interval(new double[] {2, 3, 4}, 0.95, 1, new double[] {1, 2},
                null, "the mean")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BCa interval of the mean is undefined").hasMessageContaining("above");
    }

    @Test
    void interval_bcaOnSkewedData_shiftsTowardsTheLongTail() {
        SplittableRandom random = new SplittableRandom(8);
        double[] data = new double[60];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.exp(2 * random.nextGaussian());
        }
        Bootstrap.Builder builder = Bootstrap.builder().rounds(2000).seed(1);
        ConfidenceInterval percentile = builder.build().interval(data, MEAN);
        ConfidenceInterval bca = builder.method(Bootstrap.Method.BCA).build().interval(data, MEAN);
        assertThat(bca.upper()).isGreaterThan(percentile.upper());
        assertThat(bca.lower()).isGreaterThan(percentile.lower());
    }

    @Test
    void pairedInterval_correlatedBlocks_isNarrowerThanResamplingEachSideAlone() {
        SplittableRandom random = new SplittableRandom(12);
        int n = 80;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double difficulty = 3 * random.nextGaussian();
            a[i] = difficulty + 0.5 + 0.3 * random.nextGaussian();
            b[i] = difficulty + 0.3 * random.nextGaussian();
        }
        Bootstrap bootstrap = Bootstrap.builder().rounds(500).seed(2).build();
        ConfidenceInterval paired = bootstrap.pairedInterval(n, idx -> {
            double sum = 0;
            for (int i : idx) {
                sum += a[i] - b[i];
            }
            return sum / idx.length;
        });
        double unpairedWidth = bootstrap.interval(a, MEAN).width() + bootstrap.interval(b, MEAN).width();
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += (a[i] - b[i]) / n;
        }
        assertThat(paired.contains(observed)).as(paired.toString()).isTrue();
        assertThat(paired.width()).isLessThan(unpairedWidth / 4);
    }

    @Test
    void pairedInterval_bca_leavesOutEachBlockOnce() {
        int[] seen = new int[5];
        Bootstrap bca = Bootstrap.builder().rounds(50).method(Bootstrap.Method.BCA).build();
        bca.pairedInterval(5, idx -> {
            if (idx.length == 4) {
                int missing = 10 - Arrays.stream(idx).sum();
                seen[missing]++;
            }
            return Arrays.stream(idx).sum() + 0.25 * idx[0];
        });
        assertThat(seen).containsExactly(1, 1, 1, 1, 1);
    }

    private static double[] normalSample(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    private static double[] sorted(double[] x) {
        double[] copy = x.clone();
        Arrays.sort(copy);
        return copy;
    }
}
