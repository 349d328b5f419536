package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.TokenUsage;
import org.jspecify.annotations.Nullable;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the report's statistics need from the sample results, taken one sample at a time in dataset order and kept
 * in primitive columns: every observation's ranks, every metric score, answer lengths, latencies, token counts,
 * failures by cause, the dataset fingerprint. A sample's text, answers and judge replies are not kept (see
 * {@link EvaluationReport.Builder#retainSamples}), so a report over a million samples holds a few bytes per sample:
 * usually one per rank or score ({@link DoubleColumn}).
 * The only exception is a judge with its own report section ({@link dev.raq.core.judge.Judge#hasReportSection}),
 * whose judgments and judged answers are kept for it.
 *
 * <p>Samples may arrive in any order ({@link #add}); they are taken in index order, so that every statistic (and
 * every seeded interval) is the same whatever order the samples finished in. A sample waits in a buffer until every
 * sample with a smaller index has arrived (or the report is built), so the buffer holds about the samples in flight.
 * Not thread-safe: the builder guards it.
 */
final class ReportTally {

    final List<String> candidates;
    final List<String> judges;
    final ObservationUnit unit;
    private final @Nullable Function<Sample, String> clusterKey;
    private final Set<String> sectionJudges;
    private final boolean keepsConsensus;

    private final TreeMap<Integer, SampleResult> waiting = new TreeMap<>();
    private int nextIndex;

    int samples;
    int judgedSamples;
    long answers;
    long reusedAnswers;
    private final MessageDigest dataset = Manifest.datasetDigest();
    private final Map<String, TreeSet<String>> modelIds = new LinkedHashMap<>();

    /** Every observation: one rank column per candidate (NaN where a ranking leaves it out). */
    final RankColumns observations;
    /** The cluster of each observation (or of each sample), by number; null without a cluster key. */
    final Chunked.@Nullable Ints observationClusters;
    private final Map<String, Integer> clusterNumbers = new HashMap<>();
    private final List<String> clusterLabels = new ArrayList<>();
    final Map<String, Ranking> consensus = new LinkedHashMap<>();
    double agreementSum;
    int agreementSamples;

    final List<CandidateTally> candidateTallies = new ArrayList<>();
    final List<JudgeTally> judgeTallies = new ArrayList<>();

    /**
     * A tally for these candidates and judges.
     *
     * @param keepsConsensus whether a panel's consensus is kept per sample id (only when the report keeps its samples)
     */
    ReportTally(List<String> candidates, List<String> judges, ObservationUnit unit,
                @Nullable Function<Sample, String> clusterKey, Set<String> sectionJudges, boolean keepsConsensus) {
        this.candidates = List.copyOf(candidates);
        this.judges = List.copyOf(judges);
        this.unit = unit;
        this.clusterKey = clusterKey;
        this.sectionJudges = Set.copyOf(sectionJudges);
        this.keepsConsensus = keepsConsensus;
        this.observations = new RankColumns(this.candidates);
        this.observationClusters = clusterKey == null ? null : new Chunked.Ints();
        for (String c : this.candidates) {
            candidateTallies.add(new CandidateTally(c));
        }
        for (String j : this.judges) {
            // with one judge, its observations are the report's; a panel's judges each keep their own
            RankColumns ranks = this.judges.size() == 1 ? observations : new RankColumns(this.candidates);
            judgeTallies.add(new JudgeTally(j, ranks, new RankColumns(this.candidates), clusterKey == null
                    ? null : new Chunked.Ints(), this.sectionJudges.contains(j)));
        }
    }

    /** Takes a sample result; it is counted once every sample with a smaller index has been, or at {@link #flush}. */
    void add(SampleResult s) {
        if (s.index() < nextIndex || waiting.putIfAbsent(s.index(), s) != null) {
            throw new IllegalArgumentException("sample index " + s.index() + " (sample '" + s.sample().id()
                    + "') was added twice");
        }
        while (!waiting.isEmpty() && waiting.firstKey() == nextIndex) {
            take(waiting.pollFirstEntry().getValue());
        }
    }

    /** Counts every waiting sample, in index order, even where indices are missing (the report is being built). */
    void flush() {
        while (!waiting.isEmpty()) {
            take(waiting.pollFirstEntry().getValue());
        }
    }

    /** The dataset fingerprint of the samples counted, in order (the manifest's fingerprint). */
    String datasetFingerprint() {
        try {
            return Manifest.hex16(((MessageDigest) dataset.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JVM cannot be copied", e);
        }
    }

    /** The model ids the candidates' servers reported, per candidate in report order, sorted. */
    Map<String, List<String>> reportedModels() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String c : candidates) {
            out.put(c, List.copyOf(modelIds.getOrDefault(c, new TreeSet<>())));
        }
        return out;
    }

    /** The number of distinct clusters over all samples counted. */
    int clusterCount() {
        return clusterNumbers.size();
    }

    /**
     * Counts a sample now: the caller gives the samples in index order (samples sharing an index, as results
     * assembled by hand may, are counted in the order given).
     */
    void takeInOrder(SampleResult s) {
        take(s);
    }

    private void take(SampleResult s) {
        nextIndex = Math.max(nextIndex, s.index() + 1);
        samples++;
        judgedSamples += s.notJudged() == null ? 1 : 0;
        Manifest.update(dataset, s.sample());
        int cluster = clusterOf(s.sample());
        for (AnswerRecord a : s.answers()) {
            answers++;
            reusedAnswers += a.reused() ? 1 : 0;
            Completion c = a.completion();
            if (c != null) {
                c.modelId().ifPresent(id -> modelIds.computeIfAbsent(a.candidate(), k -> new TreeSet<>()).add(id));
            }
        }
        for (CandidateTally t : candidateTallies) {
            s.answer(t.name).ifPresent(t::add);
        }
        List<Ranking> observed = ReportAnalysis.observed(s, judges.size(), unit);
        for (Ranking r : observed) {
            observations.add(r);
            if (observationClusters != null) {
                observationClusters.add(cluster);
            }
        }
        if (judges.size() > 1) {
            if (keepsConsensus) {
                observed.forEach(c -> consensus.put(s.sample().id(), c));
            }
            OptionalDouble w = agreementOf(s.judgments());
            if (w.isPresent()) {
                agreementSum += w.getAsDouble();
                agreementSamples++;
            }
        }
        for (JudgeTally t : judgeTallies) {
            for (Judgment j : s.judgments()) {
                if (j.judge().equals(t.name)) {
                    t.add(s, j, unit, judges.size() > 1, cluster);
                }
            }
        }
    }

    private int clusterOf(Sample sample) {
        if (clusterKey == null) {
            return -1;
        }
        String label = Objects.requireNonNull(clusterKey.apply(sample), "the cluster key returned null for sample '"
                + sample.id() + "'");
        return clusterNumbers.computeIfAbsent(label, l -> {
            clusterLabels.add(l);
            return clusterLabels.size() - 1;
        });
    }

    /** The cluster key's label of a cluster number. */
    String clusterLabel(int cluster) {
        return clusterLabels.get(cluster);
    }

    /** The panel's agreement on one sample ({@link Consensus#agreement}), or empty when undefined. */
    private static OptionalDouble agreementOf(List<Judgment> judgments) {
        try {
            return Consensus.agreement(judgments);
        } catch (IllegalArgumentException differentCandidates) {
            return OptionalDouble.empty();
        }
    }

    /** One candidate's answers: counts, words, speed, tokens, latencies (for percentiles), failures. */
    static final class CandidateTally {
        final String name;
        int answers;
        int errors;
        long words;
        long timedWords;
        long timedNanos;
        long tokenNanos;
        long timedTokens;
        long promptTokens;
        long completionTokens;
        int withUsage;
        final LatencyColumn latencies = new LatencyColumn();
        final LatencyColumn firstTokens = new LatencyColumn();
        final ProblemTally problems;

        CandidateTally(String name) {
            this.name = name;
            this.problems = new ProblemTally("candidate '" + name + "'");
        }

        void add(AnswerRecord a) {
            problems.add(a.error(), a.cause());
            Completion comp = a.completion();
            if (comp == null) {
                errors++;
                return;
            }
            answers++;
            int w = Words.count(comp.text());
            words += w;
            Duration latency = comp.latency().orElse(null);
            TokenUsage usage = comp.usage().orElse(null);
            comp.timeToFirstToken().ifPresent(t -> firstTokens.add(t.toNanos()));
            if (latency != null) {
                latencies.add(latency.toNanos());
                timedWords += w;
                timedNanos += latency.toNanos();
            }
            if (usage != null) {
                withUsage++;
                promptTokens += usage.promptTokens();
                completionTokens += usage.completionTokens();
                if (latency != null) {
                    timedTokens += usage.completionTokens();
                    tokenNanos += latency.toNanos();
                }
            }
        }
    }

    /**
     * One judge's judgments: counts, its own observations, its metric scores (one row per judgment that scored,
     * NaN where a candidate was not scored), self-agreement, order effect, failures, and, for a judge with a report
     * section, the judgments and the answers they judged.
     */
    static final class JudgeTally {
        final String name;
        int judgments;
        int calls;
        int failedJudgments;
        int failedCalls;
        final RankColumns ranks;
        final RankColumns scores;
        final Chunked.@Nullable Ints scoreClusters;
        double selfSum;
        int selfSamples;
        int orderedCalls;
        int firstShownBest;
        double chance;
        final ProblemTally problems;
        final @Nullable List<Judgment> sectionJudgments;
        final Map<String, Map<String, Completion>> sectionAnswers = new LinkedHashMap<>();

        JudgeTally(String name, RankColumns ranks, RankColumns scores, Chunked.@Nullable Ints scoreClusters,
                   boolean keepsForSection) {
            this.name = name;
            this.ranks = ranks;
            this.scores = scores;
            this.scoreClusters = scoreClusters;
            this.problems = new ProblemTally("judge '" + name + "'");
            this.sectionJudgments = keepsForSection ? new ArrayList<>() : null;
        }

        void add(SampleResult s, Judgment j, ObservationUnit unit, boolean ownRanks, int cluster) {
            judgments++;
            calls += j.calls().size();
            failedJudgments += j.failed() ? 1 : 0;
            failedCalls += j.failedCalls().size();
            j.calls().forEach(call -> problems.add(call.error().orElse(null), call.cause().orElse(null)));
            if (ownRanks) {
                (unit == ObservationUnit.JUDGE_CALL ? j.rankings() : Consensus.perSample(j)).forEach(ranks::add);
            }
            OptionalDouble w = Consensus.selfAgreement(j);
            if (w.isPresent()) {
                selfSum += w.getAsDouble();
                selfSamples++;
            }
            if (!j.scores().isEmpty()) {
                scores.add(j.scores());
                if (scoreClusters != null) {
                    scoreClusters.add(cluster);
                }
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
            if (sectionJudgments != null) {
                sectionJudgments.add(j);
                Map<String, Completion> bySample = sectionAnswers.computeIfAbsent(j.sampleId(),
                        k -> new LinkedHashMap<>());
                for (AnswerRecord a : s.answers()) {
                    if (a.completion() != null) {
                        bySample.put(a.candidate(), a.completion());
                    }
                }
            }
        }
    }

    /**
     * Rows of values per candidate (ranks of a ranking, or a judgment's scores), one column per candidate with NaN
     * where a row has no value for it; {@link #asRankings()} reads the rows back as rankings without holding them.
     */
    static final class RankColumns {
        private final List<String> candidates;
        private final Map<String, Integer> column = new HashMap<>();
        private final DoubleColumn[] values;
        private int rows;

        RankColumns(List<String> candidates) {
            this.candidates = candidates;
            this.values = new DoubleColumn[candidates.size()];
            for (int i = 0; i < candidates.size(); i++) {
                column.put(candidates.get(i), i);
                values[i] = new DoubleColumn();
            }
        }

        void add(Ranking r) {
            add(r.ranks());
        }

        void add(Map<String, Double> row) {
            for (int i = 0; i < values.length; i++) {
                Double v = row.get(candidates.get(i));
                values[i].add(v == null ? Double.NaN : v);
            }
            rows++;
        }

        int rows() {
            return rows;
        }

        /**
         * The column of a candidate: a value per row, NaN where the row has none; read in place (a report of a
         * million rows copies no column it only reads).
         */
        DoubleColumn columnOf(String candidate) {
            return values[Objects.requireNonNull(column.get(candidate), candidate)];
        }

        /** The rows as rankings, made when read: a million rankings are not held as objects. */
        List<Ranking> asRankings() {
            int n = rows;
            return new AbstractList<>() {
                @Override
                public Ranking get(int row) {
                    Objects.checkIndex(row, n);
                    Map<String, Double> ranks = new HashMap<>();
                    for (int i = 0; i < values.length; i++) {
                        double v = values[i].get(row);
                        if (!Double.isNaN(v)) {
                            ranks.put(candidates.get(i), v);
                        }
                    }
                    return new Ranking(ranks);
                }

                @Override
                public int size() {
                    return n;
                }
            };
        }
    }

    /** Counts one candidate's or judge's calls and failures by cause, keeping the first few messages. */
    static final class ProblemTally {
        private final String who;
        private int calls;
        private int failed;
        private final Map<FailureCause, Integer> byCause = new EnumMap<>(FailureCause.class);
        private final Set<String> messages = new LinkedHashSet<>();

        ProblemTally(String who) {
            this.who = who;
        }

        void add(@Nullable String error, @Nullable FailureCause cause) {
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
}
