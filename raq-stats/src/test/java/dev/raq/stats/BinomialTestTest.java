package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BinomialTestTest {

    @Test
    void test_asymmetricTwoSided_sumsOutcomesNoMoreLikely() {
        // Binomial(10, 0.3): pmf(2) = 0.2334744; on the upper side pmf(3) = 0.2668 and pmf(4) = 0.2001, so the
        // outcomes 0..2 and 4..10 count: cdf(2) + sf(3) = 0.3827828 + 0.3503893 (also scipy 1.10.1's binomtest)
        assertThat(BinomialTest.test(2, 10, 0.3, Alternative.TWO_SIDED).pValue())
                .isCloseTo(0.7331720679999996, within(1e-15));
    }

    @Test
    void test_extremeCount_matchesClosedForm() {
        BinomialTestResult r = BinomialTest.test(0, 10, 0.5, Alternative.TWO_SIDED);
        assertThat(r.pValue()).isCloseTo(2.0 / 1024, within(1e-17));
        assertThat(r.statistic()).isZero();
        assertThat(BinomialTest.test(10, 10, 0.5, Alternative.GREATER).pValue()).isCloseTo(1.0 / 1024, within(1e-17));
        assertThat(BinomialTest.test(10, 10, 0.5, Alternative.LESS).pValue()).isEqualTo(1.0);
    }

    @Test
    void test_degenerateP_givesCertainOutcomes() {
        assertThat(BinomialTest.test(0, 5, 0.0, Alternative.TWO_SIDED).pValue()).isEqualTo(1.0);
        assertThat(BinomialTest.test(1, 5, 0.0, Alternative.TWO_SIDED).pValue()).isZero();
        assertThat(BinomialTest.test(5, 5, 1.0, Alternative.TWO_SIDED).pValue()).isEqualTo(1.0);
    }

    @Test
    void test_badInput_isRejectedNamingTheArgument() {
        assertThatThrownBy(() -> BinomialTest.test(11, 10, 0.5, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be in [0, n = 10] but was 11");
        assertThatThrownBy(() -> BinomialTest.test(-1, 10, 0.5, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinomialTest.test(0, 0, 0.5, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 1 but was 0");
        assertThatThrownBy(() -> BinomialTest.test(1, 2, 1.5, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> BinomialTest.test(1, 2, Double.NaN, Alternative.TWO_SIDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proportionCi_oneSidedAlternative_givesOneSidedInterval() {
        // scipy's binomtest docstring: binomtest(3, 15, 0.1, 'greater') -> p 0.18406106910639114, CI [0.0568…, 1]
        BinomialTestResult r = BinomialTest.test(3, 15, 0.1, Alternative.GREATER);
        assertThat(r.pValue()).isCloseTo(0.18406106910639114, within(1e-15));
        ConfidenceInterval ci = r.proportionCi(0.95, ProportionCi.Method.CLOPPER_PEARSON);
        assertThat(ci.lower()).isCloseTo(0.05684686759024681, within(1e-12));
        assertThat(ci.upper()).isEqualTo(1.0);
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void proportionCi_badArguments_areRejected() {
        BinomialTestResult r = BinomialTest.test(3, 15, 0.1, Alternative.TWO_SIDED);
        assertThatThrownBy(() -> r.proportionCi(1.0, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidenceLevel");
        assertThatThrownBy(() -> r.proportionCi(0.95, ProportionCi.Method.JEFFREYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JEFFREYS");
        BinomialTestResult greater = BinomialTest.test(8, 8, 0.5, Alternative.GREATER);
        assertThatThrownBy(() -> greater.proportionCi(0.3, ProportionCi.Method.WILSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0.5");
    }

    @Test
    void constructor_fourArguments_isTwoSided() {
        assertThat(new BinomialTestResult(1, 2, 0.5, 1.0).alternative()).isEqualTo(Alternative.TWO_SIDED);
        assertThatThrownBy(() -> new BinomialTestResult(3, 2, 1.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
