package dev.raq.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StudentizedRangeTest {

    /**
     * References: 50-digit mpmath quadrature of the same integral (independent of this implementation). Relative
     * 1e-12 down to p ~ 1e-45; in the far tail (p ~ 1e-99) the normal tail function limits it to 1e-9.
     */
    @ParameterizedTest
    @CsvSource({
            "0.5, 3, 0.93342194513528696372, 1e-12",
            "2.0, 3, 0.33349932504015003306, 1e-12",
            "3.3, 4, 0.090537497245375773498, 1e-12",
            "5.0, 6, 0.0054503968461306617061, 1e-12",
            "8.0, 10, 6.8946222208438899416e-7, 1e-12",
            "12.0, 6, 3.2279512388133981359e-16, 1e-12",
            "20.0, 3, 6.2654627512860004865e-45, 1e-12",
            "1.0, 2, 0.47950012218695346232, 1e-12",
            "0.01, 5, 0.99999999943361058042, 1e-12",
            "30.0, 4, 4.3277965030366644509e-99, 1e-9",
            "4.0, 30, 0.52188403315497931557, 1e-12"})
    void sf_againstHighPrecisionQuadrature_matchesToTwelveDigits(double q, int k, double expected, double rel) {
        assertThat(StudentizedRange.sf(q, k)).isCloseTo(expected, within(rel * expected));
    }

    @Test
    void sf_twoGroups_equalsTwiceTheNormalTailOfQOverRootTwo() {
        // the range of two standard normals is |Z1 - Z2| = sqrt(2)|Z|
        for (double q = 0.1; q < 30; q += 0.7) {
            double expected = 2 * TailProbabilities.normalSf(q / Math.sqrt(2));
            assertThat(StudentizedRange.sf(q, 2)).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void cdf_plusSf_isOne() {
        for (double q = 0.05; q < 8; q += 0.35) {
            assertThat(StudentizedRange.cdf(q, 5) + StudentizedRange.sf(q, 5)).isCloseTo(1.0, within(1e-14));
        }
    }

    @Test
    void cdf_smallQ_keepsRelativePrecision() {
        // for small q, P(range <= q) ~ k * q^(k-1) * integral of phi^k; the cdf must not be 1 - sf (= 0)
        double cdf = StudentizedRange.cdf(1e-3, 4);
        assertThat(cdf).isGreaterThan(0).isLessThan(1e-7);
        assertThat(StudentizedRange.cdf(2e-3, 4) / cdf).isCloseTo(8.0, within(1e-3));
    }

    @Test
    void sf_boundaries_areExact() {
        assertThat(StudentizedRange.sf(0, 4)).isEqualTo(1.0);
        assertThat(StudentizedRange.sf(-1, 4)).isEqualTo(1.0);
        assertThat(StudentizedRange.sf(Double.POSITIVE_INFINITY, 4)).isEqualTo(0.0);
        assertThat(StudentizedRange.cdf(0, 4)).isEqualTo(0.0);
        assertThat(StudentizedRange.cdf(Double.POSITIVE_INFINITY, 4)).isEqualTo(1.0);
    }

    @Test
    void sf_badArguments_areRejected() {
        assertThatThrownBy(() -> StudentizedRange.sf(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q");
        assertThatThrownBy(() -> StudentizedRange.sf(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be at least 2 but was 1");
        assertThatThrownBy(() -> StudentizedRange.cdf(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
