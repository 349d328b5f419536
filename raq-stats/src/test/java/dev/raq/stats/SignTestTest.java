package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SignTestTest {

    // 10 pairs: 7 with x > y, 1 with x < y, 2 ties -> k = 7 of n = 8 non-tied pairs
    private static final double[] X = {3, 5, 4, 6, 2, 7, 8, 5, 1, 9};
    private static final double[] Y = {1, 2, 4, 3, 1, 5, 8, 4, 2, 7};

    @Test
    void test_tiesDropped_exactBinomialByHand() {
        BinomialTestResult two = SignTest.test(X, Y, Alternative.TWO_SIDED);
        assertThat(two.k()).isEqualTo(7);
        assertThat(two.n()).isEqualTo(8);
        assertThat(two.statistic()).isEqualTo(7.0 / 8);
        // P(X >= 7) = (C(8,7) + C(8,8)) / 2^8 = 9/256; two-sided doubles it (symmetric at p = 1/2)
        assertThat(two.pValue()).isCloseTo(18.0 / 256, within(1e-15));
        assertThat(SignTest.test(X, Y, Alternative.GREATER).pValue()).isCloseTo(9.0 / 256, within(1e-15));
        // P(X <= 7) = 1 − 1/256
        assertThat(SignTest.test(X, Y, Alternative.LESS).pValue()).isCloseTo(255.0 / 256, within(1e-15));
    }

    @Test
    void test_allTied_isRejected() {
        assertThatThrownBy(() -> SignTest.test(new double[] {1, 2}, new double[] {1, 2}, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-zero difference");
    }

    @Test
    void test_badInput_isRejected() {
        assertThatThrownBy(() -> SignTest.test(new double[] {1}, new double[] {1, 2}, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> SignTest.test(new double[] {Double.NaN}, new double[] {1}, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[0] is NaN");
    }

    @Test
    void pairwise_matrixHoldsAdjustedPValuesAndSignedShares() {
        PostHocResult r = SignTest.pairwise(new double[][] {X, Y, Y.clone()}, PAdjust.BONFERRONI);
        assertThat(r.pValue(0, 1)).isCloseTo(3 * 18.0 / 256, within(1e-14));
        assertThat(r.pValue(1, 0)).isEqualTo(r.pValue(0, 1));
        assertThat(r.pValue(1, 2)).isNaN();
        assertThat(r.statistic(0, 1)).isEqualTo(7.0 / 8 - 0.5);
        assertThat(r.statistic(1, 0)).isEqualTo(-(7.0 / 8 - 0.5));
        assertThat(r.isSignificant(1, 2, 0.05)).isFalse();
    }
}
