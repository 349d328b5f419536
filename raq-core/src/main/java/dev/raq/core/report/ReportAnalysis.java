package dev.raq.core.report;

import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ClusteredMean;
import dev.raq.stats.ClusteredMeanResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.McNemarResult;
import dev.raq.stats.PairedDifference;
import dev.raq.stats.PairedDifferenceResult;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes everything an {@link EvaluationReport} holds from the {@link ReportTally} of the sample results: the
 * observations (per sample or per judge call, a panel's consensus), the candidate and judge summaries with their
 * intervals, the significance test, the paired differences, the problems, and every judge's own report section.
 * Used once, by {@link EvaluationReport.Builder#build()}; the report it builds only holds the values.
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
    final int sampleCount;
    final int judgedSampleCount;
    final @Nullable String resultsFile;
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
    final Manifest manifest;

    /** The one bootstrap every interval of the report draws from (the report's rounds and confidence, the seed). */
    private final Bootstrap bootstrap;
    private final ReportTally tally;
    private final EvaluationReport.BuildListener listener;

    /**
     * Analyses a tally.
     *
     * @param retained the sample results the report keeps for drill-down, in index order (empty when the builder
     *                 does not retain them)
     */
    ReportAnalysis(EvaluationReport.Builder b, ReportTally tally, List<SampleResult> retained) {
        this.tally = tally;
        this.listener = b.buildListener;
        this.candidates = b.candidates;
        this.judges = tally.judges;
        this.dryRun = b.dryRun;
        this.seed = b.seed;
        this.alpha = b.alpha;
        this.observationUnit = tally.unit;
        this.abortedBecause = b.abortedBecause;
        this.bootstrap = Bootstrap.builder().rounds(EvaluationReport.BOOTSTRAP_ROUNDS)
                .confidence(EvaluationReport.CONFIDENCE).seed(seed).build();
        this.samples = List.copyOf(retained);
        this.sampleCount = tally.samples;
        this.judgedSampleCount = tally.judgedSamples;
        this.resultsFile = b.resultsFile;
        this.consensus = Collections.unmodifiableMap(new LinkedHashMap<>(tally.consensus));
        this.judgeAgreement = tally.agreementSamples == 0 ? null : tally.agreementSum / tally.agreementSamples;
        this.agreementSamples = tally.agreementSamples;
        this.rankings = tally.observations.asRankings();
        this.clusterCount = tally.observationClusters == null ? null : tally.clusterCount();
        step("candidate summaries", 1);
        this.candidateSummaries = summarizeCandidates(b.prices);
        step("judge summaries", 2);
        this.judgeSummaries = summarizeJudges();
        step("significance test", 3);
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
        step("paired differences", 4);
        this.pairDifferences = computePairDifferences();
        this.problems = problems();
        step("judge sections", 5);
        this.sections = sections(b.sectionJudges);
        this.sequential = b.sequential;
        this.manifest = b.manifestAsWritten != null ? b.manifestAsWritten : manifest(b);
        step("done", STEPS);
    }

    /** The steps {@link EvaluationReport.BuildListener} is told about. */
    static final int STEPS = 6;

    private void step(String name, int done) {
        try {
            listener.onStep(name, done, STEPS);
        } catch (RuntimeException e) {
            System.getLogger(ReportAnalysis.class.getName()).log(System.Logger.Level.WARNING,
                    "the report's build listener failed; building on", e);
        }
    }

    private Manifest manifest(EvaluationReport.Builder b) {
        Map<String, String> candidateFingerprints = new LinkedHashMap<>();
        candidates.forEach(c -> candidateFingerprints.put(c, b.candidateFingerprints.getOrDefault(c, "")));
        Map<String, String> judgeFingerprints = new LinkedHashMap<>();
        judges.forEach(j -> judgeFingerprints.put(j, b.judgeFingerprints.getOrDefault(j, "")));
        String test = significanceTest == null ? "none" : significanceError == null ? significanceTest
                : significanceTest + " (could not run: " + significanceError + ")";
        return new Manifest(Manifest.RAQ_VERSION, System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", seed, alpha, observationUnit.name().toLowerCase(
                java.util.Locale.ROOT), test, tally.datasetFingerprint(), tally.samples, candidateFingerprints,
                tally.reportedModels(), b.promptTemplate == null ? null : Manifest.hash(b.promptTemplate),
                judgeFingerprints, b.startedAt, b.clock == null ? null : b.clock.instant(), tally.answers,
                tally.reusedAnswers);
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
        for (ReportTally.JudgeTally t : tally.judgeTallies) {
            Judge judge = byName.get(t.name);
            List<Judgment> own = t.sectionJudgments;
            if (judge == null || own == null || own.isEmpty()) {
                continue;
            }
            try {
                judge.reportSection(List.copyOf(own), t.sectionAnswers, seed)
                        .ifPresent(section -> out.put(t.name, section));
            } catch (RuntimeException e) {
                out.put(t.name, new FailedSection(t.name, messageOf(e)));
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
        for (int i = 0; i < candidates.size(); i++) {
            for (int k = i + 1; k < candidates.size(); k++) {
                String a = candidates.get(i);
                String b = candidates.get(k);
                difference(a, b, "rank", tally.observations, tally.observationClusters).ifPresent(out::add);
                for (ReportTally.JudgeTally t : tally.judgeTallies) {
                    if (t.scores.rows() > 0) {
                        difference(a, b, t.name, t.scores, t.scoreClusters).ifPresent(out::add);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The paired difference of a and b over the rows that hold both (at least two), with a bootstrap interval of
     * the mean difference (resampling clusters when there are clusters) and the clustered standard error. Above
     * {@link ValueSummary#LARGE} rows without clusters, where that interval is the normal one, coded columns are
     * compared from counts of their pairs of values ({@link ColumnCounts}) rather than copied out, and other columns
     * take the interval from the paired difference's own mean and SD rather than from a sorted copy of the
     * differences.
     */
    private Optional<PairDifference> difference(String a, String b, String measure, ReportTally.RankColumns values,
                                                Chunked.@Nullable Ints clusters) {
        DoubleColumn xs = values.columnOf(a);
        DoubleColumn ys = values.columnOf(b);
        int rows = values.rows();
        int n = 0;
        for (int i = 0; i < rows; i++) {
            n += !Double.isNaN(xs.get(i)) && !Double.isNaN(ys.get(i)) ? 1 : 0;
        }
        if (n < 2) {
            return Optional.empty();
        }
        if (clusters == null && n > ValueSummary.LARGE && xs.coded() && ys.coded()) {
            ColumnCounts.Pairs pairs = ColumnCounts.pairs(xs, ys, rows);
            PairedDifferenceResult pd = PairedDifference.ofCounts(pairs.a(), pairs.b(), pairs.counts(),
                    EvaluationReport.CONFIDENCE);
            ConfidenceInterval normal = ValueSummary.normalInterval(pd.meanDifference(), pd.sdDifference(), n,
                    EvaluationReport.CONFIDENCE);
            return Optional.of(new PairDifference(a, b, measure, pd, alpha, normal, null,
                    measure.equals("rank") ? null : pairs.mcnemar()));
        }
        double[] x = new double[n];
        double[] y = new double[n];
        String[] used = clusters == null ? null : new String[n];
        for (int i = 0, k = 0; i < rows; i++) {
            if (!Double.isNaN(xs.get(i)) && !Double.isNaN(ys.get(i))) {
                x[k] = xs.get(i);
                y[k] = ys.get(i);
                if (used != null && clusters != null) {
                    used[k] = tally.clusterLabel(clusters.get(i));
                }
                k++;
            }
        }
        PairedDifferenceResult pd = PairedDifference.of(x, y, EvaluationReport.CONFIDENCE);
        McNemarResult mcnemar = measure.equals("rank") ? null : ColumnCounts.mcnemar(x, y, null);
        if (used == null && n > ValueSummary.LARGE) { // the normal interval, from the difference's own mean and SD
            return Optional.of(new PairDifference(a, b, measure, pd, alpha, ValueSummary.normalInterval(
                    pd.meanDifference(), pd.sdDifference(), n, EvaluationReport.CONFIDENCE), null, mcnemar));
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        ConfidenceInterval boot = ValueSummary.of(d, used, bootstrap).meanInterval();
        ClusteredMeanResult clustered = used == null ? null : ClusteredMean.of(d, used, EvaluationReport.CONFIDENCE);
        return Optional.of(new PairDifference(a, b, measure, pd, alpha, boot, clustered, mcnemar));
    }

    private List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        tally.candidateTallies.forEach(t -> t.problems.problem().ifPresent(out::add));
        tally.judgeTallies.forEach(t -> t.problems.problem().ifPresent(out::add));
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

    private List<CandidateSummary> summarizeCandidates(PriceTable prices) {
        List<CandidateSummary> out = new ArrayList<>();
        for (ReportTally.CandidateTally t : tally.candidateTallies) {
            out.add(summarizeCandidate(t, prices));
        }
        return List.copyOf(out);
    }

    private CandidateSummary summarizeCandidate(ReportTally.CandidateTally t, PriceTable prices) {
        String c = t.name;
        Double cost = prices.price(c).isPresent() && t.withUsage > 0
                ? prices.price(c).get().cost(t.promptTokens, t.completionTokens) : null;
        return new CandidateSummary(c, t.answers, t.errors,
                rankSummary(tally.observations, tally.observationClusters, c, bootstrap), versus(c),
                t.answers == 0 ? Double.NaN : (double) t.words / t.answers,
                t.timedNanos > 0 ? t.timedWords / (t.timedNanos / 1e9) : null,
                t.tokenNanos > 0 ? t.timedTokens / (t.tokenNanos / 1e9) : null,
                t.latencies.percentile(0.50), t.latencies.percentile(0.95), t.firstTokens.percentile(0.50),
                t.promptTokens,
                t.completionTokens, t.withUsage, cost);
    }

    private Map<String, WinTieLoss> versus(String c) {
        Map<String, WinTieLoss> out = new LinkedHashMap<>();
        DoubleColumn mine = tally.observations.columnOf(c);
        int rows = tally.observations.rows();
        for (String other : candidates) {
            if (other.equals(c)) {
                continue;
            }
            DoubleColumn theirs = tally.observations.columnOf(other);
            int w = 0;
            int t = 0;
            int l = 0;
            for (int i = 0; i < rows; i++) {
                double m = mine.get(i);
                double o = theirs.get(i);
                if (!Double.isNaN(m) && !Double.isNaN(o)) {
                    int cmp = Double.compare(m, o);
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
        for (ReportTally.JudgeTally t : tally.judgeTallies) {
            Map<String, ValueSummary> ranks = new LinkedHashMap<>();
            Map<String, ValueSummary> scoreSummaries = new LinkedHashMap<>();
            for (String c : candidates) {
                ValueSummary summary = rankSummary(t.ranks, null, c, null);
                if (summary != null) {
                    ranks.put(c, summary);
                }
                ValueSummary scores = rankSummary(t.scores, t.scoreClusters, c, bootstrap);
                if (scores != null) {
                    scoreSummaries.put(c, scores);
                }
            }
            out.add(new JudgeSummary(t.name, t.judgments, t.calls, t.failedJudgments, t.failedCalls, ranks,
                    scoreSummaries, t.selfSamples == 0 ? null : t.selfSum / t.selfSamples, t.selfSamples,
                    t.orderedCalls == 0 ? null : new OrderEffect(t.orderedCalls, t.firstShownBest,
                            t.chance / t.orderedCalls)));
        }
        return List.copyOf(out);
    }

    /**
     * Candidate c's values over the rows that hold one (its ranks over the rankings, or its scores); intervals
     * resample clusters when they are given. Above {@link ValueSummary#LARGE} values without clusters, a coded column
     * is summarized from counts of its values ({@link ColumnCounts}) rather than copied out.
     */
    private @Nullable ValueSummary rankSummary(ReportTally.RankColumns rows, Chunked.@Nullable Ints clusters, String c,
                                               @Nullable Bootstrap bootstrap) {
        DoubleColumn column = rows.columnOf(c);
        int n = 0;
        for (int i = 0; i < rows.rows(); i++) {
            n += Double.isNaN(column.get(i)) ? 0 : 1;
        }
        if (n == 0) {
            return null;
        }
        if (clusters == null && n > ValueSummary.LARGE && column.coded()) {
            return ColumnCounts.summary(column, rows.rows(), bootstrap == null ? null : bootstrap.confidence());
        }
        double[] values = new double[n];
        String[] labels = clusters == null ? null : new String[n];
        for (int i = 0, k = 0; i < rows.rows(); i++) {
            if (!Double.isNaN(column.get(i))) {
                if (labels != null && clusters != null) {
                    labels[k] = tally.clusterLabel(clusters.get(i));
                }
                values[k++] = column.get(i);
            }
        }
        return ValueSummary.of(values, labels, bootstrap);
    }

    /**
     * The percentile of the first {@code n} values of {@code sortedNanos} (in order), by linear interpolation between
     * the closest ranks (numpy's default), or null for no data.
     */
    static @Nullable Duration percentile(long[] sortedNanos, int n, double p) {
        if (n == 0) {
            return null;
        }
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
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
