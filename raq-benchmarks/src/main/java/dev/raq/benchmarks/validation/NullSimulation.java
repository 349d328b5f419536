package dev.raq.benchmarks.validation;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ObservationUnit;
import dev.raq.core.report.SampleResult;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Type-I error and power of RAQ's significance procedures, measured through the real pipeline: every replication
 * runs {@code Evaluation.builder()} with four scripted candidates and the RAQ ranking judge over a scripted judge
 * model, and the procedures are applied to the observations the report collected, per sample (the default) and per
 * judge call (the RAQ paper's counting, rebuilt from the same results).
 *
 * <p>Designs, each with 4 equally good candidates unless said otherwise:
 * <ul>
 *   <li>{@code independent}: the judge returns a uniformly random ranking at every call; one call per sample;</li>
 *   <li>{@code repeats}: three calls per sample; each returns the sample's latent ranking (uniformly random per
 *       sample) with probability 0.8 and a fresh random ranking otherwise, so repeats agree as real judges do;</li>
 *   <li>{@code one-better} (power): one call per sample; with probability 0.25 candidate {@code c1} is ranked first
 *       and the rest at random, otherwise all at random.</li>
 * </ul>
 * The family-wise error is the share of null replications in which any pair was significant (for Kruskal–Wallis and
 * Friedman alone: the omnibus test rejected); power is the share of {@code one-better} replications in which
 * {@code c1} was significantly better than a given other candidate, averaged over the three. Each figure comes with
 * its Monte-Carlo standard error. The same program checks the coverage of the mean-rank interval (true mean rank 2.5
 * under the null), of the report's metric-score interval (scores drawn with a known mean; a tenth of the
 * replications) and of Wilson, Clopper–Pearson and bootstrap win-rate intervals (half the replications).
 *
 * <p>Run (the full table, about 20 minutes on 2 cores; a few hundred replications take seconds):
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.validation.NullSimulation 10000 30,100,300
 * </pre>
 */
public final class NullSimulation {

    /** The significance level of every procedure. */
    public static final double ALPHA = 0.05;
    /** The candidates of every design. */
    public static final List<String> CANDIDATES = List.of("c1", "c2", "c3", "c4");

