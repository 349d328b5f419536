package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.LeaderboardOptions;
import dev.raq.core.pairwise.PairwiseBattles;
import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.pairwise.PositionBias;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.stats.Battles;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ClusteredMean;
import dev.raq.stats.ClusteredMeanResult;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The outcome of an evaluation: per candidate how it was ranked, its wins, ties and losses against every other
 * candidate, answer length, speed, token usage, cost and errors; per judge the same rankings summary and its
 * errors; the significance verdicts; and every sample's answers and judgments for drill-down. Immutable.
 *
 * <p><b>Which rankings count.</b> The sample is the unit of observation ({@link ObservationUnit#SAMPLE}, the
 * default). With one judge, its successful calls on a sample collapse to one ranking per set of candidates they rank
 * ({@link Consensus#perSample}): a ranking judge's repeats become one ranking by mean rank, a pairwise judge's
 * verdicts one ranking per pair. With a panel of judges, each sample contributes the consensus of
 * {@link Consensus#of}, which ranks the candidates by the median over judges of each judge's mean rank on that
 * sample. With {@link ObservationUnit#JUDGE_CALL} a single judge's every successful call is one observation, as the
 * RAQ paper counted; the report then says so. The significance test runs on exactly these observations.
 *
 * <p><b>Intervals.</b> Each candidate's mean rank comes with a {@value #CONFIDENCE} percentile bootstrap confidence
 * interval ({@value #BOOTSTRAP_ROUNDS} rounds, resampling the observations, seeded by the evaluation's seed). A metric
 * judge's raw scores get the same summary per candidate (mean with its interval, median), in the metric's units.
 *
 * <p><b>Failures.</b> {@link #problems()} counts every failed candidate and judge call by cause; {@code toString()},
 * Markdown and JSON show them first.
 *
 * <p><b>Words.</b> Answer length counts words in any script: a maximal run of letters, digits and combining marks is
 * one word (inner apostrophes and hyphens do not split it), and every Han ideograph, Hiragana or Katakana character
 * counts as one word, since those scripts do not separate words by spaces.
 *
 * <p>Write it with {@link #writeJson(Path)} (schema {@value #SCHEMA}, documented in {@code docs/report-schema.md}),
 * {@link #writeMarkdown(Path)} or any {@link ReportWriter} ({@link #write(Path, ReportWriter)}); {@link #toString()}
 * is a readable summary.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationReport {

    /** The JSON schema identifier of {@link #toJson()}. */
    public static final String SCHEMA = "raq-report/1";
    /** Bootstrap rounds for the confidence interval of each candidate's mean rank: {@value}. */
    public static final int BOOTSTRAP_ROUNDS = 1000;
    /** Confidence level of those intervals: {@value}. */
    public static final double CONFIDENCE = 0.95;

    /** How much a strong pairwise verdict ({@code >>}) weighs in the report's leaderboard, as in Arena-Hard. */
    public static final double STRONG_VERDICT_WEIGHT = 3;

    private final List<String> candidates;
    private final List<String> judges;
    private final boolean dryRun;
    private final long seed;
    private final double alpha;
    private final ObservationUnit observationUnit;
    /** The one bootstrap every interval of the report draws from ({@value #BOOTSTRAP_ROUNDS} rounds, the seed). */
    private final Bootstrap bootstrap;
    private final @Nullable Function<Sample, String> clusterKey;
    private final @Nullable String abortedBecause;
    private final List<SampleResult> samples;
    private final Map<String, Ranking> consensus;
    private final @Nullable Double judgeAgreement;
    private final int agreementSamples;
    private final List<Ranking> rankings;
    private final @Nullable List<String> observationClusters;
    private final int clusterCount;
    private final List<CandidateSummary> candidateSummaries;
    private final List<JudgeSummary> judgeSummaries;
    private final @Nullable String significanceTest;
    private final @Nullable SignificanceResult significance;
    private final @Nullable String significanceError;
    private final List<PairDifference> pairDifferences;
    private final @Nullable Leaderboard leaderboard;
    private final @Nullable String leaderboardError;

    private EvaluationReport(Builder b) {
        this.candidates = List.copyOf(b.candidates);
        this.judges = List.copyOf(b.judges);
        this.dryRun = b.dryRun;
        this.seed = b.seed;
        this.bootstrap = Bootstrap.builder().rounds(BOOTSTRAP_ROUNDS).confidence(CONFIDENCE).seed(seed).build();
        this.alpha = b.alpha;
        this.observationUnit = b.observationUnit;
        this.abortedBecause = b.abortedBecause;
        List<SampleResult> sorted = new ArrayList<>(b.samples);
        sorted.sort(Comparator.comparingInt(SampleResult::index));
        this.samples = List.copyOf(sorted);
        this.clusterKey = b.clusterKey;
        Map<String, Ranking> cons = new LinkedHashMap<>();
        List<Ranking> observations = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        double wSum = 0;
        int wCount = 0;
        for (SampleResult s : samples) {
            String cluster = clusterOf(s);
            if (judges.size() == 1) {
                for (Judgment j : s.judgments()) {
                    List<Ranking> observed = observationUnit == ObservationUnit.JUDGE_CALL ? j.rankings()
                            : Consensus.perSample(j);
                    observations.addAll(observed);
                    observed.forEach(o -> clusters.add(cluster));
                }
            } else {
                Ranking c = consensusOf(s.judgments());
                if (c != null) {
                    cons.put(s.sample().id(), c);
                    observations.add(c);
                    clusters.add(cluster);
                }
                Double w = agreementOf(s.judgments());
                if (w != null) {
                    wSum += w;
                    wCount++;
                }
            }
        }
        this.consensus = java.util.Collections.unmodifiableMap(cons);
        this.judgeAgreement = wCount == 0 ? null : wSum / wCount;
        this.agreementSamples = wCount;
        this.rankings = List.copyOf(observations);
        this.observationClusters = clusterKey == null ? null : List.copyOf(clusters);
        this.clusterCount = clusterKey == null ? 0
                : (int) samples.stream().map(this::clusterOf).distinct().count();
        this.candidateSummaries = summarizeCandidates(b.prices);
        this.judgeSummaries = summarizeJudges();
        SignificanceResult result = null;
        String error = null;
        if (b.significance != null) {
            try {
                result = b.significance.test(candidates, rankings, alpha);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        this.significanceTest = b.significance == null ? null : b.significance.name();
        this.significance = result;
        this.significanceError = error;
        Leaderboard board = null;
        String boardError = null;
        List<Judgment> pairwise = pairwiseJudgments();
        if (!pairwise.isEmpty() && !dryRun) {
            try {
                Battles battles = PairwiseBattles.fromJudgments(pairwise, STRONG_VERDICT_WEIGHT);
                board = Leaderboard.fit(battles, LeaderboardOptions.arenaHard(commonOpponent(battles)).withSeed(seed));
            } catch (RuntimeException e) {
                boardError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        this.leaderboard = board;
        this.leaderboardError = boardError;
        this.pairDifferences = computePairDifferences();
    }

    private static boolean isPairwise(JudgeCall call) {
        return call.attributes().containsKey(PairwiseJudge.ATTR_POSITION_A);
    }

    private List<Judgment> pairwiseJudgments() {
        List<Judgment> out = new ArrayList<>();
        for (SampleResult s : samples) {
            for (Judgment j : s.judgments()) {
                if (j.calls().stream().anyMatch(EvaluationReport::isPairwise)) {
                    out.add(j);
                }
            }
        }
        return out;
    }

    /** The candidate that takes part in every battle (the baseline of an against-baseline run), or null. */
    private static @Nullable String commonOpponent(Battles battles) {
        Set<String> common = null;
        for (int i = 0; i < battles.size(); i++) {
            Set<String> pair = Set.of(battles.playerA(i), battles.playerB(i));
            if (common == null) {
                common = new java.util.HashSet<>(pair);
            } else {
                common.retainAll(pair);
            }
        }
        return common != null && common.size() == 1 && battles.playerCount() > 2 ? common.iterator().next() : null;
    }

    /**
     * The Bradley–Terry leaderboard of the pairwise verdicts, when a pairwise judge ran: Arena-Hard's recipe (strong
     * verdicts weigh {@value #STRONG_VERDICT_WEIGHT}, 100 bootstrap rounds seeded with the evaluation's seed, anchored
     * at 1000 for the baseline when every battle involves one candidate, centred otherwise). Empty for other judges,
     * in a dry run, or when no finite ratings exist (see {@link #leaderboardError()}).
     */
    public Optional<Leaderboard> leaderboard() {
        return Optional.ofNullable(leaderboard);
    }

    /**
     * How big the difference between every pair of candidates is: the mean per-sample difference of their ranks
     * (over the observations that rank both) and, for every metric judge, of their scores (over the samples both
     * were scored on), with 95% t and z intervals, the standard error, the paired t test and the correlation. Pairs
     * with fewer than two shared observations are left out.
     */
    public List<PairDifference> pairDifferences() {
        return pairDifferences;
    }

    private List<PairDifference> computePairDifferences() {
        List<PairDifference> out = new ArrayList<>();
        List<Map<String, Double>> rankValues = rankings.stream().map(Ranking::ranks).toList();
        Map<String, List<Map<String, Double>>> scoreValues = new LinkedHashMap<>();
        Map<String, List<String>> scoreClusters = new LinkedHashMap<>();
        for (String judge : judges) {
            for (SampleResult s : samples) {
                for (Judgment j : s.judgments()) {
                    if (j.judge().equals(judge) && !j.scores().isEmpty()) {
                        scoreValues.computeIfAbsent(judge, x -> new ArrayList<>()).add(j.scores());
                        scoreClusters.computeIfAbsent(judge, x -> new ArrayList<>()).add(clusterOf(s));
                    }
                }
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            for (int k = i + 1; k < candidates.size(); k++) {
                String a = candidates.get(i);
                String b = candidates.get(k);
                difference(a, b, "rank", rankValues, observationClusters).ifPresent(out::add);
                for (var e : scoreValues.entrySet()) {
                    difference(a, b, e.getKey(), e.getValue(), clusterKey == null ? null
                            : scoreClusters.get(e.getKey())).ifPresent(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The paired difference of a and b over the observations that hold both (at least two), with a bootstrap
     * interval of the mean difference (resampling clusters when there are clusters) and the clustered standard error.
     */
    private Optional<PairDifference> difference(String a, String b, String measure, List<Map<String, Double>> values,
                                                @Nullable List<String> clusters) {
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        String[] labels = clusters == null ? null : new String[values.size()];
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            Double va = values.get(i).get(a);
            Double vb = values.get(i).get(b);
            if (va != null && vb != null) {
                x[n] = va;
                y[n] = vb;
                if (labels != null) {
                    labels[n] = clusters.get(i);
                }
                n++;
            }
        }
        if (n < 2) {
            return Optional.empty();
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        String[] used = labels == null ? null : Arrays.copyOf(labels, n);
        ConfidenceInterval boot = ValueSummary.of(d, used, bootstrap).meanInterval();
        ClusteredMeanResult clustered = used == null ? null : ClusteredMean.of(d, used, CONFIDENCE);
        return Optional.of(new PairDifference(a, b, measure, dev.raq.stats.PairedDifference.of(x, y, CONFIDENCE),
                alpha, boot, clustered, measure.equals("rank") ? null : mcnemar(x, y)));
    }

    /** McNemar's test when both candidates' scores are pass/fail (every score 0 or 1), else null. */
    private static dev.raq.stats.@Nullable McNemarResult mcnemar(double[] x, double[] y) {
        int firstOnly = 0;
        int secondOnly = 0;
        for (int i = 0; i < x.length; i++) {
            if ((x[i] != 0 && x[i] != 1) || (y[i] != 0 && y[i] != 1)) {
                return null;
            }
            firstOnly += x[i] == 1 && y[i] == 0 ? 1 : 0;
            secondOnly += x[i] == 0 && y[i] == 1 ? 1 : 0;
        }
        return dev.raq.stats.McNemar.test(firstOnly, secondOnly);
    }


    /** Why the pairwise leaderboard could not be fitted (for example a candidate that never lost), if it could not. */
    public Optional<String> leaderboardError() {
        return Optional.ofNullable(leaderboardError);
    }

    /**
     * A builder for a report over these candidates, in report order.
     *
     * @throws IllegalArgumentException if fewer than two candidates are given or a name repeats
     */
    public static Builder builder(List<String> candidates) {
        return new Builder(candidates);
    }

    /** The candidates, in report order. */
    public List<String> candidates() {
        return candidates;
    }

    /** The judges' names, in panel order (one pseudo-judge in a dry run). */
    public List<String> judges() {
        return judges;
    }

    /** True when the judges were not called and the rankings are random: the numbers mean nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /** The evaluation's seed. */
    public long seed() {
        return seed;
    }

    /** The significance level. */
    public double alpha() {
        return alpha;
    }

    /** What one observation of the tests and intervals is: a sample (the default) or a judge call. */
    public ObservationUnit observationUnit() {
        return observationUnit;
    }

    /**
     * The failures of every candidate and judge that had any, by cause, candidates first (in report order), then
     * judges (in panel order). Empty when nothing failed.
     */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (String c : candidates) {
            ProblemTally tally = new ProblemTally("candidate '" + c + "'");
            for (SampleResult s : samples) {
                s.answer(c).ifPresent(a -> tally.add(a.error(), a.cause()));
            }
            tally.problem().ifPresent(out::add);
        }
        for (String judge : judges) {
            ProblemTally tally = new ProblemTally("judge '" + judge + "'");
            for (SampleResult s : samples) {
                for (Judgment j : s.judgments()) {
                    if (j.judge().equals(judge)) {
                        j.calls().forEach(call -> tally.add(call.error().orElse(null), call.cause().orElse(null)));
                    }
                }
            }
            tally.problem().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** Why the run was aborted, if it was; the report then covers only what finished. */
    public Optional<String> abortedBecause() {
        return Optional.ofNullable(abortedBecause);
    }

    /** Every sample's answers and judgments, in dataset order. */
    public List<SampleResult> samples() {
        return samples;
    }

    /** The observations every statistic is computed from (see the class description), in dataset order. */
    public List<Ranking> rankings() {
        return rankings;
    }

    /** Sample id → the judges' consensus ranking, for panels of two or more judges; empty otherwise. */
    public Map<String, Ranking> consensus() {
        return consensus;
    }

    /**
     * How much a panel's judges agree: the mean over samples of Kendall's W ({@link Consensus#agreement}, tie
     * corrected) of the judges' mean ranks on the sample; 1 is full agreement, 0 none.
     * Empty with fewer than two judges, or when no sample had a defined W.
     */
    public OptionalDouble judgeAgreement() {
        return judgeAgreement == null ? OptionalDouble.empty() : OptionalDouble.of(judgeAgreement);
    }

    /** The samples {@link #judgeAgreement()} averages over. */
    public int agreementSamples() {
        return agreementSamples;
    }

    /** One summary per candidate, in report order. */
    public List<CandidateSummary> candidateSummaries() {
        return candidateSummaries;
    }

    /**
     * The summary of one candidate.
     *
     * @throws IllegalArgumentException if there is no such candidate
     */
    public CandidateSummary candidate(String name) {
        return candidateSummaries.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no candidate '" + name + "'; candidates: "
                        + candidates));
    }

    /** One summary per judge, in panel order. */
    public List<JudgeSummary> judgeSummaries() {
        return judgeSummaries;
    }

    /** The significance test's name, if one was configured. */
    public Optional<String> significanceTest() {
        return Optional.ofNullable(significanceTest);
    }

    /** The significance verdicts, if a test was configured and the rankings suited it. */
    public Optional<SignificanceResult> significance() {
        return Optional.ofNullable(significance);
    }

    /** Why the configured test could not be run on these rankings (too few, partial rankings …), if it could not. */
    public Optional<String> significanceError() {
        return Optional.ofNullable(significanceError);
    }

    /** Candidate calls that failed, over all candidates. */
    public int answerErrors() {
        return candidateSummaries.stream().mapToInt(CandidateSummary::errors).sum();
    }

    /** Judge calls that failed, over all judges (a judgment with repeats holds several calls). */
    public int judgeErrors() {
        return judgeSummaries.stream().mapToInt(JudgeSummary::failedCalls).sum();
    }

    /** The report as JSON following schema {@value #SCHEMA} ({@code docs/report-schema.md}). */
    public String toJson() {
        return ReportWriters.json().render(this);
    }

    /** The report as Markdown: tables that can be pasted into a pull request or an issue. */
    public String toMarkdown() {
        return ReportWriters.markdown().render(this);
    }

    /**
     * Writes the report as JSON to a file (UTF-8, streamed), creating parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeJson(Path file) {
        write(file, ReportWriters.json());
    }

    /**
     * Writes the report as Markdown to a file (UTF-8), creating parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeMarkdown(Path file) {
        write(file, ReportWriters.markdown());
    }

    /**
     * Writes the report to a file with any {@link ReportWriter} (UTF-8), creating parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file, ReportWriter writer) {
        Objects.requireNonNull(writer, "writer").write(this, file);
    }

    /** A readable summary: problems first, then the candidate table and the significant pairs. */
    @Override
    public String toString() {
        return ReportMarkdown.write(this, false);
    }

    /** The panel's consensus on one sample ({@link Consensus#of}), or null when it has none. */
    static @Nullable Ranking consensusOf(List<Judgment> judgments) {
        try {
            return Consensus.of(judgments).orElse(null);
        } catch (IllegalArgumentException differentCandidates) {
            return null; // judges that ranked different candidates have no consensus
        }
    }

    /** The panel's agreement on one sample ({@link Consensus#agreement}), or null when undefined. */
    static @Nullable Double agreementOf(List<Judgment> judgments) {
        try {
            OptionalDouble w = Consensus.agreement(judgments);
            return w.isPresent() ? w.getAsDouble() : null;
        } catch (IllegalArgumentException differentCandidates) {
            return null;
        }
    }

    private List<CandidateSummary> summarizeCandidates(PriceTable prices) {
        List<CandidateSummary> out = new ArrayList<>();
        for (String c : candidates) {
            out.add(summarizeCandidate(c, prices));
        }
        return List.copyOf(out);
    }

    private CandidateSummary summarizeCandidate(String c, PriceTable prices) {
        int answers = 0;
        int errors = 0;
        long words = 0;
        long timedWords = 0;
        long timedNanos = 0;
        long tokenNanos = 0;
        long timedTokens = 0;
        long prompt = 0;
        long completion = 0;
        int withUsage = 0;
        long[] latencies = new long[samples.size()];
        int nLatencies = 0;
        for (SampleResult s : samples) {
            Optional<AnswerRecord> a = s.answer(c);
            if (a.isEmpty()) {
                continue;
            }
            Completion comp = a.get().completion();
            if (comp == null) {
                errors++;
                continue;
            }
            answers++;
            int w = Words.count(comp.text());
            words += w;
            Duration latency = comp.latency().orElse(null);
            TokenUsage usage = comp.usage().orElse(null);
            if (latency != null) {
                latencies[nLatencies++] = latency.toNanos();
                timedWords += w;
                timedNanos += latency.toNanos();
            }
            if (usage != null) {
                withUsage++;
                prompt += usage.promptTokens();
                completion += usage.completionTokens();
                if (latency != null) {
                    timedTokens += usage.completionTokens();
                    tokenNanos += latency.toNanos();
                }
            }
        }
        long[] lat = Arrays.copyOf(latencies, nLatencies);
        Arrays.sort(lat);
        Double cost = prices.price(c).isPresent() && withUsage > 0
                ? prices.price(c).get().cost(prompt, completion) : null;
        return new CandidateSummary(c, answers, errors, rankSummary(rankings, observationClusters, c, bootstrap),
                versus(c),
                answers == 0 ? Double.NaN : (double) words / answers,
                timedNanos > 0 ? timedWords / (timedNanos / 1e9) : null,
                tokenNanos > 0 ? timedTokens / (tokenNanos / 1e9) : null,
                percentile(lat, 0.50), percentile(lat, 0.95), prompt, completion, withUsage, cost);
    }

    private Map<String, WinTieLoss> versus(String c) {
        Map<String, WinTieLoss> out = new LinkedHashMap<>();
        for (String other : candidates) {
            if (other.equals(c)) {
                continue;
            }
            int w = 0;
            int t = 0;
            int l = 0;
            for (Ranking r : rankings) {
                if (r.contains(c) && r.contains(other)) {
                    int cmp = r.compare(c, other);
                    if (cmp < 0) {
                        w++;
                    } else if (cmp == 0) {
                        t++;
                    } else {
                        l++;
                    }
                }
            }
            out.put(other, new WinTieLoss(w, t, l));
        }
        return out;
    }

    private List<JudgeSummary> summarizeJudges() {
        List<JudgeSummary> out = new ArrayList<>();
        for (String judge : judges) {
            int judgments = 0;
            int failedJudgments = 0;
            int failedCalls = 0;
            int calls = 0;
            List<Ranking> rs = new ArrayList<>();
            List<JudgeCall> pairwiseCalls = new ArrayList<>();
            int orderedCalls = 0;
            int firstShownBest = 0;
            double chance = 0;
            Map<String, double[]> scores = new LinkedHashMap<>();
            Map<String, String[]> scoreClusters = new HashMap<>();
            Map<String, Integer> scored = new HashMap<>();
            double selfSum = 0;
            int selfSamples = 0;
            for (SampleResult s : samples) {
                for (Judgment j : s.judgments()) {
                    if (!j.judge().equals(judge)) {
                        continue;
                    }
                    judgments++;
                    calls += j.calls().size();
                    failedJudgments += j.failed() ? 1 : 0;
                    failedCalls += j.failedCalls().size();
                    rs.addAll(observationUnit == ObservationUnit.JUDGE_CALL ? j.rankings() : Consensus.perSample(j));
                    OptionalDouble w = Consensus.selfAgreement(j);
                    if (w.isPresent()) {
                        selfSum += w.getAsDouble();
                        selfSamples++;
                    }
                    for (Map.Entry<String, Double> e : j.scores().entrySet()) {
                        double[] values = scores.computeIfAbsent(e.getKey(), c -> new double[samples.size()]);
                        String[] labels = scoreClusters.computeIfAbsent(e.getKey(), c -> new String[samples.size()]);
                        int n = scored.merge(e.getKey(), 1, Integer::sum);
                        values[n - 1] = e.getValue();
                        labels[n - 1] = clusterOf(s);
                    }
                    for (JudgeCall call : j.calls()) {
                        if (isPairwise(call)) {
                            pairwiseCalls.add(call);
                        } else if (call.succeeded() && call.shownOrder().size() >= 2) {
                            Ranking r = call.ranking().orElseThrow();
                            orderedCalls++;
                            chance += 1.0 / call.shownOrder().size();
                            firstShownBest += r.contains(call.shownOrder().get(0))
                                    && r.rank(call.shownOrder().get(0)) == 1.0 ? 1 : 0;
                        }
                    }
                }
            }
            Map<String, ValueSummary> ranks = new LinkedHashMap<>();
            Map<String, ValueSummary> scoreSummaries = new LinkedHashMap<>();
            for (String c : candidates) {
                ValueSummary summary = rankSummary(rs, null, c, null);
                if (summary != null) {
                    ranks.put(c, summary);
                }
                if (scored.containsKey(c)) {
                    int n = scored.get(c);
                    scoreSummaries.put(c, ValueSummary.of(Arrays.copyOf(scores.get(c), n),
                            clusterKey == null ? null : Arrays.copyOf(scoreClusters.get(c), n), bootstrap));
                }
            }
            out.add(new JudgeSummary(judge, judgments, calls, failedJudgments, failedCalls, ranks, scoreSummaries,
                    selfSamples == 0 ? null : selfSum / selfSamples, selfSamples,
                    pairwiseCalls.isEmpty() ? null : PositionBias.of(pairwiseCalls),
                    orderedCalls == 0 ? null : new OrderEffect(orderedCalls, firstShownBest, chance / orderedCalls)));
        }
        return List.copyOf(out);
    }

    /** Candidate c's ranks over the rankings that rank it; intervals resample clusters when they are given. */
    private static @Nullable ValueSummary rankSummary(List<Ranking> rankings, @Nullable List<String> clusters,
                                                      String c, @Nullable Bootstrap bootstrap) {
        double[] ranks = new double[rankings.size()];
        String[] labels = clusters == null ? null : new String[rankings.size()];
        int n = 0;
        for (int i = 0; i < rankings.size(); i++) {
            Double rank = rankings.get(i).ranks().get(c);
            if (rank != null) {
                if (labels != null) {
                    labels[n] = clusters.get(i);
                }
                ranks[n++] = rank;
            }
        }
        return n == 0 ? null : ValueSummary.of(Arrays.copyOf(ranks, n),
                labels == null ? null : Arrays.copyOf(labels, n), bootstrap);
    }

    /** The cluster label of a sample, or null without a cluster key. */
    private @Nullable String clusterOf(SampleResult s) {
        return clusterKey == null ? null : Objects.requireNonNull(clusterKey.apply(s.sample()),
                "the cluster key returned null for sample '" + s.sample().id() + "'");
    }

    /**
     * The number of clusters whose samples the intervals resample together, when the evaluation has a cluster key
     * (such as the SQuAD article or passage); empty otherwise.
     */
    public OptionalInt clusters() {
        return clusterKey == null ? OptionalInt.empty() : OptionalInt.of(clusterCount);
    }

    /** Counts one candidate's or judge's failures by cause while the report's problems are listed. */
    private static final class ProblemTally {
        private final String who;
        private int calls;
        private int failed;
        private final Map<dev.raq.core.model.FailureCause, Integer> byCause = new java.util.EnumMap<>(
                dev.raq.core.model.FailureCause.class);
        private final java.util.Set<String> messages = new java.util.LinkedHashSet<>();

        ProblemTally(String who) {
            this.who = who;
        }

        void add(@Nullable String error, dev.raq.core.model.@Nullable FailureCause cause) {
            calls++;
            if (error == null) {
                return;
            }
            failed++;
            byCause.merge(cause == null ? dev.raq.core.model.FailureCause.OTHER : cause, 1, Integer::sum);
            if (messages.size() < Problem.MAX_MESSAGES) {
                messages.add(error);
            }
        }

        Optional<Problem> problem() {
            if (failed == 0) {
                return Optional.empty();
            }
            Map<dev.raq.core.model.FailureCause, Integer> sorted = new LinkedHashMap<>();
            byCause.entrySet().stream().sorted(Map.Entry.<dev.raq.core.model.FailureCause, Integer>comparingByValue()
                    .reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return Optional.of(new Problem(who, calls, failed, sorted, new ArrayList<>(messages)));
        }
    }

    /** Linear interpolation between closest ranks (numpy's default), or null for no data. */
    static @Nullable Duration percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return null;
        }
        double pos = p * (sortedNanos.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sortedNanos.length - 1);
        double v = sortedNanos[lo] + (pos - lo) * (sortedNanos[hi] - sortedNanos[lo]);
        return Duration.ofNanos(Math.round(v));
    }

    /**
     * Collects sample results and builds an {@link EvaluationReport}; the evaluation uses it, and so can a user who
     * rebuilds a report from stored results. {@link #add(SampleResult)} is thread-safe. Reusable.
     */
    public static final class Builder {
        private final List<String> candidates;
        private List<String> judges = List.of();
        private boolean dryRun;
        private long seed;
        private double alpha = 0.05;
        private ObservationUnit observationUnit = ObservationUnit.SAMPLE;
        private @Nullable Function<Sample, String> clusterKey;
        private @Nullable String abortedBecause;
        private @Nullable SignificanceTest significance;
        private PriceTable prices = PriceTable.none();
        private final List<SampleResult> samples = new ArrayList<>();

        private Builder(List<String> candidates) {
            this.candidates = List.copyOf(candidates);
            if (this.candidates.size() < 2) {
                throw new IllegalArgumentException("a report needs at least two candidates but had "
                        + this.candidates.size());
            }
            if (new java.util.HashSet<>(this.candidates).size() != this.candidates.size()) {
                throw new IllegalArgumentException("candidate names repeat: " + this.candidates);
            }
        }

        /** Sets the judges' names, in panel order (default: none). */
        public Builder judges(List<String> judges) {
            this.judges = List.copyOf(judges);
            return this;
        }

        /** Marks the report as a dry run: random rankings, no judge called (default: false). */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** Records the evaluation's seed (default: 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the significance level (default: 0.05).
         *
         * @throws IllegalArgumentException if alpha is outside (0, 1)
         */
        public Builder alpha(double alpha) {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /** Sets what one observation is (default {@link ObservationUnit#SAMPLE}). */
        public Builder observationUnit(ObservationUnit unit) {
            this.observationUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Sets the key that groups samples into clusters whose intervals are resampled together (default: none,
         * every sample on its own).
         */
        public Builder clusterBy(@Nullable Function<Sample, String> clusterKey) {
            this.clusterKey = clusterKey;
            return this;
        }

        /** Sets the significance test run on the collected rankings (default: none). */
        public Builder significance(@Nullable SignificanceTest significance) {
            this.significance = significance;
            return this;
        }

        /** Sets the prices for cost estimates (default: {@link PriceTable#none()}). */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** Marks the report as partial: the run was aborted for this reason. */
        public Builder aborted(@Nullable String reason) {
            this.abortedBecause = reason;
            return this;
        }

        /** Adds one sample's results. */
        public synchronized Builder add(SampleResult sample) {
            samples.add(Objects.requireNonNull(sample, "sample"));
            return this;
        }

        /**
         * Adds every sample result another builder collected, so that partial results (from threads, processes or
         * a cluster's executors, each with its own builder) merge into one report; the statistics are computed
         * once, on the merged results, by {@link #build()}.
         *
         * @throws IllegalArgumentException if the other builder compares other candidates
         */
        public Builder merge(Builder other) {
            Objects.requireNonNull(other, "other");
            if (!other.candidates.equals(candidates)) {
                throw new IllegalArgumentException("cannot merge results of candidates " + other.candidates
                        + " into a report of " + candidates);
            }
            List<SampleResult> theirs;
            synchronized (other) {
                theirs = List.copyOf(other.samples);
            }
            synchronized (this) {
                samples.addAll(theirs);
            }
            return this;
        }

        /** Computes every statistic and the significance test, and builds the report. */
        public synchronized EvaluationReport build() {
            return new EvaluationReport(this);
        }
    }
}
