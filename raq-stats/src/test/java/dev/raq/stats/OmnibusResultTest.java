package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OmnibusResultTest {

    @Test
    void toString_definedResult_showsStatisticAndPValue() {
        assertThat(new OmnibusResult("Friedman", 12.4, 0.00613, 3, true))
                .hasToString("Friedman: chi2(3) = 12.4000, p = 0.006130");
    }

    @Test
    void isSignificant_comparesThePValueWithAlpha() {
        OmnibusResult r = new OmnibusResult("Kruskal-Wallis", 7.2, 0.0273, 2, true);
        assertThat(r.isSignificant(0.05)).isTrue();
        assertThat(r.isSignificant(0.01)).isFalse();
        assertThatThrownBy(() -> r.isSignificant(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1) but was 1.5");
    }

    @Test
    void constructor_inconsistentComponents_areRejected() {
        assertThatThrownBy(() -> new OmnibusResult("x", Double.NaN, 0.5, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OmnibusResult("x", 1, 1.5, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OmnibusResult("x", 1, 0.5, 2, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OmnibusResult("x", 1, 0.5, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