    private static final Pattern ANSWER = Pattern.compile(
            "<<<BEGIN ANSWER ID (\\d+) ([0-9a-f]{16})>>>\\n(.*?)\\n<<<END ANSWER ID", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("<<<BEGIN QUESTION [0-9a-f]{16}>>>\\n(.*?)\\n<<<END",
            Pattern.DOTALL);

    /** A design: how the scripted judge ranks, and how often it is asked per sample. */
    public enum Design {
        /** A uniformly random ranking at every call. */
        INDEPENDENT(1),
        /** Three calls per sample that agree with the sample's latent ranking with probability 0.8. */
        REPEATS(3),
        /** c1 first with probability 0.25, else random (power). */
        ONE_BETTER(1);

        final int repeats;

        Design(int repeats) {
            this.repeats = repeats;
        }
    }

    /** A procedure under test: a name, and whether it rejects the global null or a given pair. */
    public record Procedure(String name, SignificanceTest test, boolean omnibusOnly) {
    }

    /** The name of the row that tests what an evaluation uses by default. */
    public static final String DEFAULT = "RAQ default: " + SignificanceTests.recommended().name();

    /** The procedures of the table, in order: the evaluation's default first. */
    public static List<Procedure> procedures() {
        return List.of(
                new Procedure(DEFAULT, SignificanceTests.recommended(), false),
                new Procedure("Kruskal-Wallis (omnibus)", SignificanceTests.dunn(PAdjust.HOLM), true),
                new Procedure("Dunn + Holm (RAQ paper)", SignificanceTests.dunn(PAdjust.HOLM), false),
                new Procedure("Friedman (omnibus)", SignificanceTests.friedmanNemenyi(), true),
                new Procedure("Friedman + Nemenyi", SignificanceTests.friedmanNemenyi(), false),
                new Procedure("Friedman + Conover (Holm)", SignificanceTests.friedmanConover(PAdjust.HOLM), false),
                new Procedure("Wilcoxon + Holm", SignificanceTests.wilcoxon(PAdjust.HOLM), false),
                new Procedure("Sign test + Holm", SignificanceTests.signTest(PAdjust.HOLM), false));
    }

    /** Rejection counts of one design and sample size, per procedure and observation unit. */
    public static final class Tally {
        final int replications;
        /** Rejections per procedure and unit (in {@code keys} order), then hits and trials of the coverage per unit. */
        final AtomicLongArray counts;
        final List<String> keys = new ArrayList<>();

        Tally(int replications) {
            this.replications = replications;
            for (Procedure p : procedures()) {
                for (ObservationUnit unit : ObservationUnit.values()) {
                    keys.add(key(p.name(), unit));
                }
            }
            counts = new AtomicLongArray(keys.size() + 2 * ObservationUnit.values().length);
        }

        static String key(String procedure, ObservationUnit unit) {
            return procedure + "|" + unit;
        }

        /** The share of replications in which the procedure rejected, with its Monte-Carlo standard error. */
        public double[] rate(String procedure, ObservationUnit unit) {
            double p = (double) counts.get(keys.indexOf(key(procedure, unit))) / replications;
            return new double[] {p, Math.sqrt(p * (1 - p) / replications)};
        }

        /** The coverage of the 95% mean-rank interval, over every candidate of every replication. */
        public double[] coverage(ObservationUnit unit) {
            int base = keys.size() + 2 * unit.ordinal();
            double trials = counts.get(base + 1);
            double p = counts.get(base) / trials;
            return new double[] {p, Math.sqrt(p * (1 - p) / trials)};
        }
    }

    private NullSimulation() {
    }

    /**
     * Runs {@code replications} evaluations of {@code n} samples under {@code design} (replications in parallel on
     * the common pool) and tallies what every procedure concluded.
     */
    public static Tally run(Design design, int n, int replications, long seed) {
        Tally tally = new Tally(replications);
        List<Procedure> procedures = procedures();
        IntStream.range(0, replications).parallel().forEach(rep -> {
            long repSeed = seed * 1_000_003L + rep;
            EvaluationReport perSample = evaluate(design, n, repSeed);
            EvaluationReport perCall = rebuild(perSample, ObservationUnit.JUDGE_CALL);
            for (ObservationUnit unit : ObservationUnit.values()) {
                EvaluationReport report = unit == ObservationUnit.SAMPLE ? perSample : perCall;
                for (Procedure p : procedures) {
                    if (rejects(p, report.rankings(), design)) {
                        tally.counts.incrementAndGet(tally.keys.indexOf(Tally.key(p.name(), unit)));
                    }
                }
                int base = tally.keys.size() + 2 * unit.ordinal();
                for (String c : CANDIDATES) {
                    var interval = Objects.requireNonNull(report.candidate(c).rank()).meanInterval();
                    if (interval != null && interval.lower() <= 2.5 && 2.5 <= interval.upper()) {
                        tally.counts.incrementAndGet(base);
                    }
                    tally.counts.incrementAndGet(base + 1);
                }
            }
        });
        return tally;
    }

    private static boolean rejects(Procedure p, List<Ranking> rankings, Design design) {
        SignificanceResult r = p.test().test(CANDIDATES, rankings, ALPHA);
        if (p.omnibusOnly()) {
            return r.omnibus().map(o -> o.defined() && o.pValue() <= ALPHA).orElse(false);
        }
        if (design == Design.ONE_BETTER) {
            // power against c2 (the other two pairs behave alike; one pair keeps the figure simple to read)
            var pair = r.pair("c1", "c2");
            return pair.significant() && "c1".equals(pair.better());
        }
        return !r.significantPairs().isEmpty();
    }

    /** One evaluation through the real pipeline; the report's observations are per sample. */
    static EvaluationReport evaluate(Design design, int n, long repSeed) {
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(Sample.of("s" + i, "question " + i, "reference " + i));
        }
        Evaluation.Builder b = Evaluation.builder().dataset(samples).seed(repSeed).concurrency(4)
                .judge(Judges.ranking(new ScriptedJudge(design, repSeed)).repeats(design.repeats));
        for (String c : CANDIDATES) {
            b.candidate(c, request -> Completion.of(c));
        }
        return b.build().run();
    }

    /** The same results with another observation unit, through the report builder the evaluation uses. */
    static EvaluationReport rebuild(EvaluationReport report, ObservationUnit unit) {
        EvaluationReport.Builder b = EvaluationReport.builder(report.candidates()).judges(report.judges())
                .seed(report.seed()).alpha(report.alpha()).observationUnit(unit);
        for (SampleResult s : report.samples()) {
            b.add(s);
        }
        return b.build();
    }

    /**
     * A judge model for the simulation: reads the anonymous ids and the candidate behind each (an answer's text is
     * its candidate's name) from the RAQ ranking prompt and replies with a ranking drawn by the design, seeded by the
     * replication, the question and the call's random block marker, so a replication is reproducible.
     */
    static final class ScriptedJudge implements ModelClient {
        private final Design design;
        private final long repSeed;

