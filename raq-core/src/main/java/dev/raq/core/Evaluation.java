package dev.raq.core;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judges;
import dev.raq.core.judge.RandomJudge;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ObservationUnit;
import dev.raq.core.report.PriceTable;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.core.store.ResultStore;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * An evaluation of several candidates on a dataset: every candidate answers every sample, the judges rank the
 * answers, and a significance test says which differences are real. Build one with {@link #builder()}, then
 * {@link #run()} it:
 * <pre>{@code
 * EvaluationReport report = Evaluation.builder()
 *     .dataset(samples)
 *     .candidate("llama3-8b", llamaClient)
 *     .candidate("mistral-7b", mistralClient)
 *     .judge(judge)
 *     .significance(test)
 *     .seed(42)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p><b>How it runs.</b> Work streams: samples are admitted as capacity allows (never all at once), every
 * candidate's answer is requested with {@link ModelClient#completeAsync} under a global limit of calls in flight and
 * each candidate's own limit, and a sample is judged as soon as its answers are in, its judge calls sent with
 * {@link Judge#judgeAsync} under a limit of {@code judgeConcurrency} judge calls in flight (by default as many as
 * {@code concurrency}). No thread waits for a call of a client that {@linkplain ModelClient#completesWithoutBlocking()
 * completes without blocking} (RAQ's HTTP clients): other clients block a thread of a pool that grows to the limit
 * only as needed. Results reach the report and the {@link ResultStore} as they arrive; answers
 * and judgments already in the store are reused, not requested again. A failed call is recorded with its cause and
 * the run goes on, unless the {@link FailurePolicy} says to abort. A sample that fewer than two candidates answered
 * is recorded, not judged.
 *
 * <p><b>Seeds.</b> The seed judge {@code j} gets for a sample derives from the evaluation's seed, the sample's id and
 * {@code j} alone, so a run with the same seed asks the judges the same questions whatever the thread timing.
 *
 * <p>An evaluation can be run more than once; each run calls (or reuses from the store) afresh. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Evaluation {

    /** The default significance level: {@value}. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The default number of model calls in flight at once: {@value}. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The default seed: {@value}. */
    public static final long DEFAULT_SEED = 42;

    final Iterable<Sample> dataset;
    final List<Candidate> candidates;
    final Function<Sample, ChatRequest> prompt;
    final @Nullable String promptTemplate;
    final List<Judge> judges;
    /** The judges' names as results carry them: a repeated name gets " #2", " #3" … */
    final List<String> judgeNames;
    final SignificanceTest significance;
    final ObservationUnit observationUnit;
    final @Nullable Function<Sample, String> clusterKey;
    final double alpha;
    final int concurrency;
    final int judgeConcurrency;
    final long seed;
    final ResultStore store;
    final java.nio.file.@Nullable Path resultsFile;
    final @Nullable ProgressListener listener;
    final FailurePolicy failurePolicy;
    final boolean dryRun;
    final PriceTable prices;
    final Clock clock;
    final @Nullable SequentialDesign sequential;

    private Evaluation(Builder b, Iterable<Sample> dataset, SignificanceTest significance) {
        this.dataset = dataset;
        this.candidates = List.copyOf(b.candidates.values());
        this.prompt = b.prompt == null ? Prompts.defaultPrompt() : b.prompt;
        this.promptTemplate = b.prompt == null ? "default: " + Prompts.WITH_CONTEXT.template() : b.promptTemplate;
        this.judges = b.dryRun ? List.of(Judges.random()) : List.copyOf(b.judges);
        this.judgeNames = uniqueNames(judges);
        this.significance = significance;
        this.observationUnit = b.observationUnit;
        this.clusterKey = b.clusterKey;
        this.alpha = b.alpha;
        this.concurrency = b.concurrency;
        this.judgeConcurrency = b.judgeConcurrency > 0 ? b.judgeConcurrency : b.concurrency;
        this.seed = b.seed;
        this.resultsFile = b.resultsFile;
        // a streaming run keeps nothing per sample, so by default it keeps no store either
        this.store = b.store != null ? b.store : b.resultsFile != null ? ResultStore.none() : ResultStore.inMemory();
        this.listener = b.listener;
        this.failurePolicy = b.failurePolicy;
        this.dryRun = this.judges.stream().allMatch(j -> j instanceof RandomJudge);
        this.prices = b.prices;
        this.clock = b.clock;
        this.sequential = b.sequential;
    }

    /** A builder with the defaults documented on each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the evaluation and waits for the report.
     *
     * @return the report
     * @throws EvaluationAbortedException if the failure policy aborted the run (it carries the partial report)
     */
    public EvaluationReport run() {
        try {
            return runAsync().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /**
     * Starts the evaluation without blocking the caller, except to read a streamed dataset (one that is neither a
     * {@code Collection} nor a {@code Dataset}) once: it is counted and checked for repeated ids before the first
     * call.
     *
     * @return a future completed with the report, or exceptionally with an {@link EvaluationAbortedException}
     */
    public CompletableFuture<EvaluationReport> runAsync() {
        return new EvaluationRun(this).start();
    }

    /**
     * A report builder set up as this evaluation's run sets up its own: candidates, judges' names, seed, alpha,
     * judges' own report sections, significance test, observation unit, clusters and prices. Add {@link SampleEvaluator} results to it, or merge
     * several (one per worker of a distributed run), then build.
     */
    public EvaluationReport.Builder reportBuilder() {
        Map<String, Judge> byName = new LinkedHashMap<>();
        for (int i = 0; i < judges.size(); i++) {
            byName.put(judgeNames.get(i), judges.get(i));
        }
        Map<String, String> candidateFingerprints = new LinkedHashMap<>();
        candidates.forEach(c -> candidateFingerprints.put(c.name(), c.fingerprint()));
        Map<String, String> judgeFingerprints = new LinkedHashMap<>();
        byName.forEach((name, judge) -> judgeFingerprints.put(name, judge.fingerprint()));
        return EvaluationReport.builder(candidates.stream().map(Candidate::name).toList()).judges(judgeNames)
                .sections(byName).dryRun(dryRun).seed(seed).alpha(alpha).significance(significance).observationUnit(observationUnit)
                .clusterBy(clusterKey).prices(prices)
                .configuration(promptTemplate, candidateFingerprints, judgeFingerprints)
                .retainSamples(resultsFile == null).resultsFile(resultsFile == null ? null : resultsFile.toString());
    }

    /** The candidates, in report order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The judges, in panel order; in a dry run, the one random judge. */
    public List<Judge> judges() {
        return judges;
    }

    static List<String> uniqueNames(List<Judge> judges) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Judge judge : judges) {
            String base = judge.name();
            String name = base;
            for (int n = 2; !seen.add(name); n++) {
                name = base + " #" + n;
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "Evaluation{candidates=" + candidates.stream().map(Candidate::name).toList() + ", judges="
                + judges.stream().map(Judge::name).toList() + (dryRun ? ", DRY RUN" : "") + ", seed=" + seed
                + "}";
    }

    /**
     * Builds an {@link Evaluation}. Setters reject bad values at once; {@link #build()} checks how the settings fit
     * together, reports every problem at once, and leaves the builder reusable.
     */
    public static final class Builder {
        private @Nullable Iterable<Sample> dataset;
        private final Map<String, Candidate> candidates = new LinkedHashMap<>();
        private @Nullable Function<Sample, ChatRequest> prompt;
        private @Nullable String promptTemplate;
        private final List<Judge> judges = new ArrayList<>();
        private @Nullable SignificanceTest significance;
        private ObservationUnit observationUnit = ObservationUnit.SAMPLE;
        private @Nullable Function<Sample, String> clusterKey;
        private double alpha = DEFAULT_ALPHA;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int judgeConcurrency;
        private long seed = DEFAULT_SEED;
        private @Nullable ResultStore store;
        private java.nio.file.@Nullable Path resultsFile;
        private @Nullable ProgressListener listener;
        private FailurePolicy failurePolicy = FailurePolicy.defaults();
        private boolean dryRun;
        private boolean allowJudgeAsCandidate;
        private boolean allowGeneratorOverlap;
        private PriceTable prices = PriceTable.none();
        private Clock clock = Clock.systemUTC();
        private @Nullable SequentialDesign sequential;

        private Builder() {
        }

        /**
         * Sets the samples to evaluate (required): a list, a {@code Dataset}, or any iterable that gives the same
         * samples in the same order every time it is iterated. A {@code Collection} is checked for repeated sample ids
         * by {@code build()}, and a {@code Dataset} when it was made; any other iterable is read once before the run
         * asks any model, to count it (for progress)
         * and to find a repeated id in memory that does not grow with it (the run then stops before its first call,
         * naming both positions). Beyond 65,536 samples that check spills 8 bytes a sample to a temporary file in
         * {@code java.io.tmpdir}, deleted when the count ends.
         */
        public Builder dataset(Iterable<Sample> dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /**
         * Adds a candidate that uses the shared prompt.
         *
         * @throws IllegalArgumentException if the name is blank or already taken
         */
        public Builder candidate(String name, ModelClient client) {
            return candidate(Candidate.of(name, client));
        }

        /**
         * Adds a candidate (at least two are required).
         *
         * @throws IllegalArgumentException if its name is already taken
         */
        public Builder candidate(Candidate candidate) {
            Objects.requireNonNull(candidate, "candidate");
            if (candidates.containsKey(candidate.name())) {
                throw new IllegalArgumentException("candidate name '" + candidate.name() + "' is already taken");
            }
            candidates.put(candidate.name(), candidate);
            return this;
        }

        /**
         * Sets the shared prompt template, one user message in which {@code {question}} and {@code {context}} are
         * replaced by the sample's question and context, as {@link dev.raq.core.data.PromptTemplate} renders them
         * (other placeholders and escapes as documented there; a sample that cannot fill a placeholder, such as
         * {@code {context}} without a context, is recorded as a failed answer). Without a prompt, the question is
         * sent alone, preceded by the context when the sample has one.
         *
         * @throws IllegalArgumentException if the template is malformed or does not contain {@code {question}}
         */
        public Builder promptTemplate(String template) {
            this.prompt = Prompts.template(template);
            this.promptTemplate = template;
            return this;
        }

        /** Sets the shared prompt as a function from a sample to the request (for system messages, options …). */
        public Builder prompt(Function<Sample, ChatRequest> prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            this.promptTemplate = null;
            return this;
        }

        /**
         * Adds a judge; call it several times for a panel, whose per-sample consensus then feeds the statistics.
         * At least one is required unless {@link #dryRun(boolean)} is set.
         */
        public Builder judge(Judge judge) {
            judges.add(Objects.requireNonNull(judge, "judge"));
            return this;
        }

        /**
         * Sets the significance test run on the collected rankings (default:
         * {@link dev.raq.core.significance.SignificanceTests#recommended()}, Friedman with Conover and Holm, or the
         * sign test with Holm when a pairwise judge compares three or more candidates).
         */
        public Builder significance(SignificanceTest significance) {
            this.significance = Objects.requireNonNull(significance, "significance");
            return this;
        }

        /**
         * Sets what one observation of the tests and intervals is (default {@link ObservationUnit#SAMPLE}: a
         * judge's repeats and a panel's judges collapse to one observation per sample).
         * {@link ObservationUnit#JUDGE_CALL} reproduces the RAQ paper's counting and is marked in every report.
         */
        public Builder observationUnit(ObservationUnit unit) {
            this.observationUnit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Groups samples into clusters (for example SQuAD questions by article:
         * {@code clusterBy(s -> s.metadata().get("title"))}): samples of one cluster are not independent, so every
         * interval resamples whole clusters (a cluster bootstrap) and the report names the number of clusters
         * (default: none, every sample on its own). The key must not return null.
         */
        public Builder clusterBy(Function<Sample, String> clusterKey) {
            this.clusterKey = Objects.requireNonNull(clusterKey, "clusterKey");
            return this;
        }

        /**
         * Sets the significance level (default {@value #DEFAULT_ALPHA}).
         *
         * @throws IllegalArgumentException if alpha is outside (0, 1)
         */
        public Builder alpha(double alpha) {
            Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
            this.alpha = alpha;
            return this;
        }

        /**
         * Sets the most candidate calls in flight at once, over all candidates (default
         * {@value #DEFAULT_CONCURRENCY}). Judge calls have their own limit, {@link #judgeConcurrency(int)}, which
         * is this value unless set: against one provider serving candidates and an LLM judge alike, the calls in
         * flight are at most the sum of the two.
         *
         * @throws IllegalArgumentException if {@code concurrency < 1}
         */
        public Builder concurrency(int concurrency) {
            Preconditions.checkArgument(concurrency >= 1, () -> "concurrency must be >= 1 but was " + concurrency);
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Sets the most judge calls in flight at once (default: the {@link #concurrency(int)}), over all judges and
         * samples; a judge that implements only the synchronous {@link Judge#judge} counts as one call while it runs.
         * Calls beyond it wait in a queue, holding no thread. Set it to what the judge model's provider allows beside
         * the candidates' calls.
         *
         * @throws IllegalArgumentException if {@code judgeConcurrency < 1}
         */
        public Builder judgeConcurrency(int judgeConcurrency) {
            Preconditions.checkArgument(judgeConcurrency >= 1, () -> "judgeConcurrency must be >= 1 but was "
                    + judgeConcurrency);
            this.judgeConcurrency = judgeConcurrency;
            return this;
        }

        /** Sets the seed from which every random choice derives (default {@value #DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets where answers and judgments are kept and reused (default: an in-memory store that belongs to the
         * built evaluation, so that running it again reuses its results).
         */
        public Builder store(ResultStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Streams every sample's answers and judgments to this JSON Lines file ({@link
         * dev.raq.core.report.ResultsFile}) as the sample finishes, instead of keeping them in the report (default:
         * none, the report keeps them). The report then holds only what its statistics need, usually a byte per rank
         * or score, so that a million samples run in a small heap; its numbers are the same, {@code samples()} and
         * {@code consensus()} are empty, and
         * {@code EvaluationReport.readJson} rebuilds it from the file. Each run rewrites the file. Without an explicit
         * {@link #store(ResultStore)}, such an evaluation keeps no store ({@link ResultStore#none()}): give it a
         * {@code JsonlResultStore} to resume.
         */
        public Builder resultsFile(java.nio.file.Path file) {
            this.resultsFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Sets a listener told of every finished answer and sample (default: none). */
        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Aborts at the first failed candidate or judge call (true), or uses {@link FailurePolicy#defaults()} (false). */
        public Builder failFast(boolean failFast) {
            this.failurePolicy = failFast ? FailurePolicy.failFast() : FailurePolicy.defaults();
            return this;
        }

        /** Sets when the run gives up (default: {@link FailurePolicy#defaults()}). */
        public Builder failurePolicy(FailurePolicy failurePolicy) {
            this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
            return this;
        }

        /**
         * Lets candidates answer but calls no judge: the judges are replaced by {@link Judges#random()}, rankings are
         * random (from the seed) and the report is marked DRY RUN (default: false). For checking prompts, clients
         * and costs before paying for judges.
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Allows a judge that is also a candidate (default: false, because a judge tends to prefer its own
         * answers; the building fails instead).
         */
        public Builder allowJudgeAsCandidate(boolean allow) {
            this.allowJudgeAsCandidate = allow;
            return this;
        }

        /**
         * Allows a dataset generated by a model that is also a candidate or a judge (default: false). Samples of
         * {@code SyntheticDataset} name their generator ({@code raq.generator} in their metadata); the RAQ method
         * needs it to be independent, since a model answers its own questions best and a judge favours them.
         */
        public Builder allowGeneratorOverlap(boolean allow) {
            this.allowGeneratorOverlap = allow;
            return this;
        }

        /** Sets prices for the cost estimates in the report (default: {@link PriceTable#none()}, no cost shown). */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /**
         * Lets the run stop early once every pair of candidates differs significantly at a look, spending alpha over
         * the looks so that the chance of any false verdict stays at most alpha (default: none, every sample is
         * evaluated). See {@link SequentialDesign}.
         */
        public Builder sequential(@Nullable SequentialDesign design) {
            this.sequential = design;
            return this;
        }

        /** Sets the clock for elapsed time and ETA in progress reports (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the evaluation.
         *
         * @throws IllegalStateException listing every problem: no dataset, fewer than two candidates, no judge
         *                               (unless dry run), or a judge that is also a candidate (unless allowed)
         */
        public Evaluation build() {
            List<String> problems = new ArrayList<>();
            if (dataset == null) {
                problems.add("no dataset: call dataset(...)");
            }
            if (candidates.size() < 2) {
                problems.add("at least two candidates are needed but " + candidates.size() + " "
                        + (candidates.size() == 1 ? "was" : "were") + " added");
            }
            if (judges.isEmpty() && !dryRun) {
                problems.add("no judge: call judge(...), or dryRun(true) to try the candidates without judging");
            }
            if (dataset instanceof java.util.Collection<?>) {
                if (((java.util.Collection<?>) dataset).isEmpty()) {
                    problems.add("the dataset is empty: there is nothing to evaluate");
                }
                SampleIds.firstRepeat(dataset).ifPresent(problems::add);
            }
            if (!allowJudgeAsCandidate) {
                for (Judge judge : judges) {
                    selfPreference(judge).ifPresent(problems::add);
                }
            }
            if (!allowGeneratorOverlap && (dataset instanceof java.util.Collection<?>
                    || dataset instanceof dev.raq.core.data.Dataset)) {
                generatorOverlap(Objects.requireNonNull(dataset)).ifPresent(problems::add);
            }
            if (candidates.size() > 2) {
                for (Judge judge : judges) {
                    if (judge.ranksAllAnswers()) {
                        continue;
                    }
                    if (judges.size() > 1) {
                        problems.add("judge '" + judge.name() + "' ranks pairs of answers, but a panel's consensus "
                                + "ranks all answers of a sample: evaluate it in an evaluation of its own");
                    } else if (significance != null && significance.needsCompleteRankings()) {
                        problems.add("judge '" + judge.name() + "' ranks pairs of answers, but " + significance.name()
                                + " needs rankings of every candidate: use SignificanceTests.signTest(PAdjust.HOLM) "
                                + "or wilcoxon(PAdjust.HOLM), which compare each pair on the samples that rank both");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build the evaluation:\n  - " + String.join("\n  - ",
                        problems));
            }
            return new Evaluation(this, Objects.requireNonNull(dataset), significance != null ? significance : defaultTest());
        }

        /** The recommended test, or the sign test where a judge ranks pairs of three or more candidates. */
        private SignificanceTest defaultTest() {
            boolean pairs = candidates.size() > 2 && judges.stream().anyMatch(j -> !j.ranksAllAnswers());
            return pairs ? SignificanceTests.signTest(dev.raq.stats.PAdjust.HOLM) : SignificanceTests.recommended();
        }

        /** A model that generated samples of an in-memory dataset and is also a candidate or a judge. */
        private Optional<String> generatorOverlap(Iterable<Sample> samples) {
            Set<String> generators = new java.util.LinkedHashSet<>();
            for (Sample s : samples) {
                String g = s.metadata().get("raq.generator");
                if (g != null) {
                    generators.add(g);
                }
            }
            for (String g : generators) {
                for (Candidate c : candidates.values()) {
                    if (c.client().isPresent() && c.client().get().modelId().filter(g::equals).isPresent()) {
                        return Optional.of("the dataset was generated by model " + g + ", which is also candidate '"
                                + c.name() + "': a model answers its own questions best; generate with another "
                                + "model, or call allowGeneratorOverlap(true) to accept the bias");
                    }
                }
                for (Judge judge : judges) {
                    for (ModelClient client : judge.clients()) {
                        if (client.modelId().filter(g::equals).isPresent()) {
                            return Optional.of("the dataset was generated by model " + g + ", which is also judge '"
                                    + judge.name() + "': a judge favours answers to its own questions; generate "
                                    + "with another model, or call allowGeneratorOverlap(true) to accept the bias");
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<String> selfPreference(Judge judge) {
            for (ModelClient judgeClient : judge.clients()) {
                Optional<String> judgeModel = judgeClient.modelId().filter(m -> !m.isBlank());
                for (Candidate c : candidates.values()) {
                    if (c.client().isEmpty()) {
                        continue; // an application is the user's own system, not a model a judge could favour
                    }
                    boolean same = c.client().get() == judgeClient;
                    boolean sameModel = judgeModel.isPresent() && judgeModel.equals(c.client().get().modelId());
                    if (same || sameModel) {
                        return Optional.of("judge '" + judge.name() + "' is also candidate '" + c.name() + "'"
                                + (sameModel ? " (model " + judgeModel.get() + ")" : " (same client)")
                                + ": a judge tends to prefer its own answers; use another judge model, or call "
                                + "allowJudgeAsCandidate(true) to accept the bias");
                    }
                }
            }
            return Optional.empty();
        }
    }
}
