package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DunnTest {

    private static final double[][] GROUPS = {
            {1, 2, 2, 3, 5}, {4, 6, 7, 7, 8, 9}, {3, 5, 6, 10}};

    @Test
    void test_twoGroups_zSquaredEqualsKruskalWallisH() {
        double[][] two = {GROUPS[0], GROUPS[1]};
        PostHocResult dunn = Dunn.test(two, PAdjust.NONE);
        OmnibusResult kw = KruskalWallis.test(two);
        assertThat(dunn.statistic(0, 1) * dunn.statistic(0, 1)).isCloseTo(kw.statistic(), within(1e-12));
        assertThat(dunn.pValue(0, 1)).isCloseTo(kw.pValue(), within(1e-14));
    }

    @Test
    void test_statistics_areSignedAndAntisymmetric() {
        PostHocResult r = Dunn.test(GROUPS, PAdjust.HOLM);
        assertThat(r.statistic(0, 1)).isNegative(); // group 0 has the lower mean rank
        assertThat(r.statistic(1, 0)).isEqualTo(-r.statistic(0, 1));
        assertThat(r.statistic(2, 2)).isZero();
        assertThat(r.pValue(1, 1)).isEqualTo(1.0);
        assertThat(r.pValue(0, 2)).isEqualTo(r.pValue(2, 0));
        assertThat(r.adjustment()).isEqualTo(PAdjust.HOLM);
        assertThat(r.test()).isEqualTo("Dunn");
    }

    @Test
    void test_holm_adjustsTheUpperTriangleAsOneFamily() {
        PostHocResult raw = Dunn.test(GROUPS, PAdjust.NONE);
        PostHocResult holm = Dunn.test(GROUPS, PAdjust.HOLM);
        double[] adjusted = PAdjust.HOLM.adjust(new double[] {raw.pValue(0, 1), raw.pValue(0, 2), raw.pValue(1, 2)});
        assertThat(holm.pValue(0, 1)).isEqualTo(adjusted[0]);
        assertThat(holm.pValue(0, 2)).isEqualTo(adjusted[1]);
        assertThat(holm.pValue(1, 2)).isEqualTo(adjusted[2]);
    }

    @Test
    void test_allValuesEqual_givesNaNOffTheDiagonal() {
        PostHocResult r = Dunn.test(new double[][] {{2, 2}, {2}, {2, 2, 2}}, PAdjust.HOLM);
        assertThat(r.pValue(0, 1)).isNaN();
        assertThat(r.statistic(1, 2)).isNaN();
        assertThat(r.pValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void test_badGroups_areRejected() {
        assertThatThrownBy(() -> Dunn.test(new double[][] {{1, 2}}, PAdjust.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 groups");
        assertThatThrownBy(() -> Dunn.test(new double[][] {{1}, {2}, {}}, PAdjust.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("groups[2] is empty");
        assertThatThrownBy(() -> Dunn.test(new double[][] {{Double.NaN}, {2}}, PAdjust.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("groups[0][0] is NaN");
        assertThatThrownBy(() -> Dunn.test(GROUPS, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("adjustment");
    }
}
