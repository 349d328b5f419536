package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Plackett–Luce model of rankings: each item has a worth γ, and a ranking is built by picking the best of the
 * remaining items with probability proportional to worth. Fitted by maximum likelihood with Hunter's (2004) MM
 * algorithm, which uses every ranking whole (an N-way ranking from a judge is not cut into pairs) and accepts
 * rankings of subsets. On rankings of two items it is the Bradley–Terry model. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PlackettLuce {

    /** The largest relative change of a worth between iterations at which the fit stops: {@value}. */
    public static final double TOLERANCE = 1e-12;
    /** The convergence tolerance of a bootstrap round's refit: {@value}, far below any interval's resolution. */
    static final double ROUND_TOLERANCE = 1e-9;
    /** The most MM iterations: {@value}. */
    public static final int MAX_ITERATIONS = 100_000;

    private PlackettLuce() {
    }

    /**
     * Fits worths to rankings.
     *
     * @param items    the number of items, at least 2; items are 0 … items − 1
     * @param rankings each ranking as item indices, best first, at least two distinct items, no ties
     * @return the worths, normalized to sum to 1, in item order
     * @throws IllegalArgumentException if a ranking is malformed, or an item is never ranked, or some item never
     *                                  beats another (then no finite maximum exists), naming the item
     */
    public static double[] fit(int items, int[][] rankings) {
        Objects.requireNonNull(rankings, "rankings");
        if (items < 2) {
            throw new IllegalArgumentException("items must be >= 2 but was " + items);
        }
        double[] wins = new double[items];
        boolean[] seen = new boolean[items];
        boolean[] lost = new boolean[items];
        for (int j = 0; j < rankings.length; j++) {
            int[] r = Objects.requireNonNull(rankings[j], "rankings[" + j + "]");
            if (r.length < 2) {
                throw new IllegalArgumentException("rankings[" + j + "] must rank at least two items");
            }
            boolean[] inThis = new boolean[items];
            for (int s = 0; s < r.length; s++) {
                if (r[s] < 0 || r[s] >= items || inThis[r[s]]) {
                    throw new IllegalArgumentException("rankings[" + j + "] holds item " + r[s]
                            + " out of range or twice");
                }
                inThis[r[s]] = true;
                seen[r[s]] = true;
                if (s < r.length - 1) {
                    wins[r[s]]++;
                }
                if (s > 0) {
                    lost[r[s]] = true;
                }
            }
        }
        for (int i = 0; i < items; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException("item " + i + " is in no ranking");
            }
            if (wins[i] == 0) {
                throw new IllegalArgumentException("item " + i + " is never ranked above another item, so its worth "
                    + "has no finite maximum-likelihood estimate");
            }
            if (!lost[i]) {
                throw new IllegalArgumentException("item " + i + " is never ranked below another item, so its worth "
                        + "has no finite maximum-likelihood estimate");
            }
        }
        requireConnected(items, rankings, "");
        double[] start = new double[items];
        Arrays.fill(start, 1.0 / items);
        return maximize(items, rankings, wins, start, TOLERANCE);
    }

    /**
     * Hunter's (2004) condition for a finite maximum: in every split of the items into two groups, some item of each
     * group is ranked above some item of the other. Checked as strong connectivity of the "ranked above" graph.
     *
     * @throws IllegalArgumentException naming a group that is never ranked above the rest
     */
    private static void requireConnected(int items, int[][] rankings, String where) {
        boolean[][] above = new boolean[items][items];
        for (int[] r : rankings) {
            for (int s = 0; s < r.length; s++) {
                for (int t = s + 1; t < r.length; t++) {
                    above[r[s]][r[t]] = true;
                }
            }
        }
        boolean[] reachable = reach(above, false);
        boolean[] reaching = reach(above, true);
        for (int i = 0; i < items; i++) {
            if (!reachable[i] || !reaching[i]) {
                List<Integer> group = new ArrayList<>();
                boolean[] side = reachable[i] ? reaching : reachable;
                for (int j = 0; j < items; j++) {
                    if (!side[j]) {
                        group.add(j);
                    }
                }
                throw new IllegalArgumentException(where + "items " + group + (side == reachable
                        ? " are never ranked below the other items" : " are never ranked above the other items")
                        + ", so their worths have no finite maximum-likelihood estimate");
            }
        }
    }

    /** The items item 0 reaches along "ranked above" edges (or, reversed, the items that reach item 0). */
    private static boolean[] reach(boolean[][] above, boolean reversed) {
        int n = above.length;
        boolean[] seen = new boolean[n];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        seen[0] = true;
        todo.add(0);
        while (!todo.isEmpty()) {
            int i = todo.poll();
            for (int j = 0; j < n; j++) {
                if (!seen[j] && (reversed ? above[j][i] : above[i][j])) {
                    seen[j] = true;
                    todo.add(j);
                }
            }
        }
        return seen;
    }

    /**
     * Hunter's MM iterations from {@code start} (worths summing to 1) until no worth changes by more than
     * {@code tolerance} (relative).
     */
    private static double[] maximize(int items, int[][] rankings, double[] wins, double[] start, double tolerance) {
        double[] gamma = start.clone();
        double[] denominator = new double[items];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(denominator, 0);
            for (int[] r : rankings) {
                double remaining = 0;
                for (int item : r) {
                    remaining += gamma[item];
                }
                double cumulative = 0; // sum over the stages so far of 1 / (worth still in the choice set)
                for (int s = 0; s < r.length - 1; s++) {
                    cumulative += 1 / remaining;
                    denominator[r[s]] += cumulative;
                    remaining -= gamma[r[s]];
                }
                denominator[r[r.length - 1]] += cumulative;
            }
            double sum = 0;
            double[] next = new double[items];
            for (int i = 0; i < items; i++) {
                next[i] = wins[i] / denominator[i];
                sum += next[i];
            }
            double change = 0;
            for (int i = 0; i < items; i++) {
                next[i] /= sum;
                change = Math.max(change, Math.abs(next[i] - gamma[i]) / gamma[i]);
            }
            gamma = next;
            if (change < tolerance) {
                return gamma;
            }
        }
        throw new IllegalStateException("the Plackett-Luce fit did not converge in " + MAX_ITERATIONS
                + " iterations");
    }

    /**
     * Percentile bootstrap intervals of the worths: each round resamples the rankings with replacement (a ranking,
     * such as one sample's, moves whole) and refits from the full fit's worths. Seeded and reproducible like
     * every {@link Bootstrap}; each round's refit stops at a relative change of {@value #ROUND_TOLERANCE}.
     *
     * @return one interval per item, in item order, of its worth (normalized to sum to 1 in every round)
     * @throws IllegalArgumentException as {@link #fit(int, int[][])}, or if some round's resample has no finite
     *                                  estimate (an item never winning or never losing in it), naming the round;
     *                                  more rankings help
     */
    public static ConfidenceInterval[] intervals(int items, int[][] rankings, Bootstrap bootstrap) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        double[] estimate = fit(items, rankings);
        int n = rankings.length;
        double[][] replicates = new double[items][bootstrap.rounds()];
        bootstrap.forEachRound((round, random) -> {
            int[][] resample = new int[n][];
            double[] wins = new double[items];
            boolean[] lost = new boolean[items];
            for (int j = 0; j < n; j++) {
                int[] r = rankings[random.nextInt(n)];
                resample[j] = r;
                for (int s = 0; s < r.length; s++) {
                    wins[r[s]] += s < r.length - 1 ? 1 : 0;
                    lost[r[s]] |= s > 0;
                }
            }
            for (int i = 0; i < items; i++) {
                if (wins[i] == 0 || !lost[i]) {
                    throw new IllegalArgumentException("bootstrap round " + round + ": item " + i + " never "
                            + (wins[i] == 0 ? "wins" : "loses") + " in the resample, so its worth has no finite "
                            + "estimate; more rankings help");
                }
            }
            requireConnected(items, resample, "bootstrap round " + round + ": ");
            double[] worths = maximize(items, resample, wins, estimate, ROUND_TOLERANCE);
            for (int i = 0; i < items; i++) {
                replicates[i][round] = worths[i];
            }
        });
        ConfidenceInterval[] out = new ConfidenceInterval[items];
        for (int i = 0; i < items; i++) {
            out[i] = BootstrapIntervals.interval(replicates[i], bootstrap.confidence(), estimate[i], null, null,
                    "the worth of item " + i);
        }
        return out;
    }
}
