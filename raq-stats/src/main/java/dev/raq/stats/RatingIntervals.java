package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ratings with bootstrap confidence intervals, from {@link BradleyTerry#bootstrap(Battles, Bootstrap)} or
 * {@link Elo#bootstrap(Battles, Bootstrap)}.
 *
 * <p>{@link #ratings()} are the point estimates on all battles; {@link #interval(String)} is the bootstrap interval
 * of a player's rating and {@link #replicates(String)} its bootstrap distribution (one rating per round, in round
 * order). Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RatingIntervals {

    private final Ratings ratings;
    private final ConfidenceInterval[] intervals;
    private final double[][] replicates;

    /** @param replicates per player (in the order of {@code ratings.players()}), one rating per round; not copied */
    RatingIntervals(Ratings ratings, ConfidenceInterval[] intervals, double[][] replicates) {
        this.ratings = ratings;
        this.intervals = intervals.clone();
        this.replicates = replicates;
    }

    /** The point estimates, fitted on all battles. */
    public Ratings ratings() {
        return ratings;
    }

    /** The players, in the order of {@link Battles#players()}; immutable. */
    public List<String> players() {
        return ratings.players();
    }

    /** The number of bootstrap rounds. */
    public int rounds() {
        return replicates.length == 0 ? 0 : replicates[0].length;
    }

    /**
     * The bootstrap confidence interval of {@code player}'s rating.
     *
     * @throws IllegalArgumentException if the player is unknown
     */
    public ConfidenceInterval interval(String player) {
        return intervals[indexOf(player)];
    }

    /**
     * A copy of the bootstrap distribution of {@code player}'s rating, one value per round in round order.
     *
     * @throws IllegalArgumentException if the player is unknown
     */
    public double[] replicates(String player) {
        return replicates[indexOf(player)].clone();
    }

    private int indexOf(String player) {
        return RatingChecks.indexOf(players(), player);
    }

    /** One line per player, best first: rating, interval and the distances to its bounds. */
    @Override
    public String toString() {
        List<String> players = players();
        List<Integer> order = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < players.size(); i++) {
            order.add(i);
            width = Math.max(width, players.get(i).length());
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -ratings.rating(i)));
        double level = intervals.length == 0 ? 0 : intervals[0].level();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Ratings with %.0f%% bootstrap intervals (%d rounds)%n", level * 100, rounds()));
        for (int i : order) {
            double r = ratings.rating(i);
            ConfidenceInterval ci = intervals[i];
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %8.2f  [%8.2f, %8.2f]  (%+.2f / %+.2f)%n",
                    players.get(i), r, ci.lower(), ci.upper(), ci.lower() - r, ci.upper() - r));
        }
        return out.toString().stripTrailing();
    }
}
