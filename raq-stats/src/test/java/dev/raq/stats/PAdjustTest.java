package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PAdjustTest {

    @Test
    void adjust_holm_matchesHandComputation() {
        // sorted 0.01, 0.02, 0.03 -> 0.03, max(0.03, 0.04), max(0.04, 0.03)
        assertThat(PAdjust.HOLM.adjust(new double[] {0.03, 0.01, 0.02}))
                .containsExactly(new double[] {0.04, 0.03, 0.04}, within(1e-15));
    }

    @Test
    void adjust_bonferroni_isCappedAtOne() {
        assertThat(PAdjust.BONFERRONI.adjust(new double[] {0.5, 0.2})).containsExactly(1.0, 0.4);
    }

    @Test
    void test_pValueOutsideUnitInterval_isRejectedWithIndex() {
        assertThatThrownBy(() -> PAdjust.HOLM.adjust(new double[] {0.1, 1.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValues[1] must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> PAdjust.HOLM.adjust(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pValues[0]");
    }

    @Test
    void test_alphaOutsideOpenUnitInterval_isRejected() {
        assertThatThrownBy(() -> PAdjust.HOLM.test(new double[] {0.1}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be in (0, 1) but was 1.0");
    }

    @Test
    void fromName_unknownName_listsKnownNames() {
        assertThat(PAdjust.fromName("fdr_bh")).isEqualTo(PAdjust.FDR_BH);
        assertThat(PAdjust.fromName(null)).isEqualTo(PAdjust.NONE);
        assertThatThrownBy(() -> PAdjust.fromName("tukey")).hasMessageContaining("known: none, bonferroni");
    }
}
