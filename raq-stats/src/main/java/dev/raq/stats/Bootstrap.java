package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Nonparametric bootstrap confidence intervals: the percentile interval or the bias-corrected and accelerated
 * (BCa) interval of Efron &amp; Tibshirani, <i>An Introduction to the Bootstrap</i> (1993), ch. 13&ndash;14.
 *
 * <p>Each of {@link #rounds()} rounds resamples {@code n} values (or blocks) uniformly with replacement and
 * evaluates the statistic on the resample. Quantiles of the replicates use linear interpolation between order
 * statistics (numpy.percentile's default, Hyndman &amp; Fan type 7); the percentile interval at confidence
 * {@code c} is {@code [q((1 - c) / 2), q((1 + c) / 2)]}. BCa shifts these levels by a bias correction
 * {@code z0 = Φ⁻¹(share of replicates below the estimate)} (replicates equal to the estimate count half, as in
 * scipy.stats.bootstrap) and an acceleration from the jackknife (leave-one-out) values of the statistic; BCa costs
 * {@code n} extra evaluations of the statistic.
 *
 * <p>Randomness: round {@code r} draws its indices from its own {@link SplittableRandom}, seeded with the
 * {@code r}-th {@code nextLong()} of {@code new SplittableRandom(seed)}. Results therefore depend only on the seed,
 * never on thread scheduling, and are the same with {@link Builder#parallel(boolean) parallel} rounds.
 * Instances are immutable and thread-safe; in parallel mode the statistic is called from several threads.
 *
 * <pre>{@code
 * Bootstrap bootstrap = Bootstrap.builder().rounds(2000).method(Bootstrap.Method.BCA).seed(7).build();
 * ConfidenceInterval ci = bootstrap.interval(scores, x -> Arrays.stream(x).average().orElseThrow());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Bootstrap {

    /** The default number of rounds, 1000. */
    public static final int DEFAULT_ROUNDS = 1000;
    /** The default confidence level, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** The default method, {@link Method#PERCENTILE}. */
    public static final Method DEFAULT_METHOD = Method.PERCENTILE;
    /** The default seed, 0: without a seed of its own, a bootstrap is still reproducible. */
    public static final long DEFAULT_SEED = 0L;

    /** How the interval is read from the bootstrap distribution. */
    public enum Method {
        /** The {@code (1 - c) / 2} and {@code (1 + c) / 2} quantiles of the replicates. */
        PERCENTILE,
        /** Bias-corrected and accelerated quantiles (Efron &amp; Tibshirani 1993, ch. 14). */
        BCA
    }

    /**
     * A statistic of a resample of blocks (for example questions), given as block indices.
     *
     * <p>Used for paired resampling: all values belonging to one block (every candidate's score on one question)
     * move together.
     */
    @FunctionalInterface
    public interface BlockStatistic {
        /**
         * The statistic of the blocks {@code blockIndices} (with repetitions; of length {@code blockCount} for a
         * bootstrap round, {@code blockCount - 1} for a jackknife deletion). The array may be modified; it is
         * refilled before it is passed again.
         *
         * @return the statistic, a finite number
         */
        double compute(int[] blockIndices);
    }

    private final int rounds;
    private final double confidence;
    private final Method method;
    private final long seed;
    private final boolean parallel;

    private Bootstrap(Builder b) {
        this.rounds = b.rounds;
        this.confidence = b.confidence;
        this.method = b.method;
        this.seed = b.seed;
        this.parallel = b.parallel;
    }

    /** A builder with the defaults: 1000 rounds, 95 % confidence, percentile method, seed 0, sequential. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of bootstrap rounds. */
    public int rounds() {
        return rounds;
    }

    /** The confidence level in (0, 1). */
    public double confidence() {
        return confidence;
    }

    /** The interval method. */
    public Method method() {
        return method;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** True when rounds run in parallel on the common fork-join pool. */
    public boolean parallel() {
        return parallel;
    }

    /**
     * A confidence interval for {@code statistic} by resampling {@code data} with replacement.
     *
     * @param data      the observations, at least 1 (at least 2 for BCa); not modified
     * @param statistic computes the statistic of a sample; it receives a resample of length {@code data.length}
     *                  (or {@code data.length - 1} for BCa's jackknife) that it may modify
     * @return the interval at {@link #confidence()} by {@link #method()}
     * @throws IllegalArgumentException if {@code data} is empty (or has one value for BCa), if the statistic
     *                                  returns NaN or an infinity (the message names the round), or if the BCa
     *                                  interval is undefined (every replicate on one side of the estimate)
     */
    public ConfidenceInterval interval(double[] data, ToDoubleFunction<double[]> statistic) {
        double[] replicates = replicates(data, statistic);
        if (method == Method.PERCENTILE) {
            return BootstrapIntervals.interval(replicates, confidence, Double.NaN, null, null, "the statistic");
        }
        double estimate = checked(statistic.applyAsDouble(data.clone()), "on the original data");
        double[] jackknife = new double[data.length];
        double[] without = new double[data.length - 1];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(data, 0, without, 0, i);
            System.arraycopy(data, i + 1, without, i, data.length - i - 1);
            jackknife[i] = checked(statistic.applyAsDouble(without), "with data[" + i + "] left out");
        }
        return BootstrapIntervals.interval(replicates, confidence, estimate, jackknife, null, "the statistic");
    }

    /**
     * The bootstrap distribution of {@code statistic}: one replicate per round, in round order.
     *
     * @param data      the observations, at least 1 (at least 2 when the method is BCa); not modified
     * @param statistic as for {@link #interval(double[], ToDoubleFunction)}
     * @return {@link #rounds()} replicates
     * @throws IllegalArgumentException if {@code data} is empty or the statistic returns NaN or an infinity
     */
    public double[] replicates(double[] data, ToDoubleFunction<double[]> statistic) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(statistic, "statistic");
        checkSize(data.length, "data.length");
        int n = data.length;
        double[] replicates = new double[rounds];
        ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[n]);
        forEachRound((round, random) -> {
            double[] sample = buffers.get();
            for (int i = 0; i < n; i++) {
                sample[i] = data[random.nextInt(n)];
            }
            replicates[round] = checked(statistic.applyAsDouble(sample), "in bootstrap round " + round);
        });
        return replicates;
    }

    /**
     * A confidence interval for a statistic of blocks, resampling whole blocks with replacement (the paired
     * bootstrap: all candidates' values of one question move together).
     *
     * @param blockCount the number of blocks, at least 1 (at least 2 for BCa)
     * @param statistic  computes the statistic from resampled block indices in {@code [0, blockCount)}
     * @return the interval at {@link #confidence()} by {@link #method()}
     * @throws IllegalArgumentException if {@code blockCount} is too small, the statistic returns NaN or an
     *                                  infinity (the message names the round), or the BCa interval is undefined
     */
    public ConfidenceInterval pairedInterval(int blockCount, BlockStatistic statistic) {
        double[] replicates = pairedReplicates(blockCount, statistic);
        if (method == Method.PERCENTILE) {
            return BootstrapIntervals.interval(replicates, confidence, Double.NaN, null, null, "the statistic");
        }
        int[] all = IntStream.range(0, blockCount).toArray();
        double estimate = checked(statistic.compute(all), "on the original blocks");
        double[] jackknife = new double[blockCount];
        int[] without = new int[blockCount - 1];
        for (int i = 0; i < blockCount; i++) {
            for (int j = 0, w = 0; j < blockCount; j++) {
                if (j != i) {
                    without[w++] = j;
                }
            }
            jackknife[i] = checked(statistic.compute(without), "with block " + i + " left out");
        }
        return BootstrapIntervals.interval(replicates, confidence, estimate, jackknife, null, "the statistic");
    }

    /**
     * The paired bootstrap distribution: one replicate per round, in round order.
     *
     * @param blockCount the number of blocks, at least 1 (at least 2 when the method is BCa)
     * @param statistic  as for {@link #pairedInterval(int, BlockStatistic)}
     * @return {@link #rounds()} replicates
     * @throws IllegalArgumentException if {@code blockCount} is too small or the statistic returns NaN or an
     *                                  infinity
     */
    public double[] pairedReplicates(int blockCount, BlockStatistic statistic) {
        Objects.requireNonNull(statistic, "statistic");
        checkSize(blockCount, "blockCount");
        double[] replicates = new double[rounds];
        ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[blockCount]);
        forEachRound((round, random) -> {
            int[] blocks = buffers.get();
            for (int i = 0; i < blockCount; i++) {
                blocks[i] = random.nextInt(blockCount);
            }
            replicates[round] = checked(statistic.compute(blocks), "in bootstrap round " + round);
        });
        return replicates;
    }

    /** One bootstrap round: its index and its own random source. */
    @FunctionalInterface
    interface Round {
        void run(int round, SplittableRandom random);
    }

    /** Runs every round with its seeded random source, in parallel when configured. */
    void forEachRound(Round body) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            seeds[r] = root.nextLong();
        }
        IntConsumer task = r -> body.run(r, new SplittableRandom(seeds[r]));
        IntStream range = IntStream.range(0, rounds);
        (parallel ? range.parallel() : range).forEach(task);
    }

    private void checkSize(int n, String name) {
        int minimum = method == Method.BCA ? 2 : 1;
        Preconditions.checkArgument(n >= minimum, () -> name + " must be at least " + minimum
                + (method == Method.BCA ? " for BCa (jackknife)" : "") + " but was " + n);
    }

    private static double checked(double value, String where) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the statistic returned " + value + " " + where);
        }
        return value;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Bootstrap[%s, %d rounds, %.4g confidence, seed %d%s]", method, rounds,
                confidence, seed, parallel ? ", parallel" : "");
    }

    /**
     * Configures a {@link Bootstrap}. Setters reject bad values at once; the builder stays usable after
     * {@link #build()}.
     */
    public static final class Builder {

        private int rounds = DEFAULT_ROUNDS;
        private double confidence = DEFAULT_CONFIDENCE;
        private Method method = DEFAULT_METHOD;
        private long seed = DEFAULT_SEED;
        private boolean parallel;

        private Builder() {
        }

        /**
         * The number of resampling rounds (default {@value Bootstrap#DEFAULT_ROUNDS}).
         *
         * @throws IllegalArgumentException if {@code rounds < 1}
         */
        public Builder rounds(int rounds) {
            Preconditions.checkArgument(rounds >= 1, () -> "rounds must be at least 1 but was " + rounds);
            this.rounds = rounds;
            return this;
        }

        /**
         * The confidence level (default {@value Bootstrap#DEFAULT_CONFIDENCE}).
         *
         * @throws IllegalArgumentException if {@code confidence} is not in (0, 1)
         */
        public Builder confidence(double confidence) {
            Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                    "confidence must be in (0, 1) but was " + confidence);
            this.confidence = confidence;
            return this;
        }

        /** The interval method (default {@link Method#PERCENTILE}). */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** The seed of the random resampling (default {@value Bootstrap#DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether rounds run in parallel on the common fork-join pool (default false). Results are identical
         * either way; the statistic must then be thread-safe.
         */
        public Builder parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        /** A bootstrap with the configured settings. */
        public Bootstrap build() {
            return new Bootstrap(this);
        }
    }
}
