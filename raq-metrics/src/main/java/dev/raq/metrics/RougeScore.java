package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * The precision, recall and F-measure of one ROUGE type, as rouge-score's {@code Score} tuple.
 *
 * @param precision overlap divided by the prediction's size, in [0, 1]
 * @param recall    overlap divided by the target's size, in [0, 1]
 * @param fmeasure  the harmonic mean {@code 2PR / (P + R)}, or 0 when both are 0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RougeScore(double precision, double recall, double fmeasure) {

    /** A score of 0 on every component, what rouge-score returns when either side has no tokens. */
    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is outside [0, 1] or NaN
     */
    public RougeScore {
        check("precision", precision);
        check("recall", recall);
        check("fmeasure", fmeasure);
    }

    /** The score with F-measure computed as rouge-score's {@code scoring.fmeasure} does, to the last bit. */
    static RougeScore of(double precision, double recall) {
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f);
    }

    private static void check(String name, double value) {
        Preconditions.checkArgument(value >= 0 && value <= 1, () -> name + " must be in [0, 1] but was " + value);
    }
}
