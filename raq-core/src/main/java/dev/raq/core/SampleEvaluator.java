package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.ModelCalls;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.SampleResult;
import dev.raq.core.store.ResultStore;
import dev.raq.core.store.StoreKeys;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The whole route of one sample, as one future: render each candidate's prompt, reuse its stored answer or ask it
 * (timed by RAQ unless the client timed itself), store the answer, then for every judge reuse its stored judgment or
 * judge, store the judgment, and return the {@link SampleResult}.
 *
 * <p>It knows what to do with a sample, not when: {@link Evaluation#run()} schedules samples through one under its
 * concurrency limits and failure policy, and anything else can too. A distributed run maps samples through an
 * evaluator on each worker, adds the results to each worker's {@link Evaluation#reportBuilder()} and merges the
 * builders.
 * Thread-safe; it never completes exceptionally for a candidate's or a judge's failure, which it records in the
 * result.
 *
 * <pre>{@code
 * SampleEvaluator evaluator = SampleEvaluator.of(evaluation, executor);
 * SampleResult result = evaluator.evaluate(0, sample).join();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleEvaluator {

    private final Evaluation ev;
    private final Executor callExecutor;
    /** Judge calls in flight, at most the evaluation's {@code judgeConcurrency}. */
    private final JudgeCallLimit judgeCalls;
    private final Scheduling scheduling;
    private final GuardedResultStore store;
    private final List<String> judgeNames;
    /** What keys each candidate's stored answers: its client's fingerprint or its application's version. */
    private final String[] candidateFingerprints;
    /**
     * What keys each judge's stored judgments, computed once (it renders the judge's prompt); null for a judge that
     * calls no model (a metric), which is cheap and deterministic, so recomputed and never stored.
     */
    private final @Nullable String[] judgeFingerprints;

    SampleEvaluator(Evaluation ev, Executor callExecutor, Executor judgeExecutor, GuardedResultStore store,
                    Scheduling scheduling) {
        this.ev = ev;
        this.callExecutor = callExecutor;
        this.judgeCalls = new JudgeCallLimit(ev.judgeConcurrency, judgeExecutor);
        this.store = store;
        this.scheduling = scheduling;
        this.judgeNames = ev.judgeNames;
        this.candidateFingerprints = ev.candidates.stream().map(Candidate::fingerprint).toArray(String[]::new);
        this.judgeFingerprints = ev.judges.stream().map(j -> j.clients().isEmpty() ? null : j.fingerprint())
                .toArray(String[]::new);
    }

    /**
     * An evaluator of this evaluation's candidates and judges, with its store and seed, that runs blocking candidate
     * calls and synchronous judges on the executor. Candidate calls are not limited: the caller admits samples at the
     * pace it wants. Judge calls are, to the evaluation's {@code judgeConcurrency} in flight.
     */
    public static SampleEvaluator of(Evaluation evaluation, Executor executor) {
        Objects.requireNonNull(evaluation, "evaluation");
        return of(evaluation, executor, evaluation.store);
    }

    /**
     * As {@link #of(Evaluation, Executor)}, keeping and reusing answers and judgments in {@code store} instead of the
     * evaluation's own: a distributed run gives each worker a store of its own that a retry of its work reopens.
     */
    public static SampleEvaluator of(Evaluation evaluation, Executor executor, ResultStore store) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(store, "store");
        return new SampleEvaluator(evaluation, executor, executor, new GuardedResultStore(store), Scheduling.NONE);
    }

    /**
     * Evaluates one sample.
     *
     * @param index the sample's position in the dataset (results are reported in this order)
     * @return the sample's answers and judgments; a sample fewer than two candidates answered is not judged, and
     *     says why
     */
    public CompletableFuture<SampleResult> evaluate(int index, Sample sample) {
        Objects.requireNonNull(sample, "sample");
        List<CompletableFuture<AnswerRecord>> answers = new ArrayList<>();
        for (int i = 0; i < ev.candidates.size(); i++) {
            int candidate = i;
            answers.add(answer(candidate, sample).thenApply(record -> {
                scheduling.answered(index, candidate, record);
                return record;
            }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenCompose(done -> {
                    List<AnswerRecord> records = answers.stream().map(CompletableFuture::join).toList();
                    return judgeAll(sample, records).thenApply(judged ->
                            new SampleResult(index, sample, records, judged.judgments, judged.notJudged));
                });
    }

    /** Candidate i's answer: stored, asked, or the failure that kept it from being asked. */
    private CompletableFuture<AnswerRecord> answer(int i, Sample sample) {
        Candidate c = ev.candidates.get(i);
        ChatRequest request;
        try {
            ChatRequest rendered = c.prompt().orElse(ev.prompt).apply(sample);
            request = rendered.toBuilder().options(rendered.options().merge(c.options())).build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(AnswerRecord.failed(c.name(), "the prompt failed: "
                    + describe(e), FailureCause.of(e)));
        }
        String key = StoreKeys.answer(c.name(), candidateFingerprints[i], request);
        Completion stored = store.answer(key).orElse(null);
        if (stored != null) {
            return CompletableFuture.completedFuture(AnswerRecord.answered(c.name(), stored, true));
        }
        return scheduling.call(i, () -> ask(c, sample, request)).handle((completion, error) -> {
            if (error != null || completion == null) {
                String where = c.endpoint().map(e -> " [endpoint " + e + "]").orElse("");
                return AnswerRecord.failed(c.name(), (error == null ? "the client returned no completion"
                        : describe(error)) + where, error == null ? FailureCause.OTHER : FailureCause.of(error));
            }
            store.putAnswer(key, completion);
            return AnswerRecord.answered(c.name(), completion, false);
        });
    }

    /** Asks the candidate now, timing the call unless the candidate replays recordings. */
    private CompletableFuture<Completion> ask(Candidate c, Sample sample, ChatRequest request) {
        long start = System.nanoTime();
        CompletableFuture<Completion> future;
        try {
            future = c.answer(sample, request, callExecutor);
            if (future == null) {
                future = CompletableFuture.failedFuture(new NullPointerException("the candidate returned no future"));
            }
        } catch (Throwable e) { // an Error too (no thread for a blocking client): recorded, never lost
            future = CompletableFuture.failedFuture(e);
        }
        return c.replays() ? future : future.thenApply(completion -> timed(completion, start));
    }

    /**
     * The completion with the latency RAQ measured around the call, unless the client measured its own (which wins:
     * it excludes queueing in the client and knows the time to first token).
     */
    private static @Nullable Completion timed(@Nullable Completion completion, long start) {
        if (completion == null || completion.latency().isPresent()) {
            return completion;
        }
        return completion.toBuilder().latency(Duration.ofNanos(Math.max(0, System.nanoTime() - start))).build();
    }

    /** Every judge's judgment of the answers, or why the sample is not judged. */
    private CompletableFuture<Judged> judgeAll(Sample sample, List<AnswerRecord> records) {
        List<CandidateAnswer> answered = new ArrayList<>();
        for (AnswerRecord a : records) {
            Completion c = a.completion();
            if (c != null) {
                answered.add(new CandidateAnswer(a.candidate(), c.text()));
            }
        }
        if (answered.size() < 2) {
            return CompletableFuture.completedFuture(Judged.not("only " + answered.size() + " of "
                    + records.size() + " candidates answered"));
        }
        if (scheduling.stopped()) {
            return CompletableFuture.completedFuture(Judged.not("the evaluation was aborted before judging"));
        }
        List<CompletableFuture<Judgment>> judgments = new ArrayList<>();
        for (int j = 0; j < ev.judges.size(); j++) {
            int judge = j;
            judgments.add(judgment(judge, sample, answered).thenApply(judgment -> {
                scheduling.judged(sample, judge, judgment);
                return judgment;
            }));
        }
        return CompletableFuture.allOf(judgments.toArray(CompletableFuture[]::new))
                .thenApply(done -> new Judged(judgments.stream().map(CompletableFuture::join).toList(), null));
    }

    /**
     * Judge j's judgment: stored, or judged and stored. A judge that calls a model sends its calls under the judge
     * limit; one that calls none (a metric) is quick and never waits, so it runs where the last answer arrived.
     */
    private CompletableFuture<Judgment> judgment(int j, Sample sample, List<CandidateAnswer> answered) {
        long seed = judgeSeed(ev.seed, sample.id(), j);
        String fingerprint = judgeFingerprints[j];
        String key = fingerprint == null ? null : StoreKeys.judgment(fingerprint, sample, answered, seed);
        Judgment stored = key == null ? null : store.judgment(key).orElse(null);
        if (stored != null) {
            return CompletableFuture.completedFuture(named(stored, judgeNames.get(j)));
        }
        Judge judge = ev.judges.get(j);
        String name = judgeNames.get(j);
        JudgeInput input = new JudgeInput(sample, answered, seed);
        if (fingerprint == null) {
            try {
                return CompletableFuture.completedFuture(checked(judge.judge(input), name));
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(failed(name, sample, answered, e));
            }
        }
        String storeKey = Objects.requireNonNull(key);
        CompletableFuture<Judgment> judging;
        try {
            judging = judge.judgeAsync(input, judgeCalls);
        } catch (RuntimeException e) {
            judging = CompletableFuture.failedFuture(e);
        }
        if (judging == null) {
            judging = CompletableFuture.failedFuture(new NullPointerException("the judge returned no future"));
        }
        return judging.handle((judgment, error) -> {
            if (error != null && ModelCalls.unwrap(error) instanceof Error fatal) {
                throw fatal; // not a judge's failure to record: the sample fails, and the run stops saying why
            }
            Judgment result = error != null ? failed(name, sample, answered, error)
                    : judgment == null ? failed(name, sample, answered, new NullPointerException(
                            "the judge returned no judgment")) : named(judgment, name);
            if (!result.failed()) {
                store.putJudgment(storeKey, result);
            }
            return result;
        });
    }

    /** The judgment under the evaluation's name for its judge. */
    private static Judgment checked(@Nullable Judgment judgment, String name) {
        return named(Objects.requireNonNull(judgment, "the judge returned no judgment"), name);
    }

    private static Judgment failed(String name, Sample sample, List<CandidateAnswer> answered, Throwable e) {
        return Judgment.of(name, sample.id(), List.of(JudgeCall.failed(
                answered.stream().map(CandidateAnswer::candidate).toList(), null, describe(e), FailureCause.of(e),
                Map.of())));
    }

    private static Judgment named(Judgment judgment, String name) {
        return judgment.judge().equals(name) ? judgment
                : new Judgment(name, judgment.sampleId(), judgment.calls(), judgment.scores());
    }

    /** The seed judge {@code judgeIndex} gets for a sample: a function of the evaluation seed and the sample only. */
    static long judgeSeed(long seed, String sampleId, int judgeIndex) {
        long h = 0xcbf29ce484222325L;
        for (byte b : sampleId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return Hash64.mix(Hash64.mix(seed ^ Hash64.mix(h)) + judgeIndex * 0x9E3779B97F4A7C15L);
    }

    /** The root cause's class and message, without the future's wrappers. */
    static String describe(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The judgments of one sample, or why it was not judged. */
    private record Judged(List<Judgment> judgments, @Nullable String notJudged) {
        static Judged not(String why) {
            return new Judged(List.of(), why);
        }
    }

    /**
     * What a scheduler sees of the route: it decides when a candidate call is sent (limits), hears of every answer
     * and judgment as it finishes (failure policy, progress), and can stop judging (an aborted run).
     */
    interface Scheduling {

        /** Sends every call at once and never stops. */
        Scheduling NONE = new Scheduling() {
        };

        /** Sends the call now or later; the default sends it now. */
        default CompletableFuture<Completion> call(int candidate, Supplier<CompletableFuture<Completion>> call) {
            return call.get();
        }

        /** Candidate {@code candidate} answered sample {@code index} (or failed to). */
        default void answered(int index, int candidate, AnswerRecord record) {
        }

        /** Judge {@code judge} judged the sample (or failed to). */
        default void judged(Sample sample, int judge, Judgment judgment) {
        }

        /** True once no more samples should be judged. */
        default boolean stopped() {
            return false;
        }
    }
}
