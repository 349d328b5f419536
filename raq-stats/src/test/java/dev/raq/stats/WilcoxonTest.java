package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WilcoxonTest {

    @Test
    void test_allDifferencesPositive_exactPIsTwoOverTwoToTheN() {
        // R+ = 15 is the largest of 2^5 equally likely sign patterns: one-sided 1/32, two-sided 2/32
        double[] x = {2, 4, 6, 8, 10};
        double[] y = {1, 2, 3, 4, 5};
        WilcoxonResult r = Wilcoxon.test(x, y);
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(0.0625);
        assertThat(r.methodUsed()).isEqualTo(WilcoxonResult.MethodUsed.EXACT);
        assertThat(r.zStatistic()).isNaN();
        WilcoxonResult greater = Wilcoxon.test(x, y, Wilcoxon.ZeroMethod.WILCOX, false, Alternative.GREATER,
                Wilcoxon.Method.AUTO);
        assertThat(greater.statistic()).isEqualTo(15);
        assertThat(greater.pValue()).isEqualTo(1.0 / 32);
    }

    @Test
    void test_oneSampleOverload_equalsPairedForm() {
        double[] x = {1.5, 2.0, 3.5, 0.5, 4.0, 2.5};
        double[] y = {1.0, 2.5, 1.5, 0.5, 1.0, 2.0};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        for (Wilcoxon.ZeroMethod zm : Wilcoxon.ZeroMethod.values()) {
            WilcoxonResult paired = Wilcoxon.test(x, y, zm, true, Alternative.LESS, Wilcoxon.Method.AUTO);
            WilcoxonResult oneSample = Wilcoxon.test(d, zm, true, Alternative.LESS, Wilcoxon.Method.AUTO);
            assertThat(oneSample).isEqualTo(paired);
        }
    }

    @Test
    void test_smallSampleWithZero_usesPermutation() {
        WilcoxonResult r = Wilcoxon.test(new double[] {1, -2, 3, 0, 5}, Wilcoxon.ZeroMethod.WILCOX, false,
                Alternative.TWO_SIDED, Wilcoxon.Method.AUTO);
        // the zero is dropped; |d| = 1, 2, 3, 5 get ranks 1..4, R+ = 1 + 3 + 4 = 8, R− = 2. Subset sums of {1,2,3,4}
        // (16 sign patterns): #{sum >= 8} = 3 ({1,3,4}, {2,3,4}, {1,2,3,4}), so two-sided p = 2·3/16
        assertThat(r.methodUsed()).isEqualTo(WilcoxonResult.MethodUsed.PERMUTATION);
        assertThat(r.statistic()).isEqualTo(2);
        assertThat(r.pValue()).isEqualTo(0.375);
    }

    @Test
    void test_allZeroAsymptotic_isUndefined() {
        double[] x = {1, 2, 3};
        WilcoxonResult r = Wilcoxon.test(x, x.clone(), Wilcoxon.ZeroMethod.WILCOX, false, Alternative.TWO_SIDED,
                Wilcoxon.Method.ASYMPTOTIC);
        assertThat(r.isDefined()).isFalse();
        assertThat(r.pValue()).isNaN();
        WilcoxonResult zsplit = Wilcoxon.test(x, x.clone(), Wilcoxon.ZeroMethod.ZSPLIT, false,
                Alternative.TWO_SIDED, Wilcoxon.Method.ASYMPTOTIC);
        assertThat(zsplit.isDefined()).isTrue();
        assertThat(zsplit.pValue()).isEqualTo(1.0);
    }

    @Test
    void test_asymptotic_matchesHandComputedNormalApproximation() {
        // d = 1..10 minus sign on 1 and 2: R+ = 52, mean 27.5, var 10·11·21/24 = 96.25, z = 24.5/9.8107
        double[] d = {-1, -2, 3, 4, 5, 6, 7, 8, 9, 10};
        WilcoxonResult r = Wilcoxon.test(d, Wilcoxon.ZeroMethod.WILCOX, false, Alternative.GREATER,
                Wilcoxon.Method.ASYMPTOTIC);
        double z = 24.5 / Math.sqrt(96.25);
        assertThat(r.zStatistic()).isCloseTo(z, within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.006257, within(1e-6));
    }

    @Test
    void test_badInput_isRejectedNamingTheArgument() {
        assertThatThrownBy(() -> Wilcoxon.test(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Wilcoxon.test(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Wilcoxon.test(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[1] is NaN");
        double inf = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Wilcoxon.test(new double[] {inf}, new double[] {inf}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[0] - y[0] is NaN");
        assertThatThrownBy(() -> Wilcoxon.test(new double[0], Wilcoxon.ZeroMethod.WILCOX, false,
                Alternative.TWO_SIDED, Wilcoxon.Method.AUTO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairwise_undefinedPair_staysNaNAndStepUpAdjustmentPropagatesIt() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] + (i % 5 == 0 ? -0.05 * (i + 1) : 0.1 * (i + 1));
        }
        double[][] columns = {a, a.clone(), c};
        PostHocResult holm = Wilcoxon.pairwise(columns, Wilcoxon.ZeroMethod.WILCOX, false,
                Wilcoxon.Method.ASYMPTOTIC, PAdjust.HOLM);
        assertThat(holm.pValue(0, 1)).isNaN();
        double raw = Wilcoxon.test(a, c, Wilcoxon.ZeroMethod.WILCOX, false, Alternative.TWO_SIDED,
                Wilcoxon.Method.ASYMPTOTIC).pValue();
        // statsmodels sorts the NaN last and counts it in m = 3: the two equal raw p-values both become 3p
        assertThat(raw).isLessThan(0.05);
        assertThat(holm.pValue(0, 2)).isEqualTo(3 * raw);
        assertThat(holm.pValue(1, 2)).isEqualTo(3 * raw);
        assertThat(holm.pValue(2, 0)).isEqualTo(holm.pValue(0, 2));
        PostHocResult bh = Wilcoxon.pairwise(columns, Wilcoxon.ZeroMethod.WILCOX, false,
                Wilcoxon.Method.ASYMPTOTIC, PAdjust.FDR_BH);
        assertThat(bh.pValue(0, 2)).isNaN();
        assertThat(bh.pValue(1, 1)).isEqualTo(1.0);
    }

    @Test
    void pairwise_columnsOfDifferentLength_isRejected() {
        assertThatThrownBy(() -> Wilcoxon.pairwise(new double[][] {{1, 2}, {1, 2, 3}}, Wilcoxon.ZeroMethod.WILCOX,
                false, Wilcoxon.Method.AUTO, PAdjust.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns[1] has length 3");
        assertThatThrownBy(() -> Wilcoxon.pairwise(new double[][] {{1, 2}}, Wilcoxon.ZeroMethod.WILCOX,
                false, Wilcoxon.Method.AUTO, PAdjust.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 columns");
    }

    @Test
    void signedRankPmf_sumsToOneAndIsSymmetric() {
        double[] pmf = Wilcoxon.signedRankPmf(10);
        double sum = 0;
        for (int s = 0; s < pmf.length; s++) {
            sum += pmf[s];
            assertThat(pmf[s]).isEqualTo(pmf[pmf.length - 1 - s]);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-15));
        assertThat(pmf[0]).isEqualTo(1.0 / 1024);
    }
}
