package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.TokenUsage;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ClusteredMean;
import dev.raq.stats.ClusteredMeanResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.McNemar;
import dev.raq.stats.McNemarResult;
import dev.raq.stats.PairedDifference;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes everything an {@link EvaluationReport} holds from the collected sample results: the observations (per
 * sample or per judge call, a panel's consensus), the candidate and judge summaries with their bootstrap intervals,
 * the significance test, the paired differences, the problems, and every judge's own report section. Used once, by
 * {@link EvaluationReport.Builder#build()}; the report it builds only holds the values.
 */
final class ReportAnalysis {

    final List<String> candidates;
    final List<String> judges;
    final boolean dryRun;
    final long seed;
    final double alpha;
    final ObservationUnit observationUnit;
    final @Nullable String abortedBecause;
    final List<SampleResult> samples;
    final Map<String, Ranking> consensus;
    final @Nullable Double judgeAgreement;
    final int agreementSamples;
    final List<Ranking> rankings;
    final @Nullable Integer clusterCount;
    final List<CandidateSummary> candidateSummaries;
    final List<JudgeSummary> judgeSummaries;
    final @Nullable String significanceTest;
    final @Nullable SignificanceResult significance;
    final @Nullable String significanceError;
    final List<PairDifference> pairDifferences;
    final List<Problem> problems;
    final Map<String, ReportSection> sections;
    final @Nullable SequentialOutcome sequential;

    /** The one bootstrap every interval of the report draws from (the report's rounds and confidence, the seed). */
    private final Bootstrap bootstrap;
    private final @Nullable Function<Sample, String> clusterKey;
    /** The cluster of each observation in {@link #rankings}, or null without a cluster key. */
    private final @Nullable List<String> observationClusters;
    final Manifest manifest;

    ReportAnalysis(EvaluationReport.Builder b, List<SampleResult> collected) {
        this.candidates = b.candidates;
        this.judges = List.copyOf(b.judges);
        this.dryRun = b.dryRun;
        this.seed = b.seed;
        this.alpha = b.alpha;
        this.observationUnit = b.observationUnit;
        this.abortedBecause = b.abortedBecause;
        this.clusterKey = b.clusterKey;
        this.bootstrap = Bootstrap.builder().rounds(EvaluationReport.BOOTSTRAP_ROUNDS)
                .confidence(EvaluationReport.CONFIDENCE).seed(seed).build();
        List<SampleResult> sorted = new ArrayList<>(collected);
        sorted.sort(Comparator.comparingInt(SampleResult::index));
        this.samples = List.copyOf(sorted);
        Map<String, Ranking> cons = new LinkedHashMap<>();
        List<Ranking> observations = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        double wSum = 0;
        int wCount = 0;
        for (SampleResult s : samples) {
            String cluster = clusterOf(s);
            List<Ranking> observed = observed(s, judges.size(), observationUnit);
            observations.addAll(observed);
            observed.forEach(o -> clusters.add(cluster));
            if (judges.size() > 1) {
                observed.forEach(c -> cons.put(s.sample().id(), c));
                Double w = agreementOf(s.judgments());
                if (w != null) {
                    wSum += w;
                    wCount++;
                }
            }
        }
        this.consensus = Collections.unmodifiableMap(cons);
        this.judgeAgreement = wCount == 0 ? null : wSum / wCount;
        this.agreementSamples = wCount;
        this.rankings = List.copyOf(observations);
        this.observationClusters = clusterKey == null ? null : List.copyOf(clusters);
        this.clusterCount = clusterKey == null ? null
                : (int) samples.stream().map(this::clusterOf).distinct().count();
        this.candidateSummaries = summarizeCandidates(b.prices);
        this.judgeSummaries = summarizeJudges();
        SignificanceResult result = null;
        String error = null;
        if (b.significance != null) {
            try {
                // a sequential run's test runs at its look's share of alpha; alpha itself stays the run's
                result = b.significance.test(candidates, rankings, b.sequential == null ? alpha : b.sequential.level());
            } catch (RuntimeException e) {
                error = messageOf(e);
            }
        }
        this.significanceTest = b.significance == null ? null : b.significance.name();
        this.significance = result;
        this.significanceError = error;
        this.pairDifferences = computePairDifferences();
        this.problems = problems();
        this.sections = sections(b.sectionJudges);
        this.sequential = b.sequential;
        this.manifest = b.manifestAsWritten != null ? b.manifestAsWritten : manifest(b);
    }

    private Manifest manifest(EvaluationReport.Builder b) {
        Map<String, String> candidateFingerprints = new LinkedHashMap<>();
        candidates.forEach(c -> candidateFingerprints.put(c, b.candidateFingerprints.getOrDefault(c, "")));
        Map<String, String> judgeFingerprints = new LinkedHashMap<>();
        judges.forEach(j -> judgeFingerprints.put(j, b.judgeFingerprints.getOrDefault(j, "")));
        long answers = 0;
        long reused = 0;
        for (SampleResult s : samples) {
            answers += s.answers().size();
            reused += s.answers().stream().filter(AnswerRecord::reused).count();
        }
        String test = significanceTest == null ? "none" : significanceError == null ? significanceTest
                : significanceTest + " (could not run: " + significanceError + ")";
        return new Manifest(Manifest.RAQ_VERSION, System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", seed, alpha, observationUnit.name().toLowerCase(
                java.util.Locale.ROOT), test, Manifest.fingerprint(samples.stream().map(SampleResult::sample)
                .toList()), samples.size(), candidateFingerprints, Manifest.reportedModels(candidates, samples),
                b.promptTemplate == null ? null : Manifest.hash(b.promptTemplate), judgeFingerprints, b.startedAt,
                b.clock == null ? null : b.clock.instant(), answers, reused);
    }

    /**
     * What one sample contributes to the statistics: with one judge, its rankings (one per set of candidates it
     * ranked by default, every call with {@link ObservationUnit#JUDGE_CALL}); with a panel, the judges' consensus,
     * if they have one.
     */
    static List<Ranking> observed(SampleResult s, int judges, ObservationUnit unit) {
        if (judges == 1) {
            List<Ranking> out = new ArrayList<>();
            for (Judgment j : s.judgments()) {
                out.addAll(unit == ObservationUnit.JUDGE_CALL ? j.rankings() : Consensus.perSample(j));
            }
            return out;
        }
        Ranking c = consensusOf(s.judgments());
        return c == null ? List.of() : List.of(c);
    }

    /** Each judge's own section, computed from its judgments, by judge name in panel order. */
    private Map<String, ReportSection> sections(Map<String, Judge> byName) {
        Map<String, ReportSection> out = new LinkedHashMap<>();
        for (String name : judges) {
            Judge judge = byName.get(name);
            if (judge == null) {
                continue;
            }
            List<Judgment> own = new ArrayList<>();
            Map<String, Map<String, Completion>> answers = new LinkedHashMap<>();
            for (SampleResult s : samples) {
                for (Judgment j : s.judgments()) {
                    if (j.judge().equals(name)) {
                        own.add(j);
                        Map<String, Completion> bySample = answers.computeIfAbsent(j.sampleId(),
                                k -> new LinkedHashMap<>());
                        for (AnswerRecord a : s.answers()) {
                            if (a.completion() != null) {
                                bySample.put(a.candidate(), a.completion());
                            }
                        }
                    }
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            try {
                judge.reportSection(List.copyOf(own), answers, seed).ifPresent(section -> out.put(name, section));
            } catch (RuntimeException e) {
                out.put(name, new FailedSection(name, messageOf(e)));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    EvaluationReport report() {
        return new EvaluationReport(this);
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
                if (labels != null && clusters != null) {
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
        ClusteredMeanResult clustered = used == null ? null : ClusteredMean.of(d, used, EvaluationReport.CONFIDENCE);
        return Optional.of(new PairDifference(a, b, measure, PairedDifference.of(x, y, EvaluationReport.CONFIDENCE),
                alpha, boot, clustered, measure.equals("rank") ? null : mcnemar(x, y)));
    }

    /** McNemar's test when both candidates' scores are pass/fail (every score 0 or 1), else null. */
    private static @Nullable McNemarResult mcnemar(double[] x, double[] y) {
        int firstOnly = 0;
        int secondOnly = 0;
        for (int i = 0; i < x.length; i++) {
            if ((x[i] != 0 && x[i] != 1) || (y[i] != 0 && y[i] != 1)) {
                return null;
            }
            firstOnly += x[i] == 1 && y[i] == 0 ? 1 : 0;
            secondOnly += x[i] == 0 && y[i] == 1 ? 1 : 0;
        }
        return McNemar.test(firstOnly, secondOnly);
    }


    private List<Problem> problems() {
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


    /** The panel's consensus on one sample ({@link Consensus#of}), or null when it has none. */
    private static @Nullable Ranking consensusOf(List<Judgment> judgments) {
        try {
            return Consensus.of(judgments).orElse(null);
        } catch (IllegalArgumentException differentCandidates) {
            return null; // judges that ranked different candidates have no consensus
        }
    }

    /** The panel's agreement on one sample ({@link Consensus#agreement}), or null when undefined. */
    private static @Nullable Double agreementOf(List<Judgment> judgments) {
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
        long[] firstTokens = new long[samples.size()];
        int nFirstTokens = 0;
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
            Duration firstToken = comp.timeToFirstToken().orElse(null);
            if (firstToken != null) {
                firstTokens[nFirstTokens++] = firstToken.toNanos();
            }
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
        long[] ttft = Arrays.copyOf(firstTokens, nFirstTokens);
        Arrays.sort(ttft);
        Double cost = prices.price(c).isPresent() && withUsage > 0
                ? prices.price(c).get().cost(prompt, completion) : null;
        return new CandidateSummary(c, answers, errors, rankSummary(rankings, observationClusters, c, bootstrap),
                versus(c),
                answers == 0 ? Double.NaN : (double) words / answers,
                timedNanos > 0 ? timedWords / (timedNanos / 1e9) : null,
                tokenNanos > 0 ? timedTokens / (tokenNanos / 1e9) : null,
                percentile(lat, 0.50), percentile(lat, 0.95), percentile(ttft, 0.50), prompt, completion, withUsage,
                cost);
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
                        // labels are read only with a cluster key
                        labels[n - 1] = clusterKey == null ? "" : Objects.requireNonNull(clusterOf(s));
                    }
                    for (JudgeCall call : j.calls()) {
                        if (call.succeeded() && call.shownOrder().size() >= 2) {
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
                if (labels != null && clusters != null) {
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

    /** Counts one candidate's or judge's failures by cause while the report's problems are listed. */
    private static final class ProblemTally {
        private final String who;
        private int calls;
        private int failed;
        private final Map<FailureCause, Integer> byCause = new EnumMap<>(
                FailureCause.class);
        private final Set<String> messages = new LinkedHashSet<>();

        ProblemTally(String who) {
            this.who = who;
        }

        void add(@Nullable String error, dev.raq.core.model.@Nullable FailureCause cause) {
            calls++;
            if (error == null) {
                return;
            }
            failed++;
            byCause.merge(cause == null ? FailureCause.OTHER : cause, 1, Integer::sum);
            if (messages.size() < Problem.MAX_MESSAGES) {
                messages.add(error);
            }
        }

        Optional<Problem> problem() {
            if (failed == 0) {
                return Optional.empty();
            }
            Map<FailureCause, Integer> sorted = new LinkedHashMap<>();
            byCause.entrySet().stream().sorted(Map.Entry.<FailureCause, Integer>comparingByValue()
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

    /** What a report shows for a judge whose own section could not be computed: the reason, never silence. */
    private record FailedSection(String judge, String error) implements ReportSection {

        @Override
        public String title() {
            return "Report section of " + judge;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("judge", judge);
            out.put("error", error);
            return out;
        }

        @Override
        public String toMarkdown() {
            return "The section could not be computed: " + dev.raq.core.internal.MarkdownText.escape(error) + "\n";
        }
    }
}
