package dev.raq.benchmarks.validation;

import dev.raq.core.Evaluation;
import dev.raq.core.SequentialDesign;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.report.EvaluationReport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sequential design through the real pipeline: many evaluations of three candidates with the default test, each
 * run twice on the same judge verdicts — once with {@link SequentialDesign#obrienFleming(int)} looks, once at fixed
 * n — under the null (the judge ranks at random) and under an effect (Plackett–Luce worths 0.45 / 0.33 / 0.22).
 * Under the null it counts runs with any significant pair (the family-wise error); under the effect, runs that
 * separate every pair (the power) and the samples they used.
 *
 * <p>Run (about 3 minutes for 10,000 replications):
 * <pre>
 * ./mvnw -B -q -pl raq-benchmarks -am package -DskipTests
 * java -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.validation.SequentialSimulation 10000 200 50
 * </pre>
 */
public final class SequentialSimulation {

    private static final List<String> CANDIDATES = List.of("a", "b", "c");
    private static final double[] WORTHS = {0.45, 0.33, 0.22};

    /** What one scenario measured over the replications. */
    record Result(int replications, int sequentialHits, int fixedHits, long sequentialSamples, long fixedSamples) {

        double sequentialRate() {
            return (double) sequentialHits / replications;
        }

        double fixedRate() {
            return (double) fixedHits / replications;
        }

        /** The Monte-Carlo standard error of a rate. */
        static double se(double rate, int replications) {
            return Math.sqrt(rate * (1 - rate) / replications);
        }
    }

    private SequentialSimulation() {
    }

    /**
     * Runs both scenarios and prints them.
     *
     * @param args {@code [replications [samples [lookEvery]]]}, default 2000, 200, 50
     */
    public static void main(String[] args) {
        int replications = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lookEvery = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        print(System.out, "null (random rankings): family-wise error", run(false, replications, samples, lookEvery, 1),
                samples);
        print(System.out, "effect (worths 0.45/0.33/0.22): every pair separated", run(true, replications, samples,
                lookEvery, 2), samples);
    }

    private static void print(PrintStream out, String what, Result r, int samples) {
        out.printf(Locale.ROOT, "%s, %d replications of %d samples: sequential %.4f (MC-SE %.4f, mean samples %.1f), "
                        + "fixed n %.4f (MC-SE %.4f)%n", what, r.replications(), samples, r.sequentialRate(),
                Result.se(r.sequentialRate(), r.replications()), (double) r.sequentialSamples() / r.replications(),
                r.fixedRate(), Result.se(r.fixedRate(), r.replications()));
    }

    /** Runs the replications of one scenario. */
    static Result run(boolean effect, int replications, int samples, int lookEvery, long seed) {
        List<Sample> data = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            data.add(Sample.of("s" + i, "Q" + i + "?", "R"));
        }
        int sequentialHits = 0;
        int fixedHits = 0;
        long sequentialSamples = 0;
        long fixedSamples = 0;
        for (int rep = 0; rep < replications; rep++) {
            long repSeed = seed * 1_000_003L + rep;
            EvaluationReport sequential = evaluation(data, effect, repSeed)
                    .sequential(SequentialDesign.obrienFleming(lookEvery)).build().run();
            EvaluationReport fixed = evaluation(data, effect, repSeed).build().run();
            sequentialHits += hit(sequential, effect) ? 1 : 0;
            fixedHits += hit(fixed, effect) ? 1 : 0;
            sequentialSamples += sequential.samples().size();
            fixedSamples += fixed.samples().size();
        }
        return new Result(replications, sequentialHits, fixedHits, sequentialSamples, fixedSamples);
    }

    /** Under the null: any pair significant (a false verdict); under the effect: every pair significant. */
    private static boolean hit(EvaluationReport report, boolean effect) {
        var pairs = report.significance().orElseThrow().pairs();
        return effect ? pairs.stream().allMatch(p -> p.significant()) : pairs.stream().anyMatch(p -> p.significant());
    }

    private static Evaluation.Builder evaluation(List<Sample> data, boolean effect, long repSeed) {
        Evaluation.Builder b = Evaluation.builder().dataset(data).concurrency(4).judge(judge(effect, repSeed));
        for (String c : CANDIDATES) {
            b.candidate(dev.raq.core.Candidate.ofApplication(c, sample -> Completion.of(c)));
        }
        return b;
    }

    /** A judge whose ranking of a sample depends only on the replication's seed and the sample. */
    private static Judge judge(boolean effect, long repSeed) {
        return input -> {
            SplittableRandom random = new SplittableRandom(repSeed * 31 + input.sample().id().hashCode());
            List<String> left = new ArrayList<>(CANDIDATES);
            List<String> order = new ArrayList<>();
            while (!left.isEmpty()) {
                double total = 0;
                for (String c : left) {
                    total += effect ? WORTHS[CANDIDATES.indexOf(c)] : 1;
                }
                double u = random.nextDouble() * total;
                String pick = left.get(left.size() - 1);
                for (String c : left) {
                    u -= effect ? WORTHS[CANDIDATES.indexOf(c)] : 1;
                    if (u <= 0) {
                        pick = c;
                        break;
                    }
                }
                order.add(pick);
                left.remove(pick);
            }
            return Judgment.of("sim", input.sample().id(), List.of(JudgeCall.ranked(order, null,
                    Ranking.fromOrder(order), Map.of())));
        };
    }
}
