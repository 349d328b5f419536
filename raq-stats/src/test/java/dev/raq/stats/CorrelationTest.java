package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorrelationTest {

    @Test
    void spearman_handExample_matchesScipy() {
        // ranks of y = 1, 2, 3.5, 5, 3.5; scipy 1.10.1 spearmanr: 0.8207826816681233, p 0.08858700531354381
        CorrelationResult r = Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7},
                Alternative.TWO_SIDED);
        assertThat(r.defined()).isTrue();
        assertThat(r.statistic()).isCloseTo(0.8207826816681233, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.08858700531354381, within(1e-13));
    }

    @Test
    void spearman_constantOrTooShort_isUndefined() {
        CorrelationResult constant = Correlation.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3},
                Alternative.TWO_SIDED);
        assertThat(constant.defined()).isFalse();
        assertThat(constant.statistic()).isNaN();
        assertThat(constant.pValue()).isNaN();
        assertThat(Correlation.spearman(new double[] {1, 2}, new double[] {3, 5}, Alternative.TWO_SIDED).defined())
                .isFalse();
    }

    @Test
    void kendallTau_handExample_oneDiscordantPair() {
        // pairs (1,2) and (1,3) concordant, (2,3) discordant: tau = (2 − 1)/3; exact two-sided p = 1 for n = 3
        double[] x = {1, 2, 3};
        double[] y = {1, 3, 2};
        CorrelationResult b = Correlation.kendallTau(x, y, Correlation.KendallVariant.B,
                Correlation.KendallMethod.AUTO, Alternative.TWO_SIDED);
        assertThat(b.statistic()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(b.pValue()).isEqualTo(1.0);
        // tau-c = 2(C − D)/(n²(m − 1)/m) = 2/(9·2/3)
        CorrelationResult c = Correlation.kendallTau(x, y, Correlation.KendallVariant.C,
                Correlation.KendallMethod.AUTO, Alternative.TWO_SIDED);
        assertThat(c.statistic()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void kendallTau_mergeSortCounting_agreesWithAllPairsCount() {
        Random random = new Random(7);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(30);
            y[i] = x[i] + random.nextInt(20);
        }
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (s > 0) {
                    concordant++;
                } else if (s < 0) {
                    discordant++;
                }
                if (x[i] == x[j]) {
                    tiedX++;
                }
                if (y[i] == y[j]) {
                    tiedY++;
                }
            }
        }
        long total = (long) n * (n - 1) / 2;
        double expected = (concordant - discordant) / Math.sqrt(total - tiedX) / Math.sqrt(total - tiedY);
        CorrelationResult r = Correlation.kendallTau(x, y, Correlation.KendallVariant.B,
                Correlation.KendallMethod.AUTO, Alternative.TWO_SIDED);
        assertThat(r.statistic()).isCloseTo(expected, within(1e-14));
    }

    @Test
    void kendallTau_exactWithTies_isRejected() {
        assertThatThrownBy(() -> Correlation.kendallTau(new double[] {1, 1, 2}, new double[] {1, 2, 3},
                Correlation.KendallVariant.B, Correlation.KendallMethod.EXACT, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ties");
    }

    @Test
    void kendallTau_asymptoticAtTwoPairs_isUndefined() {
        CorrelationResult r = Correlation.kendallTau(new double[] {1, 2}, new double[] {3, 5},
                Correlation.KendallVariant.B, Correlation.KendallMethod.ASYMPTOTIC, Alternative.TWO_SIDED);
        assertThat(r.defined()).isFalse();
        CorrelationResult exact = Correlation.kendallTau(new double[] {1, 2}, new double[] {3, 5},
                Correlation.KendallVariant.B, Correlation.KendallMethod.AUTO, Alternative.TWO_SIDED);
        assertThat(exact.statistic()).isEqualTo(1.0);
        assertThat(exact.pValue()).isEqualTo(1.0);
    }

    @Test
    void kendallExactPValue_n4_countsPermutationsByHand() {
        // inversion counts of the 24 permutations of 4: 1, 3, 5, 6, 5, 3, 1 for 0..6 inversions.
        // 5 concordant pairs = 1 inversion: P(inversions <= 1) = 4/24, two-sided 8/24
        assertThat(Correlation.kendallExactPValue(4, 5, Alternative.TWO_SIDED)).isCloseTo(8.0 / 24, within(1e-15));
        assertThat(Correlation.kendallExactPValue(4, 4, Alternative.GREATER)).isCloseTo(9.0 / 24, within(1e-15));
        assertThat(Correlation.kendallExactPValue(4, 4, Alternative.LESS)).isCloseTo(20.0 / 24, within(1e-15));
    }

    @Test
    void correlations_badInput_isRejected() {
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1}, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Correlation.kendallTau(new double[0], new double[0], Correlation.KendallVariant.B,
                Correlation.KendallMethod.AUTO, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1, Double.NaN},
                Alternative.LESS)).isInstanceOf(IllegalArgumentException.class).hasMessage("y[1] is NaN");
    }

    @Test
    void correlationResult_inconsistentFields_areRejected() {
        assertThatThrownBy(() -> new CorrelationResult(Double.NaN, 0.5, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationResult(0.5, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
