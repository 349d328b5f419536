package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Online Elo ratings: one pass over the battles in their order, as in FastChat's {@code compute_elo}
 * ({@code fastchat/serve/monitor/rating_systems.py}, commit 0e6d3e4).
 *
 * <p>Every player starts at the initial rating. For each battle, with {@code e = 1 / (1 + exp(ln(base) / scale ·
 * (R_B − R_A)))} and A's score {@code s} (1 win, 0.5 tie, 0 loss), {@code R_A += K·w·(s − e)} and
 * {@code R_B −= K·w·(s − e)}, where {@code w} is the battle's weight (1 reproduces FastChat, which has no weights;
 * a weight scales the step, it is not the same as repeating the battle). Online Elo depends on the order of the
 * battles; {@link BradleyTerry} does not and is the better estimate for a fixed set of models.
 *
 * <p>Instances are immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Elo {

    /** The default K-factor, 4 (FastChat's). */
    public static final double DEFAULT_K = 4;

    private final double k;
    private final double scale;
    private final double base;
    private final double initialRating;

    private Elo(Builder b) {
        this.k = b.k;
        this.scale = b.scale;
        this.base = b.base;
        this.initialRating = b.initialRating;
    }

    /** A builder with FastChat's defaults: K 4, scale 400, base 10, initial rating 1000. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ratings after one pass over {@code battles} in order.
     *
     * @return the final ratings; {@link Ratings#logLikelihood()} is the Bradley&ndash;Terry log-likelihood of all
     *         battles under them, {@link Ratings#iterations()} is 1
     * @throws IllegalArgumentException if {@code battles} is empty
     */
    public Ratings ratings(Battles battles) {
        Objects.requireNonNull(battles, "battles");
        requireBattles(battles);
        double[] ratings = new double[battles.playerCount()];
        int[] a = battles.playerAIds();
        int[] b = battles.playerBIds();
        double[] w = battles.weightArray();
        double[] s = BradleyTerry.scores(battles);
        double alpha = Math.log(base) / scale;
        Arrays.fill(ratings, initialRating);
        for (int n = 0; n < a.length; n++) {
            update(ratings, a[n], b[n], s[n], w[n], alpha);
        }
        return new Ratings(battles.players(), ratings, logLikelihood(battles, ratings, alpha), 1, scale, base);
    }

    private void update(double[] ratings, int a, int b, double scoreA, double weight, double alpha) {
        double expected = 1.0 / (1.0 + Math.exp(alpha * (ratings[b] - ratings[a])));
        double delta = k * weight * (scoreA - expected);
        ratings[a] += delta;
        ratings[b] -= delta;
    }

    /**
     * Elo ratings with bootstrap confidence intervals, as FastChat's {@code compute_bootstrap_elo} (and the older
     * {@code get_bootstrap_result}) do: each round draws as many battles as there are, uniformly with replacement,
     * and runs online Elo over them in the order drawn; a player who is not drawn keeps the initial rating. The
     * intervals are percentile intervals of these replicates; the point estimates are {@link #ratings(Battles)}
     * on the battles in their original order.
     *
     * @throws IllegalArgumentException if {@code battles} is empty or the bootstrap method is
     *                                  {@link Bootstrap.Method#BCA}: its jackknife would need one full Elo pass per
     *                                  left-out battle ({@code O(n²)}) of an order-dependent statistic
     */
    public RatingIntervals bootstrap(Battles battles, Bootstrap bootstrap) {
        Objects.requireNonNull(battles, "battles");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Preconditions.checkArgument(bootstrap.method() == Bootstrap.Method.PERCENTILE, () ->
                "Elo bootstrap supports only the percentile method but was "
                + bootstrap.method());
        Ratings estimate = ratings(battles);
        int players = battles.playerCount();
        int n = battles.size();
        int[] a = battles.playerAIds();
        int[] b = battles.playerBIds();
        double[] w = battles.weightArray();
        double[] s = BradleyTerry.scores(battles);
        double alpha = Math.log(base) / scale;
        double[][] replicates = new double[players][bootstrap.rounds()];
        ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[players]);
        bootstrap.forEachRound((round, random) -> {
            double[] ratings = buffers.get();
            Arrays.fill(ratings, initialRating);
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                update(ratings, a[pick], b[pick], s[pick], w[pick], alpha);
            }
            for (int p = 0; p < players; p++) {
                replicates[p][round] = ratings[p];
            }
        });
        ConfidenceInterval[] intervals = new ConfidenceInterval[players];
        for (int p = 0; p < players; p++) {
            intervals[p] = BootstrapIntervals.interval(replicates[p], bootstrap.confidence(), Double.NaN, null, null,
                    "the rating of '" + battles.players().get(p) + "'");
        }
        return new RatingIntervals(estimate, intervals, replicates);
    }

    /** The Bradley-Terry log-likelihood of the battles under Elo-scale ratings ({@code alpha = ln(base)/scale}). */
    private static double logLikelihood(Battles battles, double[] ratings, double alpha) {
        BradleyTerrySolver totals = new BradleyTerrySolver(ratings.length);
        totals.addAll(battles);
        double[] theta = new double[ratings.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = alpha * ratings[i];
        }
        return totals.logLikelihood(theta);
    }

    private static void requireBattles(Battles battles) {
        Preconditions.checkArgument(battles.size() != 0, "battles must not be empty");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Elo[K %s, scale %s, base %s, initial %s]", k, scale, base,
                initialRating);
    }

    /** Configures an {@link Elo}; setters reject bad values at once, the builder stays reusable. */
    public static final class Builder {

        private double k = DEFAULT_K;
        private double scale = BradleyTerry.DEFAULT_SCALE;
        private double base = BradleyTerry.DEFAULT_BASE;
        private double initialRating = BradleyTerry.DEFAULT_INITIAL_RATING;

        private Builder() {
        }

        /**
         * The K-factor, the largest rating change one battle of weight 1 can cause (default 4).
         *
         * @throws IllegalArgumentException if not finite and positive
         */
        public Builder k(double k) {
            this.k = RatingChecks.positive("k", k);
            return this;
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
         * Every player's rating before the first battle (default 1000).
         *
         * @throws IllegalArgumentException if not finite
         */
        public Builder initialRating(double initialRating) {
            this.initialRating = RatingChecks.finite("initialRating", initialRating);
            return this;
        }

        /** The configured Elo system. */
        public Elo build() {
            return new Elo(this);
        }
    }
}
