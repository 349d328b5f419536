package dev.raq.stats;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum-likelihood Bradley&ndash;Terry strengths on the natural (logit) scale from aggregated pair totals, by
 * Newton's method with step halving. Not thread-safe: one instance per thread, reused across bootstrap rounds.
 *
 * <p>With strengths {@code θ}, player i beats j with probability {@code σ(θ_i − θ_j)}; a tie is half a win for
 * each side. The log-likelihood is {@code Σ_{i≠j} S_ij log σ(θ_i − θ_j)}, where {@code S_ij} is the weighted
 * score of i against j (wins plus half the ties). It is concave; its maximum is finite exactly when the directed
 * graph with an edge i → j whenever {@code S_ij > 0} is strongly connected (Ford 1957).
 */
final class BradleyTerrySolver {

    /** Newton stops after a step whose largest component is at most this (natural units). */
    private static final double STEP_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_HALVINGS = 60;

    private final int k;
    /** score[i * k + j]: weighted score of player i against player j. */
    private final double[] score;
    /** games[i * k + j] for i &lt; j: weight of the battles between i and j (the other half stays 0). */
    private final double[] games;
    private final double[] gradient;
    private final double[] hessian;
    private final double[] step;
    private final double[] trial;

    BradleyTerrySolver(int k) {
        this.k = k;
        this.score = new double[k * k];
        this.games = new double[k * k];
        this.gradient = new double[k];
        this.hessian = new double[(k - 1) * (k - 1)];
        this.step = new double[k];
        this.trial = new double[k];
    }

    void clear() {
        Arrays.fill(score, 0);
        Arrays.fill(games, 0);
    }

    /** Adds a battle of A against B in which A scored {@code scoreA} (1, 0.5 or 0) with weight {@code weight}. */
    void add(int a, int b, double scoreA, double weight) {
        score[a * k + b] += weight * scoreA;
        score[b * k + a] += weight * (1 - scoreA);
        games[pairCell(a, b)] += weight;
    }

    private int pairCell(int a, int b) {
        return a < b ? a * k + b : b * k + a;
    }

    void addAll(Battles battles) {
        int[] a = battles.playerAIds();
        int[] b = battles.playerBIds();
        double[] w = battles.weightArray();
        for (int n = 0; n < a.length; n++) {
            add(a[n], b[n], battles.outcomeAt(n).scoreA(), w[n]);
        }
    }

    /**
     * The cell of a battle in a tally: {@code (a * k + b) * 3 + outcome.ordinal()}. A bootstrap round adds each
     * drawn battle's weight to its cell (one random read per draw) and then calls {@link #setTally(double[])}.
     */
    static int tallyCell(int k, int a, int b, Outcome outcome) {
        return (a * k + b) * 3 + outcome.ordinal();
    }

    /** Replaces the totals by those of a tally of {@code 3 k²} weights indexed by {@link #tallyCell}. */
    void setTally(double[] tally) {
        clear();
        for (int cell = 0; cell < k * k; cell++) {
            double aWins = tally[3 * cell + Outcome.A_WINS.ordinal()];
            double bWins = tally[3 * cell + Outcome.B_WINS.ordinal()];
            double ties = tally[3 * cell + Outcome.TIE.ordinal()];
            double total = aWins + bWins + ties;
            if (total == 0) {
                continue;
            }
            int a = cell / k;
            int b = cell % k;
            score[a * k + b] += aWins + 0.5 * ties;
            score[b * k + a] += bWins + 0.5 * ties;
            games[pairCell(a, b)] += total;
        }
    }

    /** Copies the totals of {@code other} (same player count) into this solver. */
    void copyTotals(BradleyTerrySolver other) {
        System.arraycopy(other.score, 0, score, 0, score.length);
        System.arraycopy(other.games, 0, games, 0, games.length);
    }

    /**
     * Removes one battle (for the jackknife). Cells that cancel to within rounding of zero become exactly zero, so
     * that the existence check sees a pair that no longer met.
     */
    void remove(int a, int b, double scoreA, double weight) {
        score[a * k + b] = subtract(score[a * k + b], weight * scoreA);
        score[b * k + a] = subtract(score[b * k + a], weight * (1 - scoreA));
        games[pairCell(a, b)] = subtract(games[pairCell(a, b)], weight);
    }

    private static double subtract(double total, double amount) {
        double rest = total - amount;
        return Math.abs(rest) <= 1e-12 * Math.abs(total) ? 0 : rest;
    }

    private double pairGames(int i, int j) {
        return games[pairCell(i, j)];
    }

    /**
     * Why the maximum-likelihood estimate does not exist, naming the players; null when it exists.
     */
    @Nullable String nonExistence(List<String> players) {
        for (int i = 0; i < k; i++) {
            double played = 0;
            for (int j = 0; j < k; j++) {
                played += j == i ? 0 : pairGames(i, j);
            }
            if (played == 0) {
                return "player '" + players.get(i) + "' has no battles";
            }
        }
        boolean[] forward = reach(true);
        List<String> unreached = names(players, forward, false);
        if (!unreached.isEmpty()) {
            return describe(unreached, "never lost or tied against", names(players, forward, true));
        }
        boolean[] backward = reach(false);
        List<String> unreaching = names(players, backward, false);
        if (!unreaching.isEmpty()) {
            return describe(unreaching, "never won or tied against", names(players, backward, true));
        }
        return null;
    }

