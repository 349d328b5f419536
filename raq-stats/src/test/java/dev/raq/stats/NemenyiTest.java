package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NemenyiTest {

    private static final double[][] GROUPS = {{1, 2, 2, 3, 5}, {4, 6, 7, 7, 8, 9}, {3, 5, 6, 10}};

    @Test
    void test_chiSquareWithTwoGroups_equalsKruskalWallis() {
        double[][] two = {GROUPS[0], GROUPS[2]};
        PostHocResult r = Nemenyi.test(two, NemenyiDistribution.CHI_SQUARE);
        OmnibusResult kw = KruskalWallis.test(two);
        assertThat(r.statistic(0, 1) * r.statistic(0, 1)).isCloseTo(kw.statistic(), within(1e-12));
        assertThat(r.pValue(0, 1)).isCloseTo(kw.pValue(), within(1e-14));
        assertThat(r.adjustment()).isEqualTo(PAdjust.NONE);
    }

    @Test
    void test_studentizedRange_usesQOfTheMeanRanks() {
        PostHocResult r = Nemenyi.test(GROUPS, NemenyiDistribution.STUDENTIZED_RANGE);
        double q = r.statistic(1, 0);
        assertThat(q).isPositive();
        assertThat(r.pValue(0, 1)).isEqualTo(StudentizedRange.sf(q, 3));
        assertThat(r.statistic(0, 1)).isEqualTo(-q);
    }

    @Test
    void test_allValuesEqual_chiSquareIsUndefinedButStudentizedRangeIsOne() {
        double[][] same = {{2, 2}, {2, 2, 2}};
        assertThat(Nemenyi.test(same, NemenyiDistribution.CHI_SQUARE).pValue(0, 1)).isNaN();
        assertThat(Nemenyi.test(same, NemenyiDistribution.STUDENTIZED_RANGE).pValue(0, 1)).isEqualTo(1.0);
    }

    @Test
    void test_badGroups_areRejected() {
        assertThatThrownBy(() -> Nemenyi.test(new double[][] {{1}, {}}, NemenyiDistribution.CHI_SQUARE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("groups[1] is empty");
        assertThatThrownBy(() -> Nemenyi.test(GROUPS, null)).isInstanceOf(NullPointerException.class);
    }
}
