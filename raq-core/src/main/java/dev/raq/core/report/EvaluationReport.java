package dev.raq.core.report;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.core.significance.SignificanceTest;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Above {@value ValueSummary#LARGE} observations the interval is the normal one instead ({@link ValueSummary#LARGE}
 * says why).
 *
 * <p><b>Size.</b> By default the report keeps every sample for drill-down, about 1.5 kB each. A report built without
 * them ({@link Builder#retainSamples}, as an evaluation with a results file does) keeps only what its statistics
 * need, usually a byte per rank or score, and has the same numbers.
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
    public static final String SCHEMA = "raq-report/2";
    /** Bootstrap rounds for the confidence interval of each candidate's mean rank: {@value}. */
    public static final int BOOTSTRAP_ROUNDS = 1000;
    /** Confidence level of those intervals: {@value}. */
    public static final double CONFIDENCE = 0.95;

    private final List<String> candidates;
    private final List<String> judges;
    private final boolean dryRun;
    private final long seed;
    private final double alpha;
    private final ObservationUnit observationUnit;
    private final @Nullable String abortedBecause;
    private final List<SampleResult> samples;
    private final int sampleCount;
    private final int judgedSampleCount;
    private final @Nullable String resultsFile;
    private final Map<String, Ranking> consensus;
    private final @Nullable Double judgeAgreement;
    private final int agreementSamples;
    private final List<Ranking> rankings;
    private final @Nullable Integer clusterCount;
    private final List<CandidateSummary> candidateSummaries;
    private final List<JudgeSummary> judgeSummaries;
    private final @Nullable String significanceTest;
    private final @Nullable SignificanceResult significance;
    private final @Nullable String significanceError;
    private final List<PairDifference> pairDifferences;
    private final List<Problem> problems;
    private final Map<String, ReportSection> sections;
    private final @Nullable SequentialOutcome sequential;
    private final Manifest manifest;

    /** Takes the values the analysis computed. */
    EvaluationReport(ReportAnalysis a) {
        this.candidates = a.candidates;
        this.judges = a.judges;
        this.dryRun = a.dryRun;
        this.seed = a.seed;
        this.alpha = a.alpha;
        this.observationUnit = a.observationUnit;
        this.abortedBecause = a.abortedBecause;
        this.samples = a.samples;
        this.sampleCount = a.sampleCount;
        this.judgedSampleCount = a.judgedSampleCount;
        this.resultsFile = a.resultsFile;
        this.consensus = a.consensus;
        this.judgeAgreement = a.judgeAgreement;
        this.agreementSamples = a.agreementSamples;
        this.rankings = a.rankings;
        this.clusterCount = a.clusterCount;
        this.candidateSummaries = a.candidateSummaries;
        this.judgeSummaries = a.judgeSummaries;
        this.significanceTest = a.significanceTest;
        this.significance = a.significance;
        this.significanceError = a.significanceError;
        this.pairDifferences = a.pairDifferences;
        this.problems = a.problems;
        this.sections = a.sections;
        this.sequential = a.sequential;
        this.manifest = a.manifest;
    }

    /**
     * How a sequential evaluation ended (at which look, after how many samples, at what level its test ran), if the
     * evaluation was sequential.
     */
    public Optional<SequentialOutcome> sequential() {
        return Optional.ofNullable(sequential);
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

    /**
     * What each kind of judge added beyond rankings and scores ({@link dev.raq.core.judge.Judge#reportSection}),
     * by judge name in panel order: a pairwise judge's leaderboard and position bias, for example. Empty when no
     * judge added one, or when the builder was not given the judges ({@link Builder#sections}).
     */
    public Map<String, ReportSection> sections() {
        return sections;
    }

    /** The first section of this type, such as {@code section(PairwiseSection.class)}. */
    public <T extends ReportSection> Optional<T> section(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return sections.values().stream().filter(type::isInstance).map(type::cast).findFirst();
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
        return problems;
    }

    /** Why the run was aborted, if it was; the report then covers only what finished. */
    public Optional<String> abortedBecause() {
        return Optional.ofNullable(abortedBecause);
    }

    /**
     * Every sample's answers and judgments, in dataset order; empty when the report was built without keeping them
     * ({@link Builder#retainSamples}), in which case {@link #resultsFile()} says where they were written.
     */
    public List<SampleResult> samples() {
        return samples;
    }

    /** The number of samples the report covers (whether or not it keeps them: {@link #samples()}). */
    public int sampleCount() {
        return sampleCount;
    }

    /** The number of those samples that were judged (at least two answers reached a judge). */
    public int judgedSampleCount() {
        return judgedSampleCount;
    }

    /**
     * The JSON Lines file every sample's answers and judgments were written to, one per line, when the evaluation
     * streamed them there instead of keeping them ({@code Evaluation.Builder#resultsFile}).
     */
    public Optional<String> resultsFile() {
        return Optional.ofNullable(resultsFile);
    }

    /**
     * Reads a JSON report written by {@link #writeJson(Path)} back, computing every statistic again from its samples
     * (the same numbers: they depend only on the samples, the settings and the seed). The samples' contexts and
     * metadata, the cluster key, the price table and the judge kinds' own sections are not in the JSON and stay out
     * (no cluster-adjusted intervals, no cost, no pairwise leaderboard); the manifest is kept as written.
     *
     * @throws IllegalArgumentException naming the file when it is not a RAQ JSON report, or what in it is missing
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static EvaluationReport readJson(Path file) {
        return ReportReader.read(Objects.requireNonNull(file, "file"));
    }

    /** What the run was: versions, seed, dataset fingerprint, models, prompt, judges, times (see {@link Manifest}). */
    public Manifest manifest() {
        return manifest;
    }

    /** The observations every statistic is computed from (see the class description), in dataset order. */
    public List<Ranking> rankings() {
        return rankings;
    }

    /**
     * Sample id → the judges' consensus ranking, for panels of two or more judges; empty otherwise, and empty when the
     * report does not keep its samples ({@link Builder#retainSamples}, as with a results file), as {@link #samples()}
     * is: a million samples' consensus would take about 300 MB. It is {@link dev.raq.core.judge.Consensus#of} of a
     * sample's judgments, which the results file holds.
     */
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

    /**
     * The number of clusters whose samples the intervals resample together, when the evaluation has a cluster key
     * (such as the SQuAD article or passage); empty otherwise.
     */
    public OptionalInt clusters() {
        return clusterCount == null ? OptionalInt.empty() : OptionalInt.of(clusterCount);
    }

    /**
     * Collects sample results and builds an {@link EvaluationReport}; the evaluation uses it, and so can a user who
     * rebuilds a report from stored results. {@link #add(SampleResult)} is thread-safe. Reusable.
     */
    public static final class Builder {
        final List<String> candidates;
        List<String> judges = List.of();
        Map<String, Judge> sectionJudges = Map.of();
        boolean dryRun;
        long seed;
        double alpha = 0.05;
        ObservationUnit observationUnit = ObservationUnit.SAMPLE;
        @Nullable Function<Sample, String> clusterKey;
        @Nullable String abortedBecause;
        @Nullable SignificanceTest significance;
        PriceTable prices = PriceTable.none();
        @Nullable SequentialOutcome sequential;
        @Nullable String promptTemplate;
        boolean promptFunction;
        Map<String, String> candidateFingerprints = Map.of();
        Map<String, String> judgeFingerprints = Map.of();
        java.time.@Nullable Instant startedAt;
        java.time.@Nullable Clock clock;
        @Nullable Manifest manifestAsWritten;
        boolean retainSamples = true;
        @Nullable String resultsFile;
        BuildListener buildListener = (step, done, total) -> { };
        private final List<SampleResult> samples = new ArrayList<>();
        /** Without retained samples, the tally that takes each sample as it is added; null before the first. */
        private @Nullable ReportTally live;

        private Builder(List<String> candidates) {
            this.candidates = List.copyOf(candidates);
            Preconditions.checkArgument(this.candidates.size() >= 2, () ->
                    "a report needs at least two candidates but had "
                    + this.candidates.size());
            if (new java.util.HashSet<>(this.candidates).size() != this.candidates.size()) {
                throw new IllegalArgumentException("candidate names repeat: " + this.candidates);
            }
        }

        /**
         * Whether the report keeps every sample result for drill-down ({@link EvaluationReport#samples()}; default:
         * true). Without them the builder keeps only what the statistics need, sample by sample as they are added
         * (ranks and scores, usually a byte each, counts, latency histograms; not the answers' text), so that a run of
         * a million samples fits a small heap; the statistics are the same, and {@link EvaluationReport#samples()} and
         * {@link EvaluationReport#consensus()} are empty. Set it, and the settings that shape the
         * statistics (judges, observation unit, cluster key, sections), before the first {@link #add}.
         */
        public synchronized Builder retainSamples(boolean retain) {
            checkNotStarted("retainSamples");
            this.retainSamples = retain;
            return this;
        }

        /** Records where the sample results were written (a JSON Lines file), for a report that does not keep them. */
        public Builder resultsFile(@Nullable String file) {
            this.resultsFile = file;
            return this;
        }

        /** Sets who is told how building the report progresses (default: nobody). */
        public Builder buildListener(BuildListener listener) {
            this.buildListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        private void checkNotStarted(String setting) {
            if (live != null) {
                throw new IllegalStateException(setting + " must be set before the first sample is added to a "
                        + "builder that does not retain samples");
            }
        }

        /** Sets the judges' names, in panel order (default: none). */
        public synchronized Builder judges(List<String> judges) {
            checkNotStarted("judges");
            this.judges = List.copyOf(judges);
            return this;
        }

        /**
         * Sets the judges, by the name their judgments carry, whose own report sections the report adds
         * ({@link Judge#reportSection}; default: none). An evaluation sets it; a report rebuilt from stored results
         * gets a pairwise judge's leaderboard by passing the judge here.
         */
        public synchronized Builder sections(Map<String, ? extends Judge> judgesByName) {
            checkNotStarted("sections");
            this.sectionJudges = Map.copyOf(judgesByName);
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
            Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
            this.alpha = alpha;
            return this;
        }

        /** Sets what one observation is (default {@link ObservationUnit#SAMPLE}). */
        public synchronized Builder observationUnit(ObservationUnit unit) {
            checkNotStarted("observationUnit");
            this.observationUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Sets the key that groups samples into clusters whose intervals are resampled together (default: none,
         * every sample on its own).
         */
        public synchronized Builder clusterBy(@Nullable Function<Sample, String> clusterKey) {
            checkNotStarted("clusterBy");
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

        /**
         * Records how a sequential evaluation ended; the report's significance test then runs at that look's level,
         * while {@link EvaluationReport#alpha()} stays the run's alpha.
         */
        public Builder sequential(@Nullable SequentialOutcome outcome) {
            this.sequential = outcome;
            return this;
        }

        /**
         * Runs the configured significance test on the observations collected so far, without building the report
         * (a sequential evaluation's interim look).
         *
         * @throws IllegalStateException if no test is configured
         * @throws IllegalArgumentException if the test cannot run on these observations
         */
        public synchronized SignificanceResult interimTest(double level) {
            if (significance == null) {
                throw new IllegalStateException("no significance test is configured");
            }
            List<Ranking> observations = live != null ? live.observations.asRankings()
                    : tally(sorted()).observations.asRankings();
            return significance.test(candidates, observations, level);
        }

        /**
         * What the manifest says about the run's configuration: the shared prompt template (hashed; null for a prompt
         * function), and the candidates' and judges' fingerprints.
         */
        public Builder configuration(@Nullable String promptTemplate, Map<String, String> candidateFingerprints,
                                     Map<String, String> judgeFingerprints) {
            this.promptTemplate = promptTemplate;
            this.promptFunction = promptTemplate == null;
            this.candidateFingerprints = Map.copyOf(candidateFingerprints);
            this.judgeFingerprints = Map.copyOf(judgeFingerprints);
            return this;
        }

        /** When the run started, and the clock that says when the report is built (for the manifest). */
        public Builder startedAt(java.time.Instant startedAt, java.time.Clock clock) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Keeps a manifest read from a JSON report instead of describing a rebuilt one. */
        Builder manifestAsWritten(@Nullable Manifest manifest) {
            this.manifestAsWritten = manifest;
            return this;
        }

        /** Marks the report as partial: the run was aborted for this reason. */
        public Builder aborted(@Nullable String reason) {
            this.abortedBecause = reason;
            return this;
        }

        /** Adds one sample's results. */
        public synchronized Builder add(SampleResult sample) {
            Objects.requireNonNull(sample, "sample");
            if (retainSamples) {
                samples.add(sample);
            } else {
                if (live == null) {
                    live = newTally();
                }
                live.add(sample);
            }
            return this;
        }

        private ReportTally newTally() {
            java.util.Set<String> withSections = new java.util.HashSet<>();
            sectionJudges.forEach((name, judge) -> {
                if (judge.hasReportSection()) {
                    withSections.add(name);
                }
            });
            return new ReportTally(candidates, judges, observationUnit, clusterKey, withSections, retainSamples);
        }

        private ReportTally tally(List<SampleResult> sorted) {
            ReportTally t = newTally();
            sorted.forEach(t::takeInOrder);
            return t;
        }

        private List<SampleResult> sorted() {
            List<SampleResult> sorted = new ArrayList<>(samples);
            sorted.sort(java.util.Comparator.comparingInt(SampleResult::index));
            return sorted;
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
                if (!other.retainSamples) {
                    throw new IllegalStateException("cannot merge a builder that does not retain its samples");
                }
                theirs = List.copyOf(other.samples);
            }
            theirs.forEach(this::add);
            return this;
        }

        /** Computes every statistic and the significance test, and builds the report. */
        public synchronized EvaluationReport build() {
            if (!retainSamples) {
                ReportTally t = live == null ? newTally() : live;
                t.flush();
                return new ReportAnalysis(this, t, List.of()).report();
            }
            List<SampleResult> sorted = sorted();
            return new ReportAnalysis(this, tally(sorted), sorted).report();
        }
    }

    /** Told how building a report progresses; a report of a million samples takes a few seconds. */
    @FunctionalInterface
    public interface BuildListener {

        /**
         * A step of the build is starting (or, with {@code done == total}, the build is done).
         *
         * @param step  what is being computed, such as {@code "significance test"}
         * @param done  steps finished before this one
         * @param total the number of steps
         */
        void onStep(String step, int done, int total);
    }
}
