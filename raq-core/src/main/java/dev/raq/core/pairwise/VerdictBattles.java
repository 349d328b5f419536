package dev.raq.core.pairwise;

import dev.raq.stats.Battles;
import dev.raq.stats.Outcome;

/**
 * How one pairwise verdict becomes battles, the same for an evaluation's leaderboard ({@link PairwiseBattles}) and
 * for Arena-Hard judgments ({@link ArenaGames}). A decisive strong verdict ({@code >>}) with a whole weight w becomes
 * w unit battles, as Arena-Hard repeats the battle row, so that bootstrap resampling and online Elo see the same units
 * upstream does; a fractional weight stays one weighted battle; any other verdict is one battle of weight 1. The
 * Bradley–Terry point ratings are the same either way.
 */
final class VerdictBattles {

    private VerdictBattles() {
    }

    /**
     * Checks a strong-verdict weight.
     *
     * @throws IllegalArgumentException if it is below 1, infinite or NaN
     */
    static void checkStrongWeight(double strongWeight) {
        if (!(strongWeight >= 1) || Double.isInfinite(strongWeight)) {
            throw new IllegalArgumentException("strongWeight must be >= 1 but was " + strongWeight);
        }
    }

    /** Adds the battle(s) of one verdict between {@code a} and {@code b}; returns how many battles it added. */
    static int add(Battles.Builder battles, String a, String b, Outcome outcome, boolean strong,
                   double strongWeight) {
        if (!strong || outcome == Outcome.TIE) {
            battles.add(a, b, outcome, 1);
            return 1;
        } else if (strongWeight == Math.rint(strongWeight)) {
            for (int i = 0; i < (int) strongWeight; i++) {
                battles.add(a, b, outcome, 1);
            }
            return (int) strongWeight;
        } else {
            battles.add(a, b, outcome, strongWeight);
            return 1;
        }
    }
}
