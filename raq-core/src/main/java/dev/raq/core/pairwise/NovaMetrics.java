package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.stats.Alternative;
import dev.raq.stats.BinomialTest;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The metric set of Amazon Nova LLM-as-a-Judge for one pair (A, B), under the names its users know:
 * {@code a_scores}, {@code b_scores}, {@code ties}, {@code inference_error}, {@code winrate}, {@code lower_rate},
 * {@code upper_rate}, {@code score}, the standard error of each count, and — beyond Nova — an exact two-sided sign
 * test p-value for "B differs from A".
 *
 * <p>Conventions (Nova documents the names, not every formula; where it is silent we state ours):
 * <ul>
 *   <li>{@code winrate} is B's share of the valid judgements with a tie counting half for each side
 *       ({@link TieHandling#HALF}, the default), or B's share of the decisive ones ({@link TieHandling#EXCLUDE}).
 *       For two candidates this equals the Bradley–Terry win probability Nova describes.</li>
 *   <li>{@code lower_rate}/{@code upper_rate}: a 95% interval for {@code winrate}: Wilson by default, Clopper–Pearson
 *       or a seeded percentile bootstrap over judgements on request. With ties counted half the success count may be
 *       fractional; Wilson and Clopper–Pearson are evaluated at that count.</li>
 *   <li>{@code score} = B's wins plus half the ties (or B's wins when ties are excluded), matching Nova's example
 *       where {@code score} equals {@code b_scores}.</li>
 *   <li>{@code *_stderr} = the binomial standard error of the count, {@code sqrt(n·p·(1−p))} with {@code n} the
 *       number of judgements (errors included) and {@code p} the count's share of them; for {@code score} the
 *       standard error of B's wins plus half the ties, {@code sqrt(n·var)} of the per-judgement score.</li>
 *   <li>{@code winrate_stderr}: the standard error of the mean per-item preference (B win 1, tie ½, A win 0, or a
 *       judge's soft preference), {@code sd/√n} over the valid judgements, as AlpacaEval's {@code standard_error};
 *       the binomial {@code √(p(1−p)/n)} overstates it when there are ties or soft preferences.</li>
 *   <li>{@code p_value}: exact two-sided binomial test of B's wins among the decisive judgements against 1/2 (the
 *       sign test); ties and errors are left out; 1 when there is no decisive judgement. Fractional counts (weighted
 *       verdicts) take the sign test's normal approximation, {@code z = (b − a)/√(a + b)}.</li>
 * </ul>
 * {@link #ofPreferences} takes per-item soft preferences (a judge's probability that B is better, as AlpacaEval's
 * weighted preference): the win rate is their mean, the counts are B wins (&gt; ½), ties (= ½) and A wins (&lt; ½) as
 * AlpacaEval counts them, and the bootstrap resamples items.
 * Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NovaMetrics {

    /** How ties enter {@code winrate} and {@code score}. */
    public enum TieHandling {
        /** A tie counts as half a win for each side (the default). */
        HALF,
        /** Ties are left out: B's wins over the decisive judgements. */
        EXCLUDE
    }

    /** How the interval of {@code winrate} is computed. */
    public enum IntervalMethod {
        /** Wilson score interval (the default). */
        WILSON,
        /** Clopper–Pearson exact interval. */
        CLOPPER_PEARSON,
        /** Percentile bootstrap over the valid judgements (seeded). */
        BOOTSTRAP
    }

    private final PairwiseCounts counts;
    private final TieHandling tieHandling;
    private final IntervalMethod intervalMethod;
    private final double winrate;
    private final ConfidenceInterval interval;
    private final double score;
    private final double pValue;
    private final double winrateStderr;

    private NovaMetrics(PairwiseCounts counts, TieHandling tieHandling, IntervalMethod intervalMethod,
                        double winrate, ConfidenceInterval interval, double score, double pValue,
                        double winrateStderr) {
        this.counts = counts;
        this.tieHandling = tieHandling;
        this.intervalMethod = intervalMethod;
        this.winrate = winrate;
        this.interval = interval;
        this.score = score;
        this.pValue = pValue;
        this.winrateStderr = winrateStderr;
    }

    /** The metrics with the defaults: ties count half, Wilson 95% interval. */
    public static NovaMetrics of(PairwiseCounts counts) {
        return of(counts, TieHandling.HALF, IntervalMethod.WILSON, 0.95, 0L);
    }

    /**
     * The metrics of {@code counts}.
     *
     * @param counts         the judgements of the pair
     * @param tieHandling    how ties count
     * @param intervalMethod how the interval is computed
     * @param confidence     the interval's confidence level in (0, 1), usually 0.95
     * @param seed           the bootstrap seed (used only by {@link IntervalMethod#BOOTSTRAP})
     * @throws IllegalArgumentException if there is no valid judgement to compute a win rate from, or the confidence
     *                                  is outside (0, 1)
     */
    public static NovaMetrics of(PairwiseCounts counts, TieHandling tieHandling, IntervalMethod intervalMethod,
                                 double confidence, long seed) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(tieHandling, "tieHandling");
        Objects.requireNonNull(intervalMethod, "intervalMethod");
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        double successes = tieHandling == TieHandling.HALF ? counts.bWins() + counts.ties() / 2 : counts.bWins();
        double trials = tieHandling == TieHandling.HALF ? counts.valid() : counts.aWins() + counts.bWins();
        Preconditions.checkArgument(trials > 0, () -> "no " + (tieHandling == TieHandling.HALF ? "valid" : "decisive")
                + " judgement to compute a win rate from (counts: " + counts + ")");
        double winrate = successes / trials;
        ConfidenceInterval interval;
        switch (intervalMethod) {
            case WILSON:
                interval = ProportionCi.of(successes, trials, 1 - confidence, ProportionCi.Method.WILSON);
                break;
            case CLOPPER_PEARSON:
                interval = ProportionCi.of(successes, trials, 1 - confidence, ProportionCi.Method.CLOPPER_PEARSON);
                break;
            case BOOTSTRAP:
                interval = bootstrap(items(counts, tieHandling), confidence, seed);
                break;
            default:
                throw new AssertionError(intervalMethod);
        }
        boolean half = tieHandling == TieHandling.HALF;
        // per item: B win 1, tie 1/2 (or left out), A win 0; counts may be fractional weights
        double ss = counts.bWins() * sq(1 - winrate) + counts.aWins() * sq(winrate)
                + (half ? counts.ties() * sq(0.5 - winrate) : 0);
        double stderr = trials > 1 ? Math.sqrt(ss / (trials - 1) / trials) : Double.NaN;
        return new NovaMetrics(counts, tieHandling, intervalMethod, winrate, interval, successes,
                signTest(counts), stderr);
    }

    /**
     * The metrics of per-item soft preferences for B (AlpacaEval's weighted preference): each item's probability in
     * [0, 1] that B is better, NaN for an item the judge could not judge (an inference error). The win rate is the
     * mean preference; its standard error {@code sd/√n}; Wilson and Clopper–Pearson are evaluated at the
     * preference sum; the bootstrap resamples items. Ties are ½ by construction ({@link TieHandling#HALF}).
     *
     * @param preferences    per item, B's preference in [0, 1], or NaN for an inference error
     * @param intervalMethod how the interval is computed
     * @param confidence     the interval's confidence level in (0, 1)
     * @param seed           the bootstrap seed (used only by {@link IntervalMethod#BOOTSTRAP})
     * @throws IllegalArgumentException if a preference is outside [0, 1], no item is valid, or the confidence is
     *                                  outside (0, 1)
     */
    public static NovaMetrics ofPreferences(double[] preferences, IntervalMethod intervalMethod, double confidence,
                                            long seed) {
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(intervalMethod, "intervalMethod");
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        double[] valid = new double[preferences.length];
        int n = 0;
        int a = 0;
        int b = 0;
        int t = 0;
        int errors = 0;
        for (int i = 0; i < preferences.length; i++) {
            double p = preferences[i];
            if (Double.isNaN(p)) {
                errors++;
                continue;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("preferences[" + i + "] must be in [0, 1] or NaN but was " + p);
            }
            valid[n++] = p;
            if (p > 0.5) {
                b++;
            } else if (p < 0.5) {
                a++;
            } else {
                t++;
            }
        }
        Preconditions.checkArgument(n != 0, () -> "no valid preference to compute a win rate from ("
                + preferences.length + " items, all inference errors)");
        double[] items = java.util.Arrays.copyOf(valid, n);
        double sum = 0;
        for (double p : items) {
            sum += p;
        }
        double winrate = sum / n;
        double ss = 0;
        for (double p : items) {
            ss += sq(p - winrate);
        }
        ConfidenceInterval interval = switch (intervalMethod) {
            case WILSON -> ProportionCi.of(sum, n, 1 - confidence, ProportionCi.Method.WILSON);
            case CLOPPER_PEARSON -> ProportionCi.of(sum, n, 1 - confidence, ProportionCi.Method.CLOPPER_PEARSON);
            case BOOTSTRAP -> bootstrap(items, confidence, seed);
        };
        PairwiseCounts counts = new PairwiseCounts(a, b, t, errors);
        return new NovaMetrics(counts, TieHandling.HALF, intervalMethod, winrate, interval, sum, signTest(counts),
                n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN);
    }

    /** The sign test of B's wins among the decisive judgements: exact for whole counts, normal for weighted ones. */
    private static double signTest(PairwiseCounts counts) {
        double decisive = counts.aWins() + counts.bWins();
        if (decisive <= 0) {
            return 1.0;
        }
        if (counts.bWins() == Math.rint(counts.bWins()) && counts.aWins() == Math.rint(counts.aWins())) {
            return BinomialTest.test((int) counts.bWins(), (int) decisive, 0.5, Alternative.TWO_SIDED).pValue();
        }
        return dev.raq.stats.SignTest.normalPValue(counts.aWins(), counts.bWins());
    }

    /** The judgements as items (B win 1, tie ½ unless excluded, A win 0); the bootstrap needs whole counts. */
    private static double[] items(PairwiseCounts counts, TieHandling tieHandling) {
        boolean half = tieHandling == TieHandling.HALF;
        for (double c : new double[] {counts.aWins(), counts.bWins(), half ? counts.ties() : 0}) {
            if (c != Math.rint(c)) {
                throw new IllegalArgumentException("the bootstrap resamples judgements and needs whole counts but "
                        + "had " + counts + "; pass per-item preferences to NovaMetrics.ofPreferences instead");
            }
        }
        int a = (int) counts.aWins();
        int b = (int) counts.bWins();
        int t = half ? (int) counts.ties() : 0;
        double[] outcomes = new double[a + b + t];
        java.util.Arrays.fill(outcomes, a, a + b, 1.0);
        java.util.Arrays.fill(outcomes, a + b, a + b + t, 0.5);
        return outcomes;
    }

    private static ConfidenceInterval bootstrap(double[] items, double confidence, long seed) {
        Bootstrap bootstrap = Bootstrap.builder().confidence(confidence).seed(seed).build();
        return bootstrap.interval(items, NovaMetrics::mean);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The underlying counts. */
    public PairwiseCounts counts() {
        return counts;
    }

    /** B's win rate under the tie handling. */
    public double winrate() {
        return winrate;
    }

    /** The interval of the win rate. */
    public ConfidenceInterval interval() {
        return interval;
    }

    /** B's score: wins plus half the ties (or wins only when ties are excluded). */
    public double score() {
        return score;
    }

    /**
     * The standard error of the win rate: of the mean per-item preference (B win 1, tie ½, A win 0, or the soft
     * preference), {@code sd/√n}; NaN with fewer than two valid items.
     */
    public double winrateStderr() {
        return winrateStderr;
    }

    /** The two-sided sign-test p-value for "B differs from A" (exact for whole counts). */
    public double pValue() {
        return pValue;
    }

    /** How ties were counted. */
    public TieHandling tieHandling() {
        return tieHandling;
    }

    /** How the interval was computed. */
    public IntervalMethod intervalMethod() {
        return intervalMethod;
    }

    /** The binomial standard error of a count among all judgements: {@code sqrt(n·p·(1−p))}. */
    static double countStderr(double count, double n) {
        if (n == 0) {
            return 0;
        }
        double p = count / n;
        return Math.sqrt(n * p * (1 - p));
    }

    /**
     * The metric set under Nova's names, in Nova's order, plus {@code p_value}, {@code tie_handling} and
     * {@code interval_method}.
     */
    public Map<String, Object> toMap() {
        double n = counts.total();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a_scores", counts.aWins());
        m.put("a_scores_stderr", countStderr(counts.aWins(), n));
        m.put("b_scores", counts.bWins());
        m.put("b_scores_stderr", countStderr(counts.bWins(), n));
        m.put("ties", counts.ties());
        m.put("ties_stderr", countStderr(counts.ties(), n));
        m.put("inference_error", counts.inferenceErrors());
        m.put("inference_error_stderr", countStderr(counts.inferenceErrors(), n));
        m.put("score", score);
        m.put("score_stderr", scoreStderr(n));
        m.put("winrate", winrate);
        m.put("winrate_stderr", winrateStderr);
        m.put("lower_rate", interval.lower());
        m.put("upper_rate", interval.upper());
        m.put("p_value", pValue);
        m.put("tie_handling", tieHandling.name().toLowerCase(Locale.ROOT));
        m.put("interval_method", intervalMethod.name().toLowerCase(Locale.ROOT));
        return m;
    }

    /** Standard error of the score: per judgement B-win = 1, tie = ½ (or 0 when excluded), else 0. */
    private double scoreStderr(double n) {
        if (n == 0) {
            return 0;
        }
        double tieValue = tieHandling == TieHandling.HALF ? 0.5 : 0;
        double mean = score / n;
        double meanSq = (counts.bWins() + counts.ties() * tieValue * tieValue) / n;
        return Math.sqrt(n * Math.max(0, meanSq - mean * mean));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NovaMetrics{A=%s, B=%s, ties=%s, errors=%s, winrate=%.4f %s, p=%.4g}",
                fmt(counts.aWins()), fmt(counts.bWins()), fmt(counts.ties()), fmt(counts.inferenceErrors()), winrate,
                interval, pValue);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
