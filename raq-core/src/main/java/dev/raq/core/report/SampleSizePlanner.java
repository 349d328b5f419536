package dev.raq.core.report;

import dev.raq.commons.Preconditions;
import dev.raq.core.judge.Ranking;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceTest;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How many samples an evaluation needs, planned from a pilot run: the pilot's per-sample observations are resampled
 * to n samples many times, the significance test the evaluation will use is run on each resample, and the power at
 * n is the share of resamples in which the pair is significant in the pilot's direction. The search starts at the n
 * a paired t approximation of the pilot's rank differences gives, brackets the plan in steps of 25%, and bisects to
 * within 1/8 of n (the Monte-Carlo error of the power estimates moves the plan by about 8%); the smallest n found
 * whose estimated power reaches the target is the plan. Replications run in parallel, and the ones a clear verdict
 * makes unnecessary are skipped; the result depends only on the seed. Resampling the pilot assumes its
 * differences are the true ones, so a small pilot gives a rough plan; every figure carries its Monte-Carlo error.
 * Works for every test RAQ runs (Friedman–Conover, Friedman–Nemenyi, Wilcoxon, sign test, Dunn), unlike closed forms.
 * Stateless; reproducible for a seed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleSizePlanner {

    /** How far apart the bracketing steps around the starting n are: a factor of {@value}. */
    private static final double STEP = 1.25;

    /** The largest n tried: {@value}. */
    public static final int MAX_SAMPLES = 100_000;

    private SampleSizePlanner() {
    }

    /**
     * The plan for one pair.
     *
     * @param pilot        the pilot run's report; its observations (one per sample by default) are resampled
     * @param first        one candidate of the pair
     * @param second       the other
     * @param test         the test the evaluation will run
     * @param power        the power to reach, in (0, 1)
     * @param replications resamples per n tried, at least 50 (200 gives a Monte-Carlo error of about 0.03)
     * @param seed         the seed of the resampling
     * @return the smallest n reaching the power (or {@link #MAX_SAMPLES} marked as not reached), with the power
     *         estimated there and its Monte-Carlo error
     * @throws IllegalArgumentException if a candidate is not in the pilot, the pilot has fewer than two
     *                                  observations of the pair, the pilot shows no difference between the two, or an
     *                                  argument is out of range
     */
    public static SampleSizePlan plan(EvaluationReport pilot, String first, String second, SignificanceTest test,
                                      double power, int replications, long seed) {
        Objects.requireNonNull(pilot, "pilot");
        Objects.requireNonNull(test, "test");
        if (!pilot.candidates().contains(first) || !pilot.candidates().contains(second) || first.equals(second)) {
            throw new IllegalArgumentException("'" + first + "' and '" + second + "' must be two candidates of the "
                    + "pilot: " + pilot.candidates());
        }
        Preconditions.checkArgument(power > 0 && power < 1, () -> "power must be in (0, 1) but was " + power);
        Preconditions.checkArgument(replications >= 50, () -> "replications must be >= 50 but was " + replications);
        List<Ranking> observations = pilot.rankings();
        long both = observations.stream().filter(r -> r.contains(first) && r.contains(second)).count();
        if (both < 2) {
            throw new IllegalArgumentException("the pilot has " + both + " observations of both '" + first + "' and '"
                    + second + "'; at least two are needed");
        }
        double meanDifference = observations.stream().filter(r -> r.contains(first) && r.contains(second))
                .mapToDouble(r -> r.rank(first) - r.rank(second)).average().orElse(0);
        Preconditions.checkArgument(meanDifference != 0, () ->
                "the pilot shows no difference between '" + first + "' and '" + second
                + "' (mean rank difference 0), so no n detects it");
        String better = meanDifference < 0 ? first : second;
        Simulation sim = new Simulation(pilot, observations, first, second, better, test, replications, seed);
        int start = (int) Math.max(4, Math.min(MAX_SAMPLES, normalApproximation(pilot, first, second, power)));
        // bracket the plan around the normal approximation, in steps of 25% from it
        int lo;
        int hi;
        double[] atHi;
        double[] atStart = sim.power(start, power);
        if (atStart[0] >= power) {
            hi = start;
            atHi = atStart;
            lo = (int) (hi / STEP);
            while (lo >= 4) {
                double[] atLo = sim.power(lo, power);
                if (atLo[0] < power) {
                    break;
                }
                hi = lo;
                atHi = atLo;
                lo = (int) (hi / STEP);
            }
        } else {
            lo = start;
            hi = (int) Math.min(MAX_SAMPLES, Math.ceil(start * STEP));
            atHi = sim.power(hi, power);
            while (atHi[0] < power && hi < MAX_SAMPLES) {
                lo = hi;
                hi = (int) Math.min(MAX_SAMPLES, Math.ceil(hi * STEP));
                atHi = sim.power(hi, power);
            }
            if (atHi[0] < power) {
                return new SampleSizePlan(first, second, test.name(), power, MAX_SAMPLES, atHi[0], atHi[1], false,
                        meanDifference, replications);
            }
        }
        // to within 1/8 of n: the Monte-Carlo error of a power estimate (about 0.03 at 200 replications, near 80%
        // power) already moves the plan by about 8%
        while (hi - lo > Math.max(1, hi / 8)) {
            int mid = lo + (hi - lo) / 2;
            double[] atMid = sim.power(mid, power);
            if (atMid[0] >= power) {
                hi = mid;
                atHi = atMid;
            } else {
                lo = mid;
            }
        }
        if (atHi[2] < replications) { // decided early: the plan's own power gets every replication
            atHi = sim.power(hi, Double.NaN);
            while (atHi[0] < power && hi < MAX_SAMPLES) { // the full estimate fell short: step up to where it holds
                hi = (int) Math.min(MAX_SAMPLES, hi + Math.max(1, hi / 16));
                atHi = sim.power(hi, Double.NaN);
            }
        }
        return new SampleSizePlan(first, second, test.name(), power, hi, atHi[0], atHi[1], atHi[0] >= power,
                meanDifference, replications);
    }

    /**
     * Where the search starts: the n at which a paired t test of the pilot's per-sample rank differences reaches the
     * power at the unadjusted alpha (Holm tests the hardest pair, the one a plan is usually for, at about that level).
     * Only a starting point: the plan is what the simulation of the real test finds.
     */
    private static double normalApproximation(EvaluationReport pilot, String first, String second, double power) {
        double[] d = pilot.rankings().stream().filter(r -> r.contains(first) && r.contains(second))
                .mapToDouble(r -> r.rank(first) - r.rank(second)).toArray();
        double mean = java.util.Arrays.stream(d).average().orElse(0);
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, d.length - 1));
        if (!(sd > 0)) {
            return 4; // every pilot difference equal: any n separates them
        }
        double n = dev.raq.stats.PowerAnalysis.pairedTSampleSize(Math.abs(mean) / sd, pilot.alpha(), power);
        return Double.isFinite(n) ? Math.ceil(n) : 4;
    }

    /** The resampling: observations drawn with replacement, the test run, the pair's verdict counted. */
    private static final class Simulation {
        private static final int BATCH = 50;
        private static final double DECISIVE_SE = 4;
        private final EvaluationReport pilot;
        private final List<Ranking> observations;
        private final String first;
        private final String second;
        private final String better;
        private final SignificanceTest test;
        private final int replications;
        private final long seed;

        Simulation(EvaluationReport pilot, List<Ranking> observations, String first, String second, String better,
                   SignificanceTest test, int replications, long seed) {
            this.pilot = pilot;
            this.observations = observations;
            this.first = first;
            this.second = second;
            this.better = better;
            this.test = test;
            this.replications = replications;
            this.seed = seed;
        }

        /**
         * {estimated power at n, its Monte-Carlo standard error}. Replications run in batches of
         * {@value #BATCH}, in parallel, each with its own seeded source (so the result does not depend on the
         * threads); once a batch leaves the power more than {@value #DECISIVE_SE} standard errors from the target,
         * the rest are skipped, since the search only asks which side of the target n is on.
         */
        double[] power(int n, double target) {
            long base = seed ^ (n * 0x9E3779B97F4A7C15L);
            int hits = 0;
            int done = 0;
            while (done < replications) {
                int from = done;
                int to = Math.min(replications, done + BATCH);
                hits += java.util.stream.IntStream.range(from, to).parallel()
                        .map(r -> detects(n, new SplittableRandom(base + r * 0xBF58476D1CE4E5B9L)) ? 1 : 0).sum();
                done = to;
                double p = (double) hits / done;
                double se = Math.sqrt(Math.max(p * (1 - p), 1.0 / done) / done);
                if (done < replications && Math.abs(p - target) > DECISIVE_SE * se) {
                    break;
                }
            }
            double p = (double) hits / done;
            return new double[] {p, Math.sqrt(p * (1 - p) / done), done};
        }

        /** One replication: n observations drawn with replacement, the test run, the pair's verdict. */
        private boolean detects(int n, SplittableRandom random) {
            List<Ranking> sample = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sample.add(observations.get(random.nextInt(observations.size())));
            }
            try {
                PairComparison pair = test.test(pilot.candidates(), sample, pilot.alpha()).pair(first, second);
                return pair.significant() && better.equals(pair.better());
            } catch (IllegalArgumentException tooFewForTheTest) {
                return false; // a resample the test cannot run on (too few complete rankings) detects nothing
            }
        }
    }
}
