package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Ratings of players on the Elo scale, as fitted by {@link BradleyTerry} or computed by {@link Elo}.
 *
 * <p>On this scale player A beats player B with probability {@code 1 / (1 + base^((R_B - R_A) / scale))}
 * ({@link #winProbability(String, String)}). {@link #players()} keeps the order of {@link Battles#players()}.
 * Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Ratings {

    private final List<String> players;
    private final double[] ratings;
    private final double logLikelihood;
    private final int iterations;
    private final double scale;
    private final double base;

    Ratings(List<String> players, double[] ratings, double logLikelihood, int iterations, double scale, double base) {
        this.players = List.copyOf(players);
        this.ratings = ratings.clone();
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.scale = scale;
        this.base = base;
    }

    /** The players in the order of {@link Battles#players()}; immutable. */
    public List<String> players() {
        return players;
    }

    /**
     * The rating of {@code player}.
     *
     * @throws IllegalArgumentException if the player is unknown
     */
    public double rating(String player) {
        return ratings[indexOf(player)];
    }

    /** The rating of the player at position {@code index} of {@link #players()}. */
    public double rating(int index) {
        Objects.checkIndex(index, ratings.length);
        return ratings[index];
    }

    /** A copy of the ratings, aligned with {@link #players()}. */
    public double[] toArray() {
        return ratings.clone();
    }

    /** The ratings by player, in the order of {@link #players()}; an unmodifiable map. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < ratings.length; i++) {
            map.put(players.get(i), ratings[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The log-likelihood of the battles under these ratings (natural log): the sum over battles of
     * {@code weight * (s log p + (1 - s) log(1 - p))}, where {@code s} is player A's score (1, 0.5 or 0) and
     * {@code p} A's win probability. For {@link BradleyTerry} this is the maximum; for {@link Elo} it measures how
     * well the final ratings explain all battles.
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The number of solver iterations: Newton steps for {@link BradleyTerry}, 1 for {@link Elo}'s single pass. */
    public int iterations() {
        return iterations;
    }

    /**
     * The probability that {@code playerA} beats {@code playerB} under these ratings, counting a tie as half a win:
     * {@code 1 / (1 + base^((R_B - R_A) / scale))}.
     *
     * @throws IllegalArgumentException if a player is unknown
     */
    public double winProbability(String playerA, String playerB) {
        double diff = rating(playerB) - rating(playerA);
        return 1.0 / (1.0 + Math.pow(base, diff / scale));
    }

    private int indexOf(String player) {
        return RatingChecks.indexOf(players, player);
    }

    /** One line per player, best first, then the log-likelihood and iteration count. */
    @Override
    public String toString() {
        List<Integer> order = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < ratings.length; i++) {
            order.add(i);
            width = Math.max(width, players.get(i).length());
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -ratings[i]));
        StringBuilder out = new StringBuilder("Ratings\n");
        for (int i : order) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %8.2f%n", players.get(i), ratings[i]));
        }
        out.append(String.format(Locale.ROOT, "  log-likelihood %.6f, %d iteration(s)", logLikelihood, iterations));
        return out.toString();
    }

    /**
     * Places strengths on the rating scale, into {@code out}: {@code rating = offset + perUnit × (θ − centre)}, where
     * an anchored fit ({@code anchor ≥ 0}) gives the anchor exactly {@code anchorRating} and a centred one puts the
     * mean of the first {@code n} strengths at {@code initialRating}. Shared by the Bradley–Terry fits.
     *
     * @param theta   the strengths; only the first {@code n} (the players) are placed
     * @param perUnit rating points per unit of θ
     */
    static double[] place(double[] theta, int n, int anchor, double perUnit, double anchorRating,
                          double initialRating, double[] out) {
        double offset;
        double center;
        if (anchor >= 0) {
            offset = anchorRating;
            center = theta[anchor];
        } else {
            offset = initialRating;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += theta[i];
            }
            center = sum / n;
        }
        for (int i = 0; i < n; i++) {
            out[i] = offset + perUnit * (theta[i] - center);
        }
        if (anchor >= 0) {
            out[anchor] = anchorRating;
        }
        return out;
    }
}
