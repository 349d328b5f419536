package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * Bradley–Terry ratings adjusted for battle covariates — Arena-Hard's style control: the log-odds that A beats B
 * are {@code ln(base)·(θ_A − θ_B) + Σ γ_k z_k}, where {@code z_k} are the battle's covariates (for example how much
 * longer and more formatted A's answer was, see {@link BattleCovariates#ratios}) scaled to unit weighted root mean
 * square over the battles. The ratings {@code scale·θ} are then what each player is worth when the covariates are
 * zero — equal sides; {@code γ_k} is how much one such unit of covariate k moves the log-odds.
 *
 * <p>By default the covariates are scaled, not centred: a covariate that compares the two sides changes sign when
 * they swap, and so must the fit, whichever side a battle lists first. Arena-Hard z-scores them (subtracts the
 * mean, divides by the population standard deviation); since its battles always list the baseline first, the mean
 * becomes an advantage of the baseline's side and moves every rating against it. {@link #arenaHard(String)} does
 * the same ({@link Builder#centre(boolean)}), to reproduce its numbers when the battles list the baseline first.
 *
 * <p>Ties count half a win for each side, strong verdicts as repeated unit battles, exactly as in
 * {@link BradleyTerry}. The fit maximises the log-likelihood minus {@code ½ λ Σ (θ² + γ²)}:
 * {@link #arenaHard(String)} sets λ = ½, which is what scikit-learn's default {@code LogisticRegression(C=1)} on
 * Arena-Hard-Auto's duplicated battle rows ({@code utils_math.fit_bt}) maximises; λ = 0 is the plain maximum
 * likelihood (player 0 is then held at θ = 0 for identifiability). RAQ solves it exactly by Newton's method to a
 * step below 1e-10, where scikit-learn's L-BFGS stops at its tolerance. Ratings are anchored or centred as in
 * {@link BradleyTerry}.
 *
 * <p>The bootstrap resamples battles with replacement and refits, keeping the standardisation of the full data, as
 * Arena-Hard's {@code get_bootstrap_result_style_control} does. Intervals are percentile intervals (a BCa jackknife
 * over a penalised fit is not offered). Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CovariateBradleyTerry {

    private final double scale;
    private final double base;
    private final double initialRating;
    private final @Nullable String anchorPlayer;
    private final double anchorRating;
    private final double ridge;
    private final boolean centre;

    private CovariateBradleyTerry(Builder b) {
        this.scale = b.scale;
        this.base = b.base;
        this.initialRating = b.initialRating;
        this.anchorPlayer = b.anchorPlayer;
        this.anchorRating = b.anchorRating;
        this.ridge = b.ridge;
        this.centre = b.centre;
    }

    /** Scale 400, base 10, initial rating 1000, no anchor, no penalty (λ = 0). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Arena-Hard-Auto v0.1's style control: scale 400, base 10, λ = ½ (scikit-learn's default penalty on its
     * duplicated rows), covariates z-scored, {@code baseline} anchored at 1000 (upstream shifts to 1114; win rates
     * against the baseline are the same). Upstream lists the baseline as side A of every battle; so must the
     * battles given to this fit for its numbers.
     */
    public static Builder arenaHard(String baseline) {
        return builder().ridge(0.5).centre(true).anchor(baseline, BradleyTerry.DEFAULT_INITIAL_RATING);
    }

    /**
     * The point fit, without intervals.
     *
     * @throws IllegalArgumentException if the covariates do not describe every battle, a covariate does not vary,
     *                                  the anchor never battled, or (with λ = 0) the fit has no finite maximum
     */
    public CovariateRatings fit(Battles battles, BattleCovariates covariates) {
        Design design = new Design(battles, covariates);
        double[] beta = new double[design.parameters];
        int iterations = design.model.fit(design.weights, beta);
        return design.result(beta, iterations, null, null);
    }

    /**
     * The point fit with percentile bootstrap intervals for every rating and coefficient.
     *
     * @throws IllegalArgumentException as {@link #fit}, or if a resample has no finite maximum (the message names
     *                                  the round)
     */
    public CovariateRatings bootstrap(Battles battles, BattleCovariates covariates, Bootstrap bootstrap) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Design design = new Design(battles, covariates);
        double[] beta = new double[design.parameters];
        int iterations = design.model.fit(design.weights, beta);
        int n = battles.size();
        int k = battles.playerCount();
        int f = covariates.names().size();
        double[][] ratingReplicates = new double[k][bootstrap.rounds()];
        double[][] coefficientReplicates = new double[f][bootstrap.rounds()];
        ThreadLocal<PenalizedLogistic> models = ThreadLocal.withInitial(design::newModel);
        bootstrap.forEachRound((round, random) -> {
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                weights[pick] += design.weights[pick];
            }
            double[] b = beta.clone();
            try {
                models.get().fit(weights, b);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bootstrap round " + round + ": " + e.getMessage(), e);
            }
            double[] ratings = design.ratings(b);
            for (int p = 0; p < k; p++) {
                ratingReplicates[p][round] = ratings[p];
            }
            for (int c = 0; c < f; c++) {
                coefficientReplicates[c][round] = b[design.players + c];
            }
        });
        ConfidenceInterval[] ratingIntervals = new ConfidenceInterval[k];
        for (int p = 0; p < k; p++) {
            ratingIntervals[p] = BootstrapIntervals.interval(ratingReplicates[p], bootstrap.confidence(), Double.NaN,
                    null, null, "a rating");
        }
        ConfidenceInterval[] coefficientIntervals = new ConfidenceInterval[f];
        for (int c = 0; c < f; c++) {
            coefficientIntervals[c] = BootstrapIntervals.interval(coefficientReplicates[c], bootstrap.confidence(),
                    Double.NaN, null, null, "a coefficient");
        }
        return design.result(beta, iterations, new RatingIntervals(design.ratingsOf(beta, iterations),
                ratingIntervals, ratingReplicates), coefficientIntervals);
    }

    /** The regression of one set of battles: sparse rows, targets, weights and the standardisation. */
    private final class Design {
        final Battles battles;
        final BattleCovariates covariates;
        final int players;
        final int parameters;
        final int anchor;
        final double[] weights;
        final double[] means;
        final double[] deviations;
        final int[][] columns;
        final double[][] values;
        final double[] targets;
        final double[] penalty;
        final PenalizedLogistic model;

        Design(Battles battles, BattleCovariates covariates) {
            this.battles = Objects.requireNonNull(battles, "battles");
            this.covariates = Objects.requireNonNull(covariates, "covariates");
            int n = battles.size();
            Preconditions.checkArgument(n > 0, "no battles");
            Preconditions.checkArgument(covariates.size() == n, () -> "the covariates describe "
                    + covariates.size() + " battles but there are " + n);
            this.players = battles.playerCount();
            int f = covariates.names().size();
            this.parameters = players + f;
            this.anchor = anchorPlayer == null ? -1 : battles.players().indexOf(anchorPlayer);
            Preconditions.checkArgument(anchorPlayer == null || anchor >= 0, () -> "anchor player '" + anchorPlayer
                    + "' never battled; players: " + battles.players());
            this.weights = battles.weightArray().clone();
            this.means = new double[f];
            this.deviations = new double[f];
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            for (int c = 0; c < f; c++) {
                double mean = 0;
                if (centre) {
                    for (int i = 0; i < n; i++) {
                        mean += weights[i] * covariates.value(i, c);
                    }
                    mean /= total;
                }
                double variance = 0;
                for (int i = 0; i < n; i++) {
                    double d = covariates.value(i, c) - mean;
                    variance += weights[i] * d * d;
                }
                means[c] = mean;
                deviations[c] = Math.sqrt(variance / total);
                int col = c;
                Preconditions.checkArgument(deviations[c] > 0, () -> "covariate '" + covariates.names().get(col)
                        + "' is " + (centre ? "the same" : "zero") + " in every battle, so its effect cannot be "
                        + "estimated");
            }
            int[] a = battles.playerAIds();
            int[] b = battles.playerBIds();
            double logBase = Math.log(base);
            this.columns = new int[n][];
            this.values = new double[n][];
            this.targets = new double[n];
            for (int i = 0; i < n; i++) {
                boolean dropA = ridge == 0 && a[i] == 0;
                boolean dropB = ridge == 0 && b[i] == 0;
                int width = f + (dropA ? 0 : 1) + (dropB ? 0 : 1);
                int[] cols = new int[width];
                double[] vals = new double[width];
                int at = 0;
                if (!dropA) {
                    cols[at] = a[i];
                    vals[at++] = logBase;
                }
                if (!dropB) {
                    cols[at] = b[i];
                    vals[at++] = -logBase;
                }
                for (int c = 0; c < f; c++) {
                    cols[at] = players + c;
                    vals[at++] = (covariates.value(i, c) - means[c]) / deviations[c];
                }
                columns[i] = cols;
                values[i] = vals;
                targets[i] = battles.outcomeAt(i).scoreA();
            }
            this.penalty = new double[parameters];
            java.util.Arrays.fill(penalty, ridge);
            if (ridge == 0) {
                penalty[0] = 1; // player 0's column is absent: pin its coefficient at 0
            }
            this.model = newModel();
        }

        PenalizedLogistic newModel() {
            return new PenalizedLogistic(columns, values, targets, penalty);
        }

        /** The players' ratings: θ is in units of log(base) odds, so one unit is {@code scale} rating points. */
        double[] ratings(double[] beta) {
            return Ratings.place(beta, players, anchor, scale, anchorRating, initialRating, new double[players]);
        }

        Ratings ratingsOf(double[] beta, int iterations) {
            return new Ratings(battles.players(), ratings(beta), model.objective(weights, beta), iterations, scale,
                    base);
        }

        CovariateRatings result(double[] beta, int iterations, @Nullable RatingIntervals intervals,
                                ConfidenceInterval @Nullable [] coefficientIntervals) {
            double[] coefficients = java.util.Arrays.copyOfRange(beta, players, parameters);
            return new CovariateRatings(ratingsOf(beta, iterations), covariates.names(), coefficients, means,
                    deviations, ridge, intervals, coefficientIntervals);
        }
    }

    /** Builds a {@link CovariateBradleyTerry}. */
    public static final class Builder {
        private double scale = BradleyTerry.DEFAULT_SCALE;
        private double base = BradleyTerry.DEFAULT_BASE;
        private double initialRating = BradleyTerry.DEFAULT_INITIAL_RATING;
        private @Nullable String anchorPlayer;
        private double anchorRating;
        private double ridge;
        private boolean centre;

        private Builder() {
        }

        /** Rating points per factor {@code base} in odds; finite and positive (default 400). */
        public Builder scale(double scale) {
            this.scale = RatingChecks.positive("scale", scale);
            return this;
        }

        /** The base of the odds; finite and above 1 (default 10). */
        public Builder base(double base) {
            this.base = RatingChecks.base(base);
            return this;
        }

        /** The mean rating when no player is anchored (default 1000). */
        public Builder initialRating(double initialRating) {
            this.initialRating = RatingChecks.finite("initialRating", initialRating);
            return this;
        }

        /** Gives {@code player} exactly {@code rating}; the others move with it. */
        public Builder anchor(String player, double rating) {
            this.anchorPlayer = Objects.requireNonNull(player, "player");
            this.anchorRating = RatingChecks.finite("anchor rating", rating);
            return this;
        }

        /** The ridge penalty λ ≥ 0 on every coefficient (θ on the logit scale and γ); default 0. */
        public Builder ridge(double lambda) {
            Preconditions.checkArgument(lambda >= 0 && Double.isFinite(lambda),
                    () -> "ridge must be finite and >= 0 but was " + lambda);
            this.ridge = lambda;
            return this;
        }

        /**
         * Whether to subtract each covariate's weighted mean before scaling (Arena-Hard's z-score); default false,
         * which keeps the fit the same whichever side each battle lists first.
         */
        public Builder centre(boolean centre) {
            this.centre = centre;
            return this;
        }

        /** The model. */
        public CovariateBradleyTerry build() {
            return new CovariateBradleyTerry(this);
        }
    }
}