        ScriptedJudge(Design design, long repSeed) {
            this.design = design;
            this.repSeed = repSeed;
        }

        @Override
        public Completion complete(ChatRequest request) {
            String user = request.lastUserMessage();
            Map<String, String> idOf = new LinkedHashMap<>();
            String marker = "";
            Matcher m = ANSWER.matcher(user);
            while (m.find()) {
                idOf.put(m.group(3), m.group(1));
                marker = m.group(2);
            }
            Matcher q = QUESTION.matcher(user);
            String question = q.find() ? q.group(1) : "";
            SplittableRandom call = new SplittableRandom(repSeed * 31 + question.hashCode() * 1_000_003L
                    + Long.parseUnsignedLong(marker, 16));
            List<String> order = switch (design) {
                case INDEPENDENT -> shuffled(CANDIDATES, call);
                case REPEATS -> call.nextDouble() < 0.8
                        ? shuffled(CANDIDATES, new SplittableRandom(repSeed * 17 + question.hashCode()))
                        : shuffled(CANDIDATES, call);
                case ONE_BETTER -> oneBetter(call);
            };
            StringBuilder sb = new StringBuilder("[");
            for (String c : order) {
                sb.append(sb.length() == 1 ? "" : ", ").append(idOf.get(c));
            }
            return Completion.of(sb.append(']').toString());
        }

        private static List<String> oneBetter(SplittableRandom random) {
            if (random.nextDouble() >= 0.25) {
                return shuffled(CANDIDATES, random);
            }
            List<String> rest = shuffled(CANDIDATES.subList(1, CANDIDATES.size()), random);
            List<String> order = new ArrayList<>();
            order.add("c1");
            order.addAll(rest);
            return order;
        }

        @Override
        public Optional<String> modelId() {
            return Optional.of("scripted-judge");
        }
    }

    static List<String> shuffled(List<String> items, SplittableRandom random) {
        List<String> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** The true mean of the simulated metric scores: the mean of U², U uniform on (0, 1). */
    static final double TRUE_SCORE_MEAN = 1.0 / 3;

    /**
     * The coverage of the report's 95% metric-score interval: every candidate's per-sample score is U² with U
     * uniform (a skewed metric in [0, 1] with mean 1/3), scored through the pipeline by a metric judge.
     *
     * @return {coverage, Monte-Carlo standard error}
     */
    public static double[] scoreCoverage(int n, int replications, long seed) {
        java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();
        IntStream.range(0, replications).parallel().forEach(rep -> {
            long repSeed = seed * 1_000_003L + rep;
            List<Sample> samples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                samples.add(Sample.of("s" + i, "question " + i, "reference " + i));
            }
            Evaluation.Builder b = Evaluation.builder().dataset(samples).seed(repSeed).concurrency(4)
                    .judge(Judges.score((answer, references) -> {
                        double u = new SplittableRandom(repSeed * 7919 + answer.hashCode() * 31L
                                + references.get(0).hashCode()).nextDouble();
                        return u * u;
                    }));
            for (String c : CANDIDATES) {
                b.candidate(c, request -> Completion.of(c));
            }
            var scores = b.build().run().judgeSummaries().get(0).scores();
            for (String c : CANDIDATES) {
                var ci = Objects.requireNonNull(scores.get(c)).meanInterval();
                if (ci != null && ci.lower() <= TRUE_SCORE_MEAN && TRUE_SCORE_MEAN <= ci.upper()) {
                    hits.incrementAndGet();
                }
            }
        });
        double p = (double) hits.get() / (replications * CANDIDATES.size());
        return new double[] {p, Math.sqrt(p * (1 - p) / (replications * CANDIDATES.size()))};
    }

    /**
     * The coverage of 95% win-rate intervals (Wilson, Clopper–Pearson, and a percentile bootstrap of the mean win
     * indicator over items, as the report's leaderboards resample) for a true win rate of {@code p} over n items.
     *
     * @return per method {coverage, Monte-Carlo standard error}, in that order
     */
    public static double[][] winRateCoverage(double p, int n, int replications, long seed) {
        long[] hits = new long[3];
        SplittableRandom random = new SplittableRandom(seed);
        dev.raq.stats.Bootstrap bootstrap = dev.raq.stats.Bootstrap.builder().rounds(1000).seed(seed).build();
        for (int rep = 0; rep < replications; rep++) {
            double[] wins = new double[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                wins[i] = random.nextDouble() < p ? 1 : 0;
                count += (int) wins[i];
            }
            var intervals = List.of(
                    dev.raq.stats.ProportionCi.of(count, n, 0.05, dev.raq.stats.ProportionCi.Method.WILSON),
                    dev.raq.stats.ProportionCi.of(count, n, 0.05, dev.raq.stats.ProportionCi.Method.CLOPPER_PEARSON),
                    bootstrap.interval(wins, v -> Arrays.stream(v).average().orElse(Double.NaN)));
            for (int m = 0; m < 3; m++) {
                if (intervals.get(m).lower() <= p && p <= intervals.get(m).upper()) {
                    hits[m]++;
                }
            }
        }
        double[][] out = new double[3][];
        for (int m = 0; m < 3; m++) {
            double c = (double) hits[m] / replications;
            out[m] = new double[] {c, Math.sqrt(c * (1 - c) / replications)};
        }
        return out;
    }

