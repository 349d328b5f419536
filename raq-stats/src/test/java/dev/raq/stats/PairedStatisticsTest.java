package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedStatisticsTest {

    @Test
    void badArguments_rejectedNamingThem() {
        assertThatThrownBy(() -> PairedDifference.of(new double[] {1, 2}, new double[] {1}, 0.95))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> PairedDifference.of(new double[] {1}, new double[] {1}, 0.95))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> PairedDifference.of(new double[] {1, Double.NaN}, new double[] {1, 2}, 0.95))
                .hasMessageContaining("item 1 must be finite");
        assertThatThrownBy(() -> McNemar.test(-1, 2)).hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> McNemar.test(new int[][] {{1, 2}})).hasMessageContaining("2 x 2");
        assertThatThrownBy(() -> PassAtK.passAtK(5, 6, 1)).hasMessageContaining("c = 6");
        assertThatThrownBy(() -> PassAtK.passHatK(5, 2, 0)).hasMessageContaining("k = 0");
    }

    @Test
    void mcnemar_discordantOnlyMatters() {
        assertThat(McNemar.test(new int[][] {{100, 3}, {12, 7}})).isEqualTo(McNemar.test(3, 12));
        assertThat(McNemar.test(3, 12).exactPValue()).isEqualTo(McNemar.test(12, 3).exactPValue());
    }

    @Test
    void passAtK_boundaries() {
        assertThat(PassAtK.passAtK(10, 0, 3)).isZero();
        assertThat(PassAtK.passAtK(10, 8, 3)).isEqualTo(1.0);
        assertThat(PassAtK.passHatK(10, 10, 10)).isEqualTo(1.0);
        assertThat(PassAtK.passHatK(10, 2, 3)).isZero();
    }

    @Test
    void power_workedExample_andArgumentsChecked() {
        PowerPlan plan = PowerAnalysis.pairedBinary(0.72, 0.70, 0.7, 0.02, 8, 0.25, 0.05, 0.8);
        assertThat(plan.nCeil()).isEqualTo(2425);
        assertThat(plan.nClusteredCeil()).isEqualTo(6667);
        assertThat(plan.minimumDetectableDifference(500) / Math.sqrt(plan.designEffect())).isBetween(0.0440, 0.0441);
        assertThat(PowerAnalysis.pairedTPower(0.5, PowerAnalysis.pairedTSampleSize(0.5, 0.05, 0.9), 0.05))
                .isBetween(0.9 - 1e-9, 0.9 + 1e-9);
        assertThatThrownBy(() -> PowerAnalysis.pairedBinary(1.2, 0.7, 0.7, 0.02, 1, 0, 0.05, 0.8))
                .hasMessageContaining("pA must be in (0, 1)");
        assertThatThrownBy(() -> PowerAnalysis.pairedBinary(0.7, 0.7, 0.7, 0, 1, 0, 0.05, 0.8))
                .hasMessageContaining("delta must be > 0");
        assertThatThrownBy(() -> PowerAnalysis.pairedBinary(0.7, 0.7, 0.7, 0.1, 0, 0, 0.05, 0.8))
                .hasMessageContaining("clusterSize");
    }

    @Test
    void pairedDifference_minimumDetectableDifference_hasThePowerItPromises() {
        PairedDifferenceResult r = PairedDifference.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 1, 4, 3, 6, 5},
                0.95);
        double mde = r.minimumDetectableDifference(0.05, 0.8);
        assertThat(mde).isCloseTo(2.8015852 * r.standardError(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.powerFor(mde, 0.05)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SignTest.normalPValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void pairedDifference_rankBiserial_fromTheSignedRanksOfTheDifferences() {
        assertThat(PairedDifference.of(new double[] {2, 4, 6}, new double[] {1, 2, 3}, 0.95).rankBiserial())
                .isEqualTo(1.0);
        // differences 1, 2, -3: |d| ranks 1, 2, 3 -> (3 - 3) / 6
        assertThat(PairedDifference.of(new double[] {2, 4, 0}, new double[] {1, 2, 3}, 0.95).rankBiserial())
                .isEqualTo(0.0);
        assertThat(PairedDifference.of(new double[] {1, 1}, new double[] {1, 1}, 0.95).rankBiserial()).isNaN();
    }

    @Test
    void pairedDifference_rankBiserial_isKerbysFormulaOverScipysAverageRanks_withTiesAndZeros() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(60);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(7) / 2.0; // few values: ties across signs, and zeros
                b[i] = round % 2 == 0 ? random.nextInt(7) / 2.0 : random.nextGaussian();
            }
            double[] nonzero = java.util.stream.IntStream.range(0, n).mapToDouble(i -> a[i] - b[i])
                    .filter(v -> v != 0).toArray();
            double[] ranks = Ranks.rank(java.util.Arrays.stream(nonzero).map(Math::abs).toArray());
            double plus = 0;
            double minus = 0;
            for (int i = 0; i < nonzero.length; i++) {
                plus += nonzero[i] > 0 ? ranks[i] : 0;
                minus += nonzero[i] < 0 ? ranks[i] : 0;
            }
            Double expected = nonzero.length == 0 ? Double.NaN : (plus - minus) / (plus + minus);
            assertThat((Double) PairedDifference.of(a, b, 0.95).rankBiserial()).as("round %d", round)
                    .isEqualTo(expected);
        }
    }

    @Test
    void pairedDifference_ofCounts_isTheItemsWrittenOut() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            int m = 1 + random.nextInt(12);
            double[] a = new double[m];
            double[] b = new double[m];
            long[] counts = new long[m];
            java.util.List<double[]> items = new java.util.ArrayList<>();
            for (int k = 0; k < m; k++) {
                a[k] = random.nextInt(5) / 2.0;
                b[k] = random.nextInt(5) / 2.0;
                counts[k] = random.nextInt(4);
                for (long r = 0; r < counts[k]; r++) {
                    items.add(new double[] {a[k], b[k]});
                }
            }
            if (items.size() < 2) {
                continue;
            }
            java.util.Collections.shuffle(items, random);
            PairedDifferenceResult plain = PairedDifference.of(items.stream().mapToDouble(x -> x[0]).toArray(),
                    items.stream().mapToDouble(x -> x[1]).toArray(), 0.9);
            PairedDifferenceResult counted = PairedDifference.ofCounts(a, b, counts, 0.9);
            assertThat(counted.n()).isEqualTo(plain.n());
            assertThat((Double) counted.rankBiserial()).isEqualTo((Double) plain.rankBiserial()); // exact: rank sums are multiples of 1/2
            assertThat(counted.meanDifference()).isCloseTo(plain.meanDifference(), within(1e-12));
            assertThat(counted.sdDifference()).isCloseTo(plain.sdDifference(), within(1e-12));
            assertThat(counted.tInterval().lower()).isCloseTo(plain.tInterval().lower(), within(1e-12));
            assertThat(counted.zInterval().upper()).isCloseTo(plain.zInterval().upper(), within(1e-12));
            assertThat(counted.tPValue()).isEqualTo(plain.tPValue(), within(1e-12));
            assertThat(counted.correlation()).isEqualTo(plain.correlation(), within(1e-12));
        }
    }

    @Test
    void pairedDifference_ofCounts_badArgumentsNamed() {
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {1}, new double[] {1, 2}, new long[] {1}, 0.9))
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {1, 2}, new double[] {1, 2},
                new long[] {3, -1}, 0.9)).hasMessageContaining("count 1 must be >= 0 but was -1");
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {1, 2}, new double[] {1, 2},
                new long[] {1, 0}, 0.9)).hasMessageContaining("at least two").hasMessageContaining("had 1");
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {Double.NaN, 2}, new double[] {1, 2},
                new long[] {1, 1}, 0.9)).hasMessageContaining("pair 0 must be finite");
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {1, 2, 3}, new double[] {1, 2, 3},
                new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 4}, 0.9)).hasMessageContaining("at most 2^31 - 1 items");
        assertThatThrownBy(() -> PairedDifference.ofCounts(new double[] {1, 2}, new double[] {1, 2},
                new long[] {Integer.MAX_VALUE, 1}, 0.9)).hasMessageContaining("at most 2^31 - 1 items");
        // a pair that no item has may hold anything
        assertThat(PairedDifference.ofCounts(new double[] {Double.NaN, 2}, new double[] {1, 2}, new long[] {0, 2},
                0.9).n()).isEqualTo(2);
    }
}
