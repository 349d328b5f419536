package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maximum-likelihood Bradley&ndash;Terry ratings on the Elo scale, with bootstrap confidence intervals.
 *
 * <p>Model: player A beats player B with probability {@code 1 / (1 + base^((R_B − R_A) / scale))}; a tie counts
 * as half a win for each side (equivalently, as arena-hard-auto does, each battle is duplicated and a tie becomes
 * one A-win and one B-win: the likelihood is squared and the maximiser is the same). The exact maximum-likelihood
 * estimate is found by Newton's method on the aggregated pair totals (one pass over the battles, then
 * {@code O(k³)} per iteration for k players, typically 5 iterations) to a step below 1e-12 on the logit scale.
 * Ratings are then either anchored ({@link Builder#anchor(String, double)}: that player gets that rating, the
 * arena-hard-auto convention with its baseline at 1000) or centred (mean rating = {@link Builder#initialRating}).
 *
 * <p>Matches, within the solvers' own tolerance, arena-hard-auto {@code compute_mle_elo} (v0.1 line, commit
 * 0489bf3, scikit-learn logistic regression with the baseline anchored at 1000) and FastChat {@code compute_bt}
 * (commit 0e6d3e4; L-BFGS from zero, which keeps the mean at {@code init_rating} unless its hard-coded anchor model
 * is present). Unlike both, RAQ refuses data without a finite maximum-likelihood estimate instead of reporting
 * whatever the optimiser stopped at.
 *
 * <p>Instances are immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BradleyTerry {

    /** The default scale, 400 rating points per factor {@code base} in odds. */
    public static final double DEFAULT_SCALE = 400;
    /** The default base, 10. */
    public static final double DEFAULT_BASE = 10;
    /** The default initial (mean) rating, 1000. */
    public static final double DEFAULT_INITIAL_RATING = 1000;

    private final double scale;
    private final double base;
    private final double initialRating;
    private final @Nullable String anchorPlayer;
    private final double anchorRating;

    private BradleyTerry(Builder b) {
        this.scale = b.scale;
        this.base = b.base;
        this.initialRating = b.initialRating;
        this.anchorPlayer = b.anchorPlayer;
        this.anchorRating = b.anchorRating;
    }

    /** A builder with scale 400, base 10, initial rating 1000 and no anchor (mean-centred ratings). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits the maximum-likelihood ratings.
     *
     * @return the ratings, their log-likelihood (the maximum) and the number of Newton iterations
     * @throws IllegalArgumentException if {@code battles} is empty, the anchor player never battled, or the
     *                                  maximum-likelihood estimate does not exist (some players never lost or
     *                                  tied, or never won or tied, against the rest: the message names them)
     */
    public Ratings fit(Battles battles) {
        return exactFit(battles).ratings();
    }

    /** The fitted totals, the logit-scale maximiser (player 0 at 0) and the ratings. */
    private record Fit(BradleyTerrySolver totals, double[] theta, Ratings ratings) {
    }

    private Fit exactFit(Battles battles) {
        Objects.requireNonNull(battles, "battles");
        int anchor = anchorIndex(battles);
        BradleyTerrySolver solver = new BradleyTerrySolver(battles.playerCount());
        solver.addAll(battles);
        requireExistence(solver, battles, "");
        double[] theta = new double[battles.playerCount()];
        int iterations = solver.solve(theta);
        Ratings ratings = new Ratings(battles.players(), toRatings(theta, anchor, new double[theta.length]),
                solver.logLikelihood(theta), iterations, scale, base);
        return new Fit(solver, theta, ratings);
    }

    /**
     * Ratings with bootstrap confidence intervals: each round resamples the battles uniformly with replacement
     * (as many as there are, each keeping its weight) and refits, as arena-hard-auto's
     * {@code get_bootstrap_result} does. The point estimates are {@link #fit(Battles)} on all battles. With
     * {@link Bootstrap.Method#BCA} the jackknife refits once per distinct battle (same players, outcome and
     * weight), not once per battle.
     *
     * @param battles   the battles
     * @param bootstrap rounds, confidence, method and seed
     * @return the point estimates, per-player intervals and bootstrap distributions
     * @throws IllegalArgumentException as {@link #fit(Battles)}, and if some round's resample (or, for BCa, some
     *                                  jackknife deletion) has no finite estimate: the message names the round
     *                                  and the players; more battles or the percentile method help
     */
    public RatingIntervals bootstrap(Battles battles, Bootstrap bootstrap) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Fit fit = exactFit(battles);
        Ratings estimate = fit.ratings();
        BradleyTerrySolver full = fit.totals();
        double[] start = fit.theta();
        int k = battles.playerCount();
        int anchor = anchorIndex(battles);

        int n = battles.size();
        int[] a = battles.playerAIds();
        int[] b = battles.playerBIds();
        double[] w = battles.weightArray();
        double[] s = scores(battles);
        double[][] replicates = new double[k][bootstrap.rounds()];
        int[] cells = new int[n];
        boolean unitWeights = true;
        for (int i = 0; i < n; i++) {
            cells[i] = BradleyTerrySolver.tallyCell(k, a[i], b[i], battles.outcomeAt(i));
            unitWeights &= w[i] == 1.0;
        }
        boolean unweighted = unitWeights;
        ThreadLocal<BradleyTerrySolver> solvers = ThreadLocal.withInitial(() -> new BradleyTerrySolver(k));
        ThreadLocal<double[][]> buffers = ThreadLocal.withInitial(() -> new double[][] {new double[k], new double[k],
                new double[3 * k * k]});
        bootstrap.forEachRound((round, random) -> {
            BradleyTerrySolver solver = solvers.get();
            double[][] buffer = buffers.get();
            double[] tally = buffer[2];
            Arrays.fill(tally, 0);
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                tally[cells[pick]] += unweighted ? 1.0 : w[pick];
            }
            solver.setTally(tally);
            requireExistence(solver, battles, "bootstrap round " + round + ": ");
            System.arraycopy(start, 0, buffer[0], 0, k);
            solver.solve(buffer[0]);
            toRatings(buffer[0], anchor, buffer[1]);
            for (int p = 0; p < k; p++) {
                replicates[p][round] = buffer[1][p];
            }
        });

        double[][] jackknife = null;
        double[] counts = null;
        if (bootstrap.method() == Bootstrap.Method.BCA) {
            // per distinct battle: {multiplicity, index of its first occurrence}
            Map<DistinctBattle, int[]> distinct = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                int first = i;
                distinct.computeIfAbsent(DistinctBattle.of(a[i], b[i], s[i], w[i]), key -> new int[] {0, first})[0]++;
            }
            jackknife = new double[k][distinct.size()];
            counts = new double[distinct.size()];
            BradleyTerrySolver solver = new BradleyTerrySolver(k);
            double[] theta = new double[k];
            double[] ratings = new double[k];
            int g = 0;
            for (Map.Entry<DistinctBattle, int[]> e : distinct.entrySet()) {
                DistinctBattle d = e.getKey();
                solver.copyTotals(full);
                solver.remove(d.low(), d.high(), d.scoreLow(), d.weight());
                requireExistence(solver, battles, "BCa jackknife without battle " + e.getValue()[1] + ": ");
                System.arraycopy(start, 0, theta, 0, k);
                solver.solve(theta);
                toRatings(theta, anchor, ratings);
                for (int p = 0; p < k; p++) {
                    jackknife[p][g] = ratings[p];
                }
                counts[g++] = e.getValue()[0];
            }
        }
        ConfidenceInterval[] intervals = new ConfidenceInterval[k];
        for (int p = 0; p < k; p++) {
            intervals[p] = BootstrapIntervals.interval(replicates[p], bootstrap.confidence(), estimate.rating(p),
                    jackknife == null ? null : jackknife[p], counts,
                    "the rating of '" + battles.players().get(p) + "'");
        }
        return new RatingIntervals(estimate, intervals, replicates);
    }

    /** The diagonal regularisation of the Hessian, per battle when every weight is 1, as arena-rank adds it. */
    static final double HESSIAN_REGULARISATION = 1e-5;

    /**
     * Ratings with standard errors from the sandwich covariance {@code H⁻¹ M H⁻¹} of the maximum-likelihood fit, as
     * LMArena's arena-rank computes them ({@code BradleyTerry.compute_ratings_and_cis(ci_method="sandwich")}): H is
     * the Hessian of the weighted log-likelihood ({@code Σ w p(1 − p) x xᵀ}, x = e_A − e_B, plus
     * {@value #HESSIAN_REGULARISATION} × battles on its diagonal, or × 1 with weights, which leaves centred ratings
     * unchanged), M the outer products of the per-battle scores ({@code Σ (w (s − p))² x xᵀ}, s = 1, ½ or 0 for A).
     * No resampling: one fit, then k × k algebra. Robust to a misspecified model; like any asymptotic interval it
     * needs a good number of battles per player. With an anchor the errors are of the difference to the anchor
     * (whose own error is 0), as its ratings are.
     *
     * @param confidence the level of the intervals, in (0, 1)
     * @throws IllegalArgumentException as {@link #fit(Battles)}, or if confidence is outside (0, 1)
     */
    public SandwichIntervals sandwich(Battles battles, double confidence) {
        Preconditions.checkArgument(confidence > 0 && confidence < 1,
                () -> "confidence must be in (0, 1) but was " + confidence);
        Fit fit = exactFit(battles);
        int k = battles.playerCount();
        double[] theta = fit.theta();
        int[] a = battles.playerAIds();
        int[] b = battles.playerBIds();
        double[] w = battles.weightArray();
        double[][] h = new double[k][k];
        double[][] m = new double[k][k];
        boolean unitWeights = true;
        for (int i = 0; i < battles.size(); i++) {
            double p = 1 / (1 + Math.exp(theta[b[i]] - theta[a[i]]));
            double g = w[i] * (battles.outcomeAt(i).scoreA() - p);
            addOuter(h, a[i], b[i], w[i] * p * (1 - p));
            addOuter(m, a[i], b[i], g * g);
            unitWeights &= w[i] == 1.0;
        }
        double reg = HESSIAN_REGULARISATION * (unitWeights ? battles.size() : 1);
        for (int i = 0; i < k; i++) {
            h[i][i] += reg;
        }
        org.hipparchus.linear.RealMatrix hInverse = new org.hipparchus.linear.LUDecomposition(
                org.hipparchus.linear.MatrixUtils.createRealMatrix(h)).getSolver().getInverse();
        org.hipparchus.linear.RealMatrix covariance = hInverse.multiply(
                org.hipparchus.linear.MatrixUtils.createRealMatrix(m)).multiply(hInverse);
        double perUnit = scale / Math.log(base);
        int anchor = anchorIndex(battles);
        double[] errors = new double[k];
        for (int i = 0; i < k; i++) {
            double variance = anchor < 0 ? covariance.getEntry(i, i)
                    : covariance.getEntry(i, i) + covariance.getEntry(anchor, anchor)
                    - 2 * covariance.getEntry(i, anchor);
            errors[i] = perUnit * Math.sqrt(Math.max(0, variance));
        }
        if (anchor >= 0) {
            errors[anchor] = 0;
        }
        return new SandwichIntervals(fit.ratings(), errors, confidence);
    }

    /** Adds {@code v x xᵀ} for x = e_a − e_b. */
    private static void addOuter(double[][] matrix, int a, int b, double v) {
        matrix[a][a] += v;
        matrix[b][b] += v;
        matrix[a][b] -= v;
        matrix[b][a] -= v;
    }

    /** A battle up to the order of its players, for grouping jackknife deletions. */
    private record DistinctBattle(int low, int high, double scoreLow, double weight) {
        static DistinctBattle of(int a, int b, double scoreA, double weight) {
            return a < b ? new DistinctBattle(a, b, scoreA, weight) : new DistinctBattle(b, a, 1 - scoreA, weight);
        }
    }

    static double[] scores(Battles battles) {
        double[] s = new double[battles.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = battles.outcomeAt(i).scoreA();
        }
        return s;
    }

    private int anchorIndex(Battles battles) {
        Preconditions.checkArgument(battles.size() != 0, "battles must not be empty");
        if (anchorPlayer == null) {
            return -1;
        }
        if (!battles.players().contains(anchorPlayer)) {
            throw new IllegalArgumentException("anchor player '" + anchorPlayer + "' is not among the players "
                    + battles.players());
        }
        return battles.indexOf(anchorPlayer);
    }

    private static void requireExistence(BradleyTerrySolver solver, Battles battles, String where) {
        String why = solver.nonExistence(battles.players());
        Preconditions.checkArgument(why == null, () ->
                where + "the Bradley-Terry maximum-likelihood ratings do not exist"
                + " (they would be infinite): " + why);
    }

    /** Converts logit-scale strengths to anchored or centred Elo-scale ratings, into {@code out}. */
    private double[] toRatings(double[] theta, int anchor, double[] out) {
        return Ratings.place(theta, theta.length, anchor, scale / Math.log(base), anchorRating, initialRating, out);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BradleyTerry[scale %s, base %s, %s]", scale, base,
                anchorPlayer == null ? "mean " + initialRating : "anchor " + anchorPlayer + " = " + anchorRating);
    }

    /** Configures a {@link BradleyTerry}; setters reject bad values at once, the builder stays reusable. */
    public static final class Builder {

        private double scale = DEFAULT_SCALE;
        private double base = DEFAULT_BASE;
        private double initialRating = DEFAULT_INITIAL_RATING;
        private @Nullable String anchorPlayer;
        private double anchorRating;

        private Builder() {
        }

        /**
         * Rating points per factor {@code base} in the odds of winning (default 400).
         *
         * @throws IllegalArgumentException if not finite and positive
         */
        public Builder scale(double scale) {
            this.scale = RatingChecks.positive("scale", scale);
            return this;
        }

        /**
         * The base of the odds (default 10).
         *
         * @throws IllegalArgumentException if not finite and greater than 1
         */
        public Builder base(double base) {
            this.base = RatingChecks.base(base);
            return this;
        }

        /**
         * The mean rating of centred ratings (default 1000); unused when an anchor is set.
         *
         * @throws IllegalArgumentException if not finite
         */
        public Builder initialRating(double initialRating) {
            this.initialRating = RatingChecks.finite("initialRating", initialRating);
            return this;
        }

        /**
         * Anchors the ratings: {@code player} gets exactly {@code rating} and the others keep their distances
         * (arena-hard-auto anchors its baseline at 1000). Default: no anchor, ratings centred on
         * {@link #initialRating(double)}.
         *
         * @throws IllegalArgumentException if {@code rating} is not finite
         */
        public Builder anchor(String player, double rating) {
            Objects.requireNonNull(player, "player");
            RatingChecks.finite("anchor rating", rating);
            this.anchorPlayer = player;
            this.anchorRating = rating;
            return this;
        }

        /** The configured fit. */
        public BradleyTerry build() {
            return new BradleyTerry(this);
        }
    }
}