    /**
     * Prints the type-I error table (and power) as Markdown.
     *
     * @param args replications (default 2000) and comma-separated sample sizes (default 30,100,300)
     */
    public static void main(String[] args) {
        int replications = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "30,100,300").split(","))
                .mapToInt(Integer::parseInt).toArray();
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "RAQ null simulation: %d replications, 4 candidates, alpha %.2f%n%n",
                replications, ALPHA);
        for (Design design : Design.values()) {
            System.out.println("## " + (design == Design.ONE_BETTER ? "Power (c1 better than c2)"
                    : "Family-wise type-I error") + ", design " + design.name().toLowerCase(Locale.ROOT)
                    + (design.repeats > 1 ? " (" + design.repeats + " calls per sample)" : "") + "\n");
            StringBuilder header = new StringBuilder("| Procedure | Unit |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (int n : sizes) {
                header.append(" n = ").append(n).append(" |");
                rule.append("---:|");
            }
            System.out.println(header + "\n" + rule);
            List<Tally> tallies = new ArrayList<>();
            for (int n : sizes) {
                tallies.add(run(design, n, replications, 1 + design.ordinal()));
            }
            List<ObservationUnit> units = design.repeats > 1 ? List.of(ObservationUnit.values())
                    : List.of(ObservationUnit.SAMPLE);
            for (Procedure p : procedures()) {
                if (design == Design.ONE_BETTER && p.omnibusOnly()) {
                    continue;
                }
                for (ObservationUnit unit : units) {
                    StringBuilder row = new StringBuilder("| " + p.name() + " | "
                            + unit.name().toLowerCase(Locale.ROOT) + " |");
                    for (Tally t : tallies) {
                        double[] r = t.rate(p.name(), unit);
                        row.append(String.format(Locale.ROOT, " %.3f ± %.3f |", r[0], r[1]));
                    }
                    System.out.println(row);
                }
            }
            if (design != Design.ONE_BETTER) {
                for (ObservationUnit unit : units) {
                    StringBuilder row = new StringBuilder("| 95% mean-rank interval coverage | "
                            + unit.name().toLowerCase(Locale.ROOT) + " |");
                    for (Tally t : tallies) {
                        double[] c = t.coverage(unit);
                        row.append(String.format(Locale.ROOT, " %.3f ± %.3f |", c[0], c[1]));
                    }
                    System.out.println(row);
                }
            }
            System.out.println();
        }
        System.out.println("## Interval coverage (nominal 0.95)\n");
        StringBuilder header = new StringBuilder("| Interval | ");
        StringBuilder rule = new StringBuilder("|---|");
        for (int n : sizes) {
            header.append(" n = ").append(n).append(" |");
            rule.append("---:|");
        }
        System.out.println(header + "\n" + rule);
        StringBuilder scoreRow = new StringBuilder("| Metric score mean (bootstrap, through the pipeline) |");
        for (int n : sizes) {
            double[] c = scoreCoverage(n, Math.max(1, replications / 10), 7);
            scoreRow.append(String.format(Locale.ROOT, " %.3f ± %.3f |", c[0], c[1]));
        }
        System.out.println(scoreRow);
        String[] methods = {"Win rate 0.3: Wilson", "Win rate 0.3: Clopper-Pearson", "Win rate 0.3: bootstrap"};
        List<double[][]> byN = new ArrayList<>();
        for (int n : sizes) {
            byN.add(winRateCoverage(0.3, n, Math.max(1, replications / 2), 8));
        }
        for (int m = 0; m < methods.length; m++) {
            StringBuilder row = new StringBuilder("| " + methods[m] + " |");
            for (double[][] c : byN) {
                row.append(String.format(Locale.ROOT, " %.3f ± %.3f |", c[m][0], c[m][1]));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "(± one Monte-Carlo standard error; %.0f s)%n",
                (System.nanoTime() - started) / 1e9);
    }
}
