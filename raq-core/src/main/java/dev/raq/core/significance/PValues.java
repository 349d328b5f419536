package dev.raq.core.significance;

import org.apiguardian.api.API;

import java.util.Locale;

/**
 * How RAQ prints a p-value for people: in scientific notation below 1e-4 ({@code 1.70e-67}), else with up to four
 * decimals and no trailing zeros ({@code 0.0068}, {@code 0.36}, {@code 1}). Reports and
 * {@link SignificanceResult#toString()} (which the demo and the JShell script print) use it, so the same p-value
 * reads the same everywhere.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PValues {

    private PValues() {
    }

    /**
     * The p-value as text.
     *
     * @param p a p-value (NaN prints as {@code NaN})
     * @return the text, independent of the default locale
     */
    public static String format(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : decimal(p, 4);
    }

    /** {@code v} with up to {@code places} decimals and no trailing zeros, independent of the default locale. */
    static String decimal(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
