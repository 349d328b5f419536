package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FriedmanTest {

    /** Four questions, three candidates; candidate 2 always best, candidate 0 mostly worst. */
    private static final double[][] SCORES = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {1, 2, 3}};

    @Test
    void test_untiedBlocks_givesTheTextbookStatistic() {
        // rank sums 5, 8, 11: Q = 12/(4*3*4) * (25+64+121) - 3*4*4 = 52.5 - 48 = 4.5
        OmnibusResult r = Friedman.test(SCORES);
        assertThat(r.statistic()).isCloseTo(4.5, within(1e-12));
        assertThat(r.pValue()).isCloseTo(Math.exp(-2.25), within(1e-15));
        assertThat(r.degreesOfFreedom()).isEqualTo(2);
        assertThat(r.test()).isEqualTo("Friedman");
    }

    @Test
    void test_rowsAreRankedSeparately_soMonotoneRescalingOfARowChangesNothing() {
        double[][] rescaled = {{10, 200, 3000}, {-5, 7, 6}, {2, 1, 3}, {0.1, 0.2, 0.3}};
        assertThat(Friedman.test(rescaled).statistic()).isEqualTo(Friedman.test(SCORES).statistic());
    }

    @Test
    void test_everyBlockTied_isUndefined() {
        OmnibusResult r = Friedman.test(new double[][] {{1, 1, 1}, {5, 5, 5}});
        assertThat(r.defined()).isFalse();
        assertThat(r.pValue()).isNaN();
    }

    @Test
    void test_twoTreatments_isRejectedAsScipyDoes() {
        assertThatThrownBy(() -> Friedman.test(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 columns");
    }

    @Test
    void test_raggedMatrix_isRejectedWithTheRow() {
        assertThatThrownBy(() -> Friedman.test(new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("blocks[1] has 2 values but blocks[0] has 3");
    }

    @Test
    void test_emptyOrNaN_isRejected() {
        assertThatThrownBy(() -> Friedman.test(new double[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("blocks is empty");
        assertThatThrownBy(() -> Friedman.nemenyi(new double[][] {{1, 2}, {1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("blocks[1][1] is NaN");
        assertThatThrownBy(() -> Friedman.conover(new double[][] {{1}, {2}}, PAdjust.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 columns");
    }

    @Test
    void nemenyi_signedStatistics_followTheMeanRanks() {
        PostHocResult r = Friedman.nemenyi(SCORES);
        assertThat(r.statistic(2, 0)).isPositive();
        assertThat(r.statistic(0, 2)).isEqualTo(-r.statistic(2, 0));
        // q = sqrt(2) * (11/4 - 5/4) / sqrt(3*4/(6*4))
        assertThat(r.statistic(2, 0)).isCloseTo(Math.sqrt(2) * 1.5 / Math.sqrt(0.5), within(1e-12));
        assertThat(r.pValue(0, 2)).isEqualTo(StudentizedRange.sf(r.statistic(2, 0), 3));
    }

    @Test
    void conover_identicalRankingInEveryBlock_givesZeroPValues() {
        double[][] agreement = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        PostHocResult r = Friedman.conover(agreement, PAdjust.NONE);
        assertThat(r.pValue(0, 1)).isZero();
        assertThat(r.statistic(1, 0)).isInfinite().isPositive();
        assertThat(Friedman.conoverSingleStep(agreement).pValue(0, 2)).isZero();
    }

    @Test
    void conover_identicalRankingWithTwoTreatmentsAlwaysTied_leavesOnlyThatPairUndefined() {
        double[][] agreement = {{1.5, 1.5, 3, 4}, {1.5, 1.5, 3, 4}, {1.5, 1.5, 3, 4}};
        PostHocResult r = Friedman.conover(agreement, PAdjust.HOLM);
        assertThat(r.pValue(0, 1)).isNaN();
        assertThat(r.pValue(0, 2)).isZero();
        assertThat(r.pValue(2, 3)).isZero();
    }

    @Test
    void conover_singleBlock_isUndefined() {
        PostHocResult r = Friedman.conover(new double[][] {{4, 1, 3, 2}}, PAdjust.HOLM);
        assertThat(r.pValue(0, 1)).isNaN();
        assertThat(Friedman.conoverSingleStep(new double[][] {{4, 1, 3, 2}}).pValue(2, 3)).isNaN();
    }

    @Test
    void conover_adjustment_isAppliedToTheRawFamily() {
        PostHocResult raw = Friedman.conover(SCORES, PAdjust.NONE);
        PostHocResult bonferroni = Friedman.conover(SCORES, PAdjust.BONFERRONI);
        assertThat(bonferroni.pValue(0, 2)).isEqualTo(Math.min(1, 3 * raw.pValue(0, 2)));
        assertThat(bonferroni.statistics()).isDeepEqualTo(raw.statistics());
    }
}
