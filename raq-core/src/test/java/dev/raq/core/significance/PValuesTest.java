package dev.raq.core.significance;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PValuesTest {

    @Test
    void format_smallPValuesAreScientificOthersHaveAtMostFourDecimals() {
        assertThat(PValues.format(1.7e-67)).isEqualTo("1.70e-67");
        assertThat(PValues.format(9e-5)).isEqualTo("9.00e-05");
        assertThat(PValues.format(1e-4)).isEqualTo("0.0001");
        assertThat(PValues.format(0.0068)).isEqualTo("0.0068");
        assertThat(PValues.format(0.36)).isEqualTo("0.36");
        assertThat(PValues.format(0.72449)).isEqualTo("0.7245");
        assertThat(PValues.format(1)).isEqualTo("1");
        assertThat(PValues.format(0)).isEqualTo("0.00e+00");
        assertThat(PValues.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void format_ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(PValues.format(0.0068)).isEqualTo("0.0068");
            assertThat(PValues.format(2.5e-9)).isEqualTo("2.50e-09");
        } finally {
            Locale.setDefault(before);
        }
    }
}
