package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionCiTest {

    private static final double Z975 = 1.959963984540054;

    @Test
    void of_normal_isWaldIntervalByHand() {
        double se = Math.sqrt(0.3 * 0.7 / 10);
        ConfidenceInterval ci = ProportionCi.of(3, 10, 0.05, ProportionCi.Method.NORMAL);
        assertThat(ci.lower()).isCloseTo(0.3 - Z975 * se, within(1e-14));
        assertThat(ci.upper()).isCloseTo(0.3 + Z975 * se, within(1e-14));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void of_normalAtZeroCount_isClippedDegenerateInterval() {
        ConfidenceInterval ci = ProportionCi.of(0, 10, 0.05, ProportionCi.Method.NORMAL);
        assertThat(ci.lower()).isZero();
        assertThat(ci.upper()).isZero();
    }

    @Test
    void of_wilsonAtZeroCount_hasClosedFormUpperBound() {
        // Wilson with p = 0: upper = z²/(n + z²)
        ConfidenceInterval ci = ProportionCi.of(0, 10, 0.05, ProportionCi.Method.WILSON);
        assertThat(ci.lower()).isCloseTo(0, within(1e-15));
        assertThat(ci.upper()).isCloseTo(Z975 * Z975 / (10 + Z975 * Z975), within(1e-14));
    }

    @Test
    void of_clopperPearsonAtExtremes_hasClosedForm() {
        // count = 0: upper = 1 − (α/2)^(1/n); count = n: lower = (α/2)^(1/n)
        ConfidenceInterval zero = ProportionCi.of(0, 10, 0.05, ProportionCi.Method.CLOPPER_PEARSON);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-14));
        ConfidenceInterval all = ProportionCi.of(10, 10, 0.05, ProportionCi.Method.CLOPPER_PEARSON);
        assertThat(all.lower()).isCloseTo(Math.pow(0.025, 0.1), within(1e-14));
        assertThat(all.upper()).isEqualTo(1.0);
    }

    @Test
    void of_jeffreys_isNotTruncatedAtZero() {
        ConfidenceInterval ci = ProportionCi.of(0, 20, 0.05, ProportionCi.Method.JEFFREYS);
        assertThat(ci.lower()).isPositive();
        assertThat(ci.upper()).isLessThan(0.2);
    }

    @Test
    void standardError_isBinomialStandardError() {
        assertThat(ProportionCi.standardError(3, 10)).isCloseTo(Math.sqrt(0.021), within(1e-16));
        assertThat(ProportionCi.standardError(0, 10)).isZero();
    }

    @Test
    void of_badArguments_areRejectedNamingTheArgument() {
        assertThatThrownBy(() -> ProportionCi.of(1, 10, 1.5, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be in (0, 1) but was 1.5");
        assertThatThrownBy(() -> ProportionCi.of(1, 10, 0, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionCi.of(11, 10, 0.05, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be in [0, nobs = 10] but was 11");
        assertThatThrownBy(() -> ProportionCi.of(0, 0, 0.05, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("nobs must be at least 1 but was 0");
        assertThatThrownBy(() -> ProportionCi.standardError(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_fractionalCount_equalsIntegerVersionAtWholeCountsAndLiesBetweenNeighbours() {
        for (ProportionCi.Method m : ProportionCi.Method.values()) {
            ConfidenceInterval whole = ProportionCi.of(10, 26, 0.05, m);
            assertThat(ProportionCi.of(10.0, 26.0, 0.05, m)).isEqualTo(whole);
            if (m == ProportionCi.Method.WILSON_CC) {
                assertThatThrownBy(() -> ProportionCi.of(10.5, 26.0, 0.05, m))
                        .hasMessageContaining("needs whole counts");
                continue;
            }
            ConfidenceInterval half = ProportionCi.of(10.5, 26.0, 0.05, m);
            ConfidenceInterval next = ProportionCi.of(11, 26, 0.05, m);
            assertThat(half.lower()).as(m.name()).isBetween(whole.lower(), next.lower());
            assertThat(half.upper()).as(m.name()).isBetween(whole.upper(), next.upper());
        }
        assertThatThrownBy(() -> ProportionCi.of(27.0, 26.0, 0.05, ProportionCi.Method.WILSON))
                .hasMessageContaining("count must be in [0, nobs = 26.0] but was 27.0");
    }
}
