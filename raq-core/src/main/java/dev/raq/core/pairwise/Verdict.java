package dev.raq.core.pairwise;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A pairwise verdict about the answers in positions A and B, with the strength Arena-Hard's graded labels express.
 * A verdict always refers to positions as shown to the judge; {@link #swapped()} maps it to the other order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Verdict {
    /** {@code A>>B}: A is significantly better. */
    A_MUCH_BETTER("A>>B"),
    /** {@code A>B}: A is better. */
    A_BETTER("A>B"),
    /** {@code A=B}: a tie. */
    TIE("A=B"),
    /** {@code B>A}: B is better. */
    B_BETTER("B>A"),
    /** {@code B>>A}: B is significantly better. */
    B_MUCH_BETTER("B>>A");

    /** Which position a verdict favours. */
    public enum Side {
        /** The answer shown first (position A). */
        A,
        /** The answer shown second (position B). */
        B
    }

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The label without brackets, such as {@code "A>>B"}. */
    public String label() {
        return label;
    }

    /** The position this verdict favours, or empty for a tie. */
    public Optional<Side> winner() {
        switch (this) {
            case A_MUCH_BETTER:
            case A_BETTER:
                return Optional.of(Side.A);
            case B_BETTER:
            case B_MUCH_BETTER:
                return Optional.of(Side.B);
            default:
                return Optional.empty();
        }
    }

    /** True for the graded strong verdicts {@code A>>B} and {@code B>>A}. */
    public boolean isStrong() {
        return this == A_MUCH_BETTER || this == B_MUCH_BETTER;
    }

    /** The same judgement with the positions exchanged ({@code A>>B} becomes {@code B>>A}). */
    public Verdict swapped() {
        switch (this) {
            case A_MUCH_BETTER:
                return B_MUCH_BETTER;
            case A_BETTER:
                return B_BETTER;
            case B_BETTER:
                return A_BETTER;
            case B_MUCH_BETTER:
                return A_MUCH_BETTER;
            default:
                return TIE;
        }
    }

    /**
     * Arena-Hard's numeric score of a verdict: {@code A>>B} = 2, {@code A>B} = 1, {@code A=B} = 0, {@code B>A} = −1,
     * {@code B>>A} = −2.
     */
    public int score() {
        return 2 - ordinal();
    }

    /**
     * The verdict with this label ({@code "A>B"}, with or without the {@code [[ ]]} brackets, surrounding white space
     * ignored), or null when it is not one of the five labels.
     */
    public static @Nullable Verdict fromLabel(String label) {
        String l = label.strip();
        if (l.startsWith("[[") && l.endsWith("]]")) {
            l = l.substring(2, l.length() - 2).strip();
        }
        for (Verdict v : values()) {
            if (v.label.equals(l)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The verdict with this label.
     *
     * @throws IllegalArgumentException naming the label and the valid ones when it is not a verdict label
     */
    public static Verdict parseLabel(String label) {
        Verdict v = fromLabel(label);
        if (v == null) {
            throw new IllegalArgumentException("'" + label + "' is not a verdict label; expected one of A>>B, A>B, "
                    + "A=B, B>A, B>>A");
        }
        return v;
    }
}
