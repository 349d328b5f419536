package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
