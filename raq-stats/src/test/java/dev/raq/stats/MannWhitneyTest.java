package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.math.MathContext;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MannWhitneyTest {

    @Test
    void test_statistic_isUOfTheFirstSample() {
        // x ranks 1, 3, 4 in the pooled data {1, 2, 3, 5, 8}: U = 8 - 6 = 2
        MannWhitneyResult r = MannWhitney.test(new double[] {1, 3, 5}, new double[] {2, 8});
        assertThat(r.statistic()).isEqualTo(2.0);
    }

    @Test
    void test_completeSeparationSmallSamples_usesTheExactDistribution() {
        // U = 0 for 3 vs 3: P(U' <= 0) = 1/C(6,3) = 1/20, two-sided 1/10
        MannWhitneyResult r = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void test_lessAndGreater_areMirrorImages() {
        double[] x = {1.5, 2.5, 7, 9, 11};
        double[] y = {3, 4, 5, 6, 8, 10};
        for (MannWhitney.Method m : MannWhitney.Method.values()) {
            double less = MannWhitney.test(x, y, Alternative.LESS, m, true).pValue();
            double greater = MannWhitney.test(y, x, Alternative.GREATER, m, true).pValue();
            assertThat(less).as(m.name()).isCloseTo(greater, within(1e-15));
        }
    }

    @Test
    void test_autoWithTies_usesTheNormalApproximation() {
        double[] x = {1, 2, 2, 4};
        double[] y = {2, 5, 6};
        assertThat(MannWhitney.test(x, y).pValue()).isEqualTo(
                MannWhitney.test(x, y, Alternative.TWO_SIDED, MannWhitney.Method.ASYMPTOTIC, true).pValue());
    }

    @Test
    void test_allValuesEqualWithoutContinuity_isUndefinedAsScipy() {
        MannWhitneyResult r = MannWhitney.test(new double[] {1, 1}, new double[] {1, 1, 1}, Alternative.TWO_SIDED,
                MannWhitney.Method.ASYMPTOTIC, false);
        assertThat(r.defined()).isFalse();
        assertThat(r).hasToString("Mann-Whitney U = 3.00000, p = undefined");
    }

    @Test
    void exactCdf_largeSamples_matchesExactCountsToTwelveDigits() {
        int m = 40;
        int n = 45;
        BigInteger[] counts = exactCounts(m, n);
        BigInteger total = BigInteger.ZERO;
        for (BigInteger c : counts) {
            total = total.add(c);
        }
        for (int d : new int[] {0, 10, 200, 500, 800, 900}) {
            BigInteger below = BigInteger.ZERO;
            for (int u = 0; u <= d; u++) {
                below = below.add(counts[u]);
            }
            double expected = new BigDecimal(below).divide(new BigDecimal(total), MathContext.DECIMAL64).doubleValue();
            assertThat(MannWhitney.exactCdf(d, m, n)).as("d=%d", d).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void test_exactBeyondItsSizeLimit_isRejectedWithAdvice() {
        double[] x = new double[32_769];
        double[] y = new double[32_768];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i + 0.5;
        }
        assertThatThrownBy(() -> MannWhitney.test(x, y, Alternative.TWO_SIDED, MannWhitney.Method.EXACT, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use Method.ASYMPTOTIC");
        assertThat(MannWhitney.test(x, y).pValue()).isBetween(0.0, 1.0); // AUTO picks the normal approximation
    }

    @Test
    void test_emptyOrNaN_isRejected() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x is empty");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y[1] is NaN");
    }

    /** Number of arrangements with U = u, by the recurrence f(m, n, u) = f(m-1, n, u-n) + f(m, n-1, u). */
    private static BigInteger[] exactCounts(int m, int n) {
        int max = m * n;
        BigInteger[][] prev = new BigInteger[n + 1][];
        // f(0, j, u) = [u == 0]
        for (int j = 0; j <= n; j++) {
            prev[j] = zeros(max + 1);
            prev[j][0] = BigInteger.ONE;
        }
        for (int i = 1; i <= m; i++) {
            BigInteger[][] cur = new BigInteger[n + 1][];
            cur[0] = zeros(max + 1);
            cur[0][0] = BigInteger.ONE;
            for (int j = 1; j <= n; j++) {
                cur[j] = zeros(max + 1);
                for (int u = 0; u <= i * j; u++) {
                    BigInteger a = u - j >= 0 ? prev[j][u - j] : BigInteger.ZERO;
                    cur[j][u] = a.add(cur[j - 1][u]);
                }
            }
            prev = cur;
        }
        return prev[n];
    }

    private static BigInteger[] zeros(int size) {
        BigInteger[] a = new BigInteger[size];
        java.util.Arrays.fill(a, BigInteger.ZERO);
        return a;
    }
}