    /** Players reachable from player 0 along "scored against" edges (or against them when {@code !forward}). */
    private boolean[] reach(boolean forward) {
        boolean[] seen = new boolean[k];
        int[] stack = new int[k];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int i = stack[--top];
            for (int j = 0; j < k; j++) {
                double edge = forward ? score[i * k + j] : score[j * k + i];
                if (!seen[j] && edge > 0) {
                    seen[j] = true;
                    stack[top++] = j;
                }
            }
        }
        return seen;
    }

    private static List<String> names(List<String> players, boolean[] flags, boolean value) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out.add(players.get(i));
            }
        }
        return out;
    }

    private static String describe(List<String> group, String relation, List<String> others) {
        String who = group.size() == 1 ? "player '" + group.get(0) + "'" : "players " + group;
        return who + " " + relation + " " + others;
    }

    /**
     * Maximises the likelihood starting from {@code theta} (any values; used as a warm start) and leaves the
     * maximiser in {@code theta} with {@code theta[0] = 0}.
     *
     * @return the number of Newton iterations
     * @throws IllegalStateException if Newton's method does not converge (the caller checks existence first)
     */
    int solve(double[] theta) {
        double shift = theta[0];
        for (int i = 0; i < k; i++) {
            theta[i] -= shift;
        }
        double logLikelihood = logLikelihood(theta);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            newtonStep(theta);
            double t = 1;
            double candidate = Double.NaN;
            for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
                for (int i = 0; i < k; i++) {
                    trial[i] = theta[i] + t * step[i];
                }
                candidate = logLikelihood(trial);
                if (candidate >= logLikelihood - 1e-12 * (1 + Math.abs(logLikelihood))) {
                    break;
                }
                t /= 2;
            }
            double largest = 0;
            for (int i = 0; i < k; i++) {
                largest = Math.max(largest, Math.abs(trial[i] - theta[i]));
                theta[i] = trial[i];
            }
            logLikelihood = candidate;
            if (largest <= STEP_TOLERANCE) {
                return iteration;
            }
        }
        throw new IllegalStateException("Bradley-Terry Newton iterations did not converge in " + MAX_ITERATIONS
                + " steps");
    }

    /** Fills {@link #step} with the Newton direction at {@code theta} (component 0 fixed at 0). */
    private void newtonStep(double[] theta) {
        int m = k - 1;
        Arrays.fill(gradient, 0);
        Arrays.fill(hessian, 0);
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double n = pairGames(i, j);
                if (n == 0) {
                    continue;
                }
                double x = theta[i] - theta[j];
                double p = sigmoid(x);
                double q = sigmoid(-x);
                gradient[i] += score[i * k + j] - n * p;
                gradient[j] += score[j * k + i] - n * q;
                double h = n * p * q;
                if (i > 0) {
                    hessian[(i - 1) * m + (i - 1)] += h;
                    hessian[(i - 1) * m + (j - 1)] -= h;
                    hessian[(j - 1) * m + (i - 1)] -= h;
                }
                hessian[(j - 1) * m + (j - 1)] += h;
            }
        }
        // Cholesky factorisation of the (k-1)x(k-1) negative Hessian, in place (lower triangle)
        for (int c = 0; c < m; c++) {
            double diagonal = hessian[c * m + c];
            for (int l = 0; l < c; l++) {
                diagonal -= hessian[c * m + l] * hessian[c * m + l];
            }
            if (!(diagonal > 0)) {
                throw new IllegalStateException("Bradley-Terry Hessian is singular (players not connected)");
            }
            double root = Math.sqrt(diagonal);
            hessian[c * m + c] = root;
            for (int r = c + 1; r < m; r++) {
                double v = hessian[r * m + c];
                for (int l = 0; l < c; l++) {
                    v -= hessian[r * m + l] * hessian[c * m + l];
                }
                hessian[r * m + c] = v / root;
            }
        }
        // forward then backward substitution on the gradient of players 1..k-1
        step[0] = 0;
        for (int r = 0; r < m; r++) {
            double v = gradient[r + 1];
            for (int l = 0; l < r; l++) {
                v -= hessian[r * m + l] * step[l + 1];
            }
            step[r + 1] = v / hessian[r * m + r];
        }
        for (int r = m - 1; r >= 0; r--) {
            double v = step[r + 1];
            for (int l = r + 1; l < m; l++) {
                v -= hessian[l * m + r] * step[l + 1];
            }
            step[r + 1] = v / hessian[r * m + r];
        }
    }

    /** {@code Σ_{i≠j} S_ij log σ(θ_i − θ_j)} (natural log). */
    double logLikelihood(double[] theta) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double x = theta[i] - theta[j];
                double sij = score[i * k + j];
                double sji = score[j * k + i];
                if (sij != 0) {
                    sum += sij * logSigmoid(x);
                }
                if (sji != 0) {
                    sum += sji * logSigmoid(-x);
                }
            }
        }
        return sum;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }
}
