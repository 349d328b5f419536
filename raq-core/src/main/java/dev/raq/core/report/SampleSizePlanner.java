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
 * n is the share of resamples in which the pair is significant in the pilot's direction. The smallest n on a doubling
 * grid, refined by bisection, whose estimated power reaches the target is the plan. Resampling the pilot assumes its
 * differences are the true ones, so a small pilot gives a rough plan; every figure carries its Monte-Carlo error.
 * Works for every test RAQ runs (Friedman–Conover, Friedman–Nemenyi, Wilcoxon, sign test, Dunn), unlike closed forms.
 * Stateless; reproducible for a seed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleSizePlanner {

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
        int lo = 0;
        double[] atLo = null;
        int hi = Math.max(4, (int) Math.min(MAX_SAMPLES, both));
        double[] atHi = sim.power(hi);
        while (atHi[0] < power && hi < MAX_SAMPLES) {
            lo = hi;
            atLo = atHi;
            hi = (int) Math.min(MAX_SAMPLES, 2L * hi);
            atHi = sim.power(hi);
        }
        if (atHi[0] < power) {
            return new SampleSizePlan(first, second, test.name(), power, MAX_SAMPLES, atHi[0], atHi[1], false,
                    meanDifference, replications);
        }
        while (hi - lo > Math.max(1, hi / 50)) { // to within 2% of n: finer steps are below the Monte-Carlo error
            int mid = lo + (hi - lo) / 2;
            double[] atMid = sim.power(mid);
            if (atMid[0] >= power) {
                hi = mid;
                atHi = atMid;
            } else {
                lo = mid;
                atLo = atMid;
            }
        }
        return new SampleSizePlan(first, second, test.name(), power, hi, atHi[0], atHi[1], true, meanDifference,
                replications);
    }

    /** The resampling: observations drawn with replacement, the test run, the pair's verdict counted. */
    private static final class Simulation {
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

        /** {estimated power at n, its Monte-Carlo standard error}. */
        double[] power(int n) {
            SplittableRandom random = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
            int hits = 0;
            for (int r = 0; r < replications; r++) {
                List<Ranking> sample = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    sample.add(observations.get(random.nextInt(observations.size())));
                }
                try {
                    PairComparison pair = test.test(pilot.candidates(), sample, pilot.alpha()).pair(first, second);
                    if (pair.significant() && better.equals(pair.better())) {
                        hits++;
                    }
                } catch (IllegalArgumentException tooFewForTheTest) {
                    // a resample the test cannot run on (too few complete rankings) detects nothing
                }
            }
            double p = (double) hits / replications;
            return new double[] {p, Math.sqrt(p * (1 - p) / replications)};
        }
    }
}
