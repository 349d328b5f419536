package dev.raq.stats;

import dev.raq.commons.Preconditions;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the rating types ({@link BradleyTerry}, {@link Elo}, {@link Ratings} …). */
final class RatingChecks {

    private RatingChecks() {
    }

    /** Returns {@code value} if it is finite and positive. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 but was " + value);
        }
        return value;
    }

    /** Returns {@code base} if it is finite and greater than 1. */
    static double base(double base) {
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("base must be finite and > 1 but was " + base);
        }
        return base;
    }

    /** Returns {@code value} if it is finite. */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite but was " + value);
        }
        return value;
    }

    /** The position of {@code player} in {@code players}; rejects an unknown player. */
    static int indexOf(List<String> players, String player) {
        Objects.requireNonNull(player, "player");
        int index = players.indexOf(player);
        Preconditions.checkArgument(index >= 0, () -> "player '" + player + "' is not among the players " + players);
        return index;
    }
}
