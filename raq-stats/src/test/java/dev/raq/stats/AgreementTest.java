package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {

    @Test
    void kendallW_threeRatersByHand() {
        // rank sums 4, 6, 8 around the mean 6: S = 8, W = 12·8/(3²·(27 − 3)) = 96/216 = 4/9
        // (also scipy 1.10.1: friedmanchisquare(columns).statistic / (m(n − 1)) = 0.444…)
        double w = Agreement.kendallW(new double[][] {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}});
        assertThat(w).isCloseTo(4.0 / 9, within(1e-15));
    }

    @Test
    void kendallW_tiedScores_useTheTieCorrection() {
        // scores, not ranks, with ties. By hand: row ranks (4, 1.5, 1.5, 3, 5), (2.5, 2.5, 1, 4.5, 4.5),
        // (4, 1, 2.5, 2.5, 5), (2, 2, 2, 4.5, 4.5); rank sums 12.5, 7, 7, 14.5, 19 around the mean 12:
        // S = 0.25 + 25 + 25 + 6.25 + 49 = 105.5; tie terms 6 + 12 + 6 + 30 = 54;
        // W = 12·105.5/(4²·(125 − 5) − 4·54) = 1266/1704.
        // Cross-check: scipy 1.10.1 friedmanchisquare(*columns).statistic / (m(n − 1)) = 0.742957746478874
        double[][] ratings = {{3, 1, 1, 2, 5}, {2, 2, 1, 3, 3}, {4, 1, 2, 2, 5}, {1, 1, 1, 2, 2}};
        assertThat(Agreement.kendallW(ratings)).isCloseTo(1266.0 / 1704, within(1e-15));
        assertThat(Agreement.kendallW(ratings)).isCloseTo(0.742957746478874, within(1e-14));
    }

    @Test
    void kendallW_perfectAgreement_isOne() {
        assertThat(Agreement.kendallW(new double[][] {{1, 2, 3, 4}, {10, 20, 30, 40}})).isCloseTo(1, within(1e-15));
    }

    @Test
    void kendallW_everyRaterTiesAll_isUndefined() {
        assertThat(Agreement.kendallW(new double[][] {{1, 1}, {2, 2}})).isNaN();
    }

    @Test
    void kendallW_badInput_isRejected() {
        assertThatThrownBy(() -> Agreement.kendallW(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 rows");
        assertThatThrownBy(() -> Agreement.kendallW(new double[][] {{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratings[1] has 1 items");
        assertThatThrownBy(() -> Agreement.kendallW(new double[][] {{1}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 columns");
        assertThatThrownBy(() -> Agreement.kendallW(new double[][] {{1, 2}, {1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings[1][1] is NaN");
    }

    @Test
    void cohenKappa_wikipediaExample_isPointFour() {
        // Wikipedia "Cohen's kappa" worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no;
        // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4 (statsmodels cohens_kappa: 0.3999999999999999)
        int[] a = new int[50];
        int[] b = new int[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i < 25 ? 1 : 0;
            b[i] = i < 20 || i >= 25 && i < 35 ? 1 : 0;
        }
        assertThat(Agreement.cohenKappa(a, b)).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void cohenKappa_arbitraryLabels_matchStatsmodels() {
        // three categories plus a label used by both raters once; statsmodels 0.13.5 cohens_kappa: 0.616279069767442
        int[] a = {0, 1, 2, 2, 1, 0, 0, 2, 1, 1, 7};
        int[] b = {0, 1, 2, 1, 1, 0, 2, 2, 0, 1, 7};
        assertThat(Agreement.cohenKappa(a, b)).isCloseTo(0.616279069767442, within(1e-14));
        int[] shifted = {-5, 100, 3, 3, 100, -5, -5, 3, 100, 100, 42};
        int[] shiftedB = {-5, 100, 3, 100, 100, -5, 3, 3, -5, 100, 42};
        assertThat(Agreement.cohenKappa(shifted, shiftedB)).isCloseTo(0.616279069767442, within(1e-14));
    }

    @Test
    void cohenKappa_oneSharedLabel_isUndefined() {
        assertThat(Agreement.cohenKappa(new int[] {3, 3}, new int[] {3, 3})).isNaN();
        assertThat(Agreement.cohenKappa(new int[] {3, 3}, new int[] {4, 4})).isZero();
    }

    @Test
    void cohenKappa_badInput_isRejected() {
        assertThatThrownBy(() -> Agreement.cohenKappa(new int[] {1}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Agreement.cohenKappa(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
