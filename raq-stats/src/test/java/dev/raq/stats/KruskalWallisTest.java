package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KruskalWallisTest {

    @Test
    void test_separatedGroups_givesHFromTheRankSums() {
        // ranks 1..3 | 4..6 | 7..9: R = 6, 15, 24; H = 12/(9*10) * (36+225+576)/3 - 30 = 7.2
        OmnibusResult r = KruskalWallis.test(new double[] {1, 2, 3}, new double[] {4, 5, 6}, new double[] {7, 8, 9});
        assertThat(r.statistic()).isCloseTo(7.2, within(1e-12));
        assertThat(r.pValue()).isCloseTo(Math.exp(-3.6), within(1e-15)); // chi2 sf with 2 df = exp(-x/2)
        assertThat(r.degreesOfFreedom()).isEqualTo(2);
        assertThat(r.defined()).isTrue();
        assertThat(r.test()).isEqualTo("Kruskal-Wallis");
    }

    @Test
    void test_orderOfValuesWithinGroups_doesNotMatter() {
        OmnibusResult a = KruskalWallis.test(new double[] {3, 1, 2, 2}, new double[] {5, 4, 2});
        OmnibusResult b = KruskalWallis.test(new double[] {2, 2, 1, 3}, new double[] {2, 5, 4});
        assertThat(a.statistic()).isEqualTo(b.statistic());
    }

    @Test
    void test_allValuesEqual_isUndefinedAndSaysSo() {
        OmnibusResult r = KruskalWallis.test(new double[] {3, 3}, new double[] {3, 3, 3});
        assertThat(r.defined()).isFalse();
        assertThat(r.statistic()).isNaN();
        assertThat(r.pValue()).isNaN();
        assertThat(r.isSignificant(0.05)).isFalse();
        assertThat(r).hasToString("Kruskal-Wallis: undefined (all observations tied), df = 1");
    }

    @Test
    void test_fewerThanTwoGroups_isRejected() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups must hold at least 2 groups but had 1");
    }

    @Test
    void test_emptyGroup_isRejectedWithItsIndex() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, new double[] {2}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups[2] is empty");
    }

    @Test
    void test_nanValue_isRejectedWithItsIndex() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, new double[] {2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups[1][1] is NaN");
    }

    @Test
    void test_nullGroup_isRejected() {
        assertThatThrownBy(() -> KruskalWallis.test(new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groups[1] is null");
    }
}
