package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.store.StoreKeys;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of an {@link Evaluation}: admits samples as capacity allows, dispatches candidate calls under the global
 * and per-candidate limits without blocking a thread per call, judges each sample once its answers are in, and
 * builds the report when everything has finished (or the failure policy aborted the run).
 *
 * <p>All scheduling state is guarded by {@code lock}; {@link #drain()} is serialized by a work-in-progress counter
 * so that callbacks from any thread (including ones completing synchronously) never recurse or block.
 */
final class EvaluationRun {


    private final Evaluation ev;
    private final int k;
    private final List<String> names;
    /** What keys each candidate's stored answers: its client's fingerprint or its application's version. */
    private final String[] candidateFingerprints;
    /**
     * What keys each judge's stored judgments, computed once per run (it renders the judge's prompt); null for a
     * judge that calls no model (a metric), which is cheap and deterministic, so recomputed and never stored.
     */
    private final @Nullable String[] judgeFingerprints;
    private final int[] limits;
    private final int[] inFlight;
    private final List<ArrayDeque<Call>> queues;
    private final List<String> judgeNames;
    private final EvaluationReport.Builder report;
    private final CompletableFuture<EvaluationReport> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private final GuardedResultStore store;
    private final GuardedProgressListener listener;
    private final AtomicInteger wip = new AtomicInteger();
    private final int maxOpenSamples;
    private final Set<SampleTask> open = new LinkedHashSet<>();
    private final Map<String, Integer> seenIds = new java.util.HashMap<>(); // guarded by lock
    private @Nullable ExecutorService blocking;
    private @Nullable ExecutorService judgePool;
    private @Nullable Iterator<Sample> samples;
    private Instant started = Instant.EPOCH;

    // guarded by lock
    private int total;
    private int nextIndex;
    private int openSamples;
    private int globalInFlight;
    private int judgesRunning;
    private int roundRobin;
    private boolean exhausted;
    private boolean finished;
    private @Nullable String abortReason;
    private int samplesDone;
    private long answers;
    private long answerErrors;
    private long judgments;
    private long judgeErrors;
    private final int[] candidateFinished;
    private final int[] candidateFailed;
    private final @Nullable String[] candidateFirstError;
    private int[] judgeFinished = new int[0];
    private int[] judgeUsable = new int[0];
    private @Nullable String[] judgeFirstError = new String[0];
    private int samplesWithTwoAnswers;

    EvaluationRun(Evaluation ev) {
        this.ev = ev;
        this.store = new GuardedResultStore(ev.store);
        this.listener = ev.listener == null ? GuardedProgressListener.NONE : new GuardedProgressListener(ev.listener);
        this.k = ev.candidates.size();
        this.names = ev.candidates.stream().map(Candidate::name).toList();
        this.candidateFingerprints = new String[k];
        this.limits = new int[k];
        this.inFlight = new int[k];
        this.queues = new ArrayList<>();
        this.candidateFinished = new int[k];
        this.candidateFailed = new int[k];
        this.candidateFirstError = new String[k];
        for (int i = 0; i < k; i++) {
            Candidate c = ev.candidates.get(i);
            candidateFingerprints[i] = c.fingerprint();
            limits[i] = c.maxConcurrency().orElse(Integer.MAX_VALUE);
            queues.add(new ArrayDeque<>());
        }
        this.judgeNames = uniqueNames(ev.judges);
        this.judgeFingerprints = ev.judges.stream().map(j -> j.clients().isEmpty() ? null : j.fingerprint())
                .toArray(String[]::new);
        this.judgeFinished = new int[judgeNames.size()];
        this.judgeUsable = new int[judgeNames.size()];
        this.judgeFirstError = new String[judgeNames.size()];
        this.maxOpenSamples = 2 * ev.concurrency + 2;
        this.report = EvaluationReport.builder(names).judges(judgeNames).dryRun(ev.dryRun).seed(ev.seed)
                .alpha(ev.alpha).significance(ev.significance).observationUnit(ev.observationUnit)
                .clusterBy(ev.clusterKey).prices(ev.prices);
    }

    CompletableFuture<EvaluationReport> start() {
        total = count(ev.dataset);
        samples = ev.dataset.iterator();
        started = ev.clock.instant();
        blocking = Executors.newFixedThreadPool(ev.concurrency, daemon("raq-model-"));
        judgePool = Executors.newFixedThreadPool(ev.concurrency, daemon("raq-judge-"));
        drain();
        return result;
    }

    /** The seed judge {@code judgeIndex} gets for a sample: a function of the evaluation seed and the sample only. */
    static long judgeSeed(long seed, String sampleId, int judgeIndex) {
        long h = 0xcbf29ce484222325L;
        for (byte b : sampleId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(mix(seed ^ mix(h)) + judgeIndex * 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            List<SampleTask> admitted;
            synchronized (lock) {
                admitted = admit();
            }
            // rendering prompts, hashing keys and asking the store happen outside the lock
            List<Runnable> actions = new ArrayList<>();
            List<Call> calls = new ArrayList<>();
            for (SampleTask task : admitted) {
                for (int i = 0; i < k; i++) {
                    prepare(task, i, actions, calls);
                }
            }
            boolean finishNow;
            synchronized (lock) {
                if (abortReason == null) {
                    calls.forEach(call -> queues.get(call.candidate).add(call));
                }
                launch(actions);
                finishNow = !finished && done();
                finished |= finishNow;
            }
            for (Runnable action : actions) {
                action.run();
            }
            if (finishNow) {
                finish();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private boolean done() {
        return abortReason == null ? exhausted && openSamples == 0 : globalInFlight == 0 && judgesRunning == 0;
    }

    private List<SampleTask> admit() {
        List<SampleTask> admitted = new ArrayList<>();
        Iterator<Sample> it = Objects.requireNonNull(samples);
        while (abortReason == null && !exhausted && openSamples < maxOpenSamples) {
            Sample sample;
            try {
                if (!it.hasNext()) {
                    exhausted = true;
                    break;
                }
                sample = Objects.requireNonNull(it.next(), "the dataset returned a null sample");
            } catch (RuntimeException e) {
                abortReason = "the dataset failed: " + describe(e);
                exhausted = true;
                break;
            }
            Integer earlier = seenIds.putIfAbsent(sample.id(), nextIndex);
            if (earlier != null) {
                abortReason = "samples " + earlier + " and " + nextIndex + " of the dataset share the id '"
                        + sample.id() + "'; ids must be unique";
                exhausted = true;
                break;
            }
            SampleTask task = new SampleTask(nextIndex++, sample, k);
            openSamples++;
            open.add(task);
            admitted.add(task);
        }
        return admitted;
    }

    private void prepare(SampleTask task, int i, List<Runnable> actions, List<Call> calls) {
        Candidate c = ev.candidates.get(i);
        ChatRequest request;
        try {
            ChatRequest rendered = c.prompt().orElse(ev.prompt).apply(task.sample);
            request = rendered.toBuilder().options(rendered.options().merge(c.options())).build();
        } catch (RuntimeException e) {
            AnswerRecord failed = AnswerRecord.failed(c.name(), "the prompt failed: " + describe(e),
                    FailureCause.of(e));
            actions.add(() -> onAnswer(task, i, failed));
            return;
        }
        String key = StoreKeys.answer(c.name(), candidateFingerprints[i], request);
        Completion stored = store.answer(key).orElse(null);
        if (stored != null) {
            AnswerRecord reused = AnswerRecord.answered(c.name(), stored, true);
            actions.add(() -> onAnswer(task, i, reused));
        } else {
            calls.add(new Call(task, i, request, key));
        }
    }

    private void launch(List<Runnable> actions) {
        boolean progress = true;
        while (abortReason == null && progress && globalInFlight < ev.concurrency) {
            progress = false;
            for (int n = 0; n < k && globalInFlight < ev.concurrency; n++) {
                int i = (roundRobin + n) % k;
                ArrayDeque<Call> q = queues.get(i);
                if (!q.isEmpty() && inFlight[i] < limits[i]) {
                    Call call = q.poll();
                    globalInFlight++;
                    inFlight[i]++;
                    actions.add(() -> send(call));
                    progress = true;
                }
            }
            roundRobin = (roundRobin + 1) % k;
        }
    }

    private void send(Call call) {
        CompletableFuture<Completion> future;
        long start = System.nanoTime();
        try {
            future = ev.candidates.get(call.candidate).answer(call.task.sample, call.request,
                    Objects.requireNonNull(blocking));
            if (future == null) {
                future = CompletableFuture.failedFuture(new NullPointerException("the candidate returned no future"));
            }
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        boolean timed = !ev.candidates.get(call.candidate).replays();
        future.whenComplete((completion, error) -> onCallDone(call, timed ? timed(completion, start) : completion,
                error));
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

    private void onCallDone(Call call, @Nullable Completion completion, @Nullable Throwable error) {
        String name = names.get(call.candidate);
        AnswerRecord record;
        if (error != null || completion == null) {
            String where = ev.candidates.get(call.candidate).endpoint().map(e -> " [endpoint " + e + "]").orElse("");
            record = AnswerRecord.failed(name, (error == null ? "the client returned no completion"
                    : describe(error)) + where, error == null ? FailureCause.OTHER : FailureCause.of(error));
        } else {
            record = AnswerRecord.answered(name, completion, false);
            store.putAnswer(call.key, completion);
        }
        onAnswer(call.task, call.candidate, record);
        synchronized (lock) {
            // released after the answer is recorded, so that an aborted run never finishes without it
            globalInFlight--;
            inFlight[call.candidate]--;
        }
        drain();
    }

    private void onAnswer(SampleTask task, int i, AnswerRecord record) {
        synchronized (lock) {
            answers++;
            candidateFinished[i]++;
            if (!record.succeeded()) {
                answerErrors++;
                candidateFailed[i]++;
                if (candidateFirstError[i] == null) {
                    candidateFirstError[i] = record.error();
                }
                checkPolicy("candidate '" + record.candidate() + "' on sample '" + task.sample.id() + "': "
                        + record.error());
                checkDead(candidateFinished[i], candidateFailed[i], "candidate '" + record.candidate() + "'",
                        "calls", record.error());
            }
        }
        boolean complete;
        synchronized (task) {
            task.answers[i] = record;
            complete = --task.remaining == 0;
        }
        progress();
        if (complete) {
            onAnswersComplete(task);
        }
    }

    private void onAnswersComplete(SampleTask task) {
        List<CandidateAnswer> answered = new ArrayList<>();
        for (AnswerRecord a : task.answers) {
            Completion c = a.completion();
            if (c != null) {
                answered.add(new CandidateAnswer(a.candidate(), c.text()));
            }
        }
        boolean aborted;
        synchronized (lock) {
            aborted = abortReason != null;
        }
        if (answered.size() >= 2) {
            synchronized (lock) {
                samplesWithTwoAnswers++;
            }
        }
        if (answered.size() < 2) {
            finishSample(task, List.of(), "only " + answered.size() + " of " + k + " candidates answered");
        } else if (aborted) {
            finishSample(task, List.of(), "the evaluation was aborted before judging");
        } else {
            judge(task, answered);
        }
    }

    private void judge(SampleTask task, List<CandidateAnswer> answered) {
        int judges = ev.judges.size();
        synchronized (task) {
            task.judgments = new Judgment[judges];
            task.judgesRemaining = judges;
        }
        for (int j = 0; j < judges; j++) {
            int judgeIndex = j;
            long seed = judgeSeed(ev.seed, task.sample.id(), j);
            String fingerprint = judgeFingerprints[j];
            String key = fingerprint == null ? null : StoreKeys.judgment(fingerprint, task.sample, answered, seed);
            Judgment stored = key == null ? null : store.judgment(key).orElse(null);
            if (stored != null) {
                String name = judgeNames.get(j);
                onJudged(task, j, stored.judge().equals(name) ? stored
                        : new Judgment(name, stored.sampleId(), stored.calls(), stored.scores()));
                continue;
            }
            synchronized (lock) {
                judgesRunning++;
            }
            Objects.requireNonNull(judgePool).execute(() -> runJudge(task, judgeIndex, answered, seed, key));
        }
    }

    private void runJudge(SampleTask task, int j, List<CandidateAnswer> answered, long seed, @Nullable String key) {
        Judge judge = ev.judges.get(j);
        String name = judgeNames.get(j);
        Judgment judgment;
        try {
            Judgment raw = Objects.requireNonNull(judge.judge(new JudgeInput(task.sample, answered, seed)),
                    "the judge returned no judgment");
            judgment = raw.judge().equals(name) ? raw : new Judgment(name, raw.sampleId(), raw.calls(), raw.scores());
        } catch (RuntimeException e) {
            judgment = Judgment.of(name, task.sample.id(), List.of(JudgeCall.failed(
                    answered.stream().map(CandidateAnswer::candidate).toList(), null, describe(e), FailureCause.of(e),
                    Map.of())));
        }
        if (key != null && !judgment.failed()) {
            store.putJudgment(key, judgment);
        }
        onJudged(task, j, judgment);
        synchronized (lock) {
            judgesRunning--;
        }
        drain();
    }

    private void onJudged(SampleTask task, int j, Judgment judgment) {
        synchronized (lock) {
            judgments++;
            judgeFinished[j]++;
            if (judgment.failed()) {
                judgeErrors++;
                String error = judgment.calls().get(judgment.calls().size() - 1).error().orElse("no ranking");
                if (judgeFirstError[j] == null) {
                    judgeFirstError[j] = error;
                }
                checkPolicy("judge '" + judgment.judge() + "' on sample '" + task.sample.id() + "': " + error);
                checkDead(judgeFinished[j], judgeFinished[j] - judgeUsable[j], "judge '" + judgment.judge() + "'",
                        "judgments", error);
            } else {
                judgeUsable[j]++;
            }
        }
        boolean complete;
        Judgment[] all;
        synchronized (task) {
            task.judgments[j] = judgment;
            complete = --task.judgesRemaining == 0;
            all = task.judgments;
        }
        if (complete) {
            finishSample(task, Arrays.asList(all), null);
        }
    }

    private void finishSample(SampleTask task, List<Judgment> judged, @Nullable String notJudged) {
        report.add(new SampleResult(task.index, task.sample, Arrays.asList(task.answers), judged, notJudged));
        synchronized (lock) {
            samplesDone++;
            openSamples--;
            open.remove(task);
        }
        progress();
        drain();
    }

    private void checkPolicy(String lastError) {
        if (abortReason != null) {
            return;
        }
        long items = answers + judgments;
        long errors = answerErrors + judgeErrors;
        FailurePolicy p = ev.failurePolicy;
        if (p.stopAtFirstError()) {
            abortReason = "failing fast at the first error (" + lastError + ")";
        } else if (items >= p.minItems() && errors > p.maxErrorRate() * items) {
            abortReason = String.format(Locale.ROOT, "%d of %d finished items failed (%.1f%%), more than the "
                    + "maximum error rate of %.1f%%; last error: %s", errors, items, 100.0 * errors / items,
                    100 * p.maxErrorRate(), lastError);
        }
        if (abortReason != null) {
            queues.forEach(ArrayDeque::clear);
        }
    }

    /** Aborts when the first {@code deadAfter} finished items of one candidate or judge all failed. */
    private void checkDead(int finishedItems, int failedItems, String who, String items, @Nullable String error) {
        int n = ev.failurePolicy.deadAfter();
        if (abortReason == null && n > 0 && finishedItems == n && failedItems == n) {
            abortReason = "the first " + n + " " + items + " of " + who + " all failed; the first: " + error;
            queues.forEach(ArrayDeque::clear);
        }
    }

    /** Why a run that finished has no evidence to report, or null when it has some. */
    private @Nullable String noEvidence() {
        if (total == 0 || samplesDone == 0) {
            return "the dataset had no samples";
        }
        if (samplesWithTwoAnswers == 0) {
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (candidateFirstError[i] != null) {
                    errors.add("'" + names.get(i) + "': " + candidateFirstError[i]);
                }
            }
            return "no sample was answered by two candidates, so nothing could be judged; first errors: "
                    + (errors.isEmpty() ? "none" : String.join("; ", errors));
        }
        for (int j = 0; j < judgeNames.size(); j++) {
            if (judgeFinished[j] > 0 && judgeUsable[j] == 0) {
                return "judge '" + judgeNames.get(j) + "' produced no usable judgment in " + judgeFinished[j]
                        + " samples; the first error: " + judgeFirstError[j];
            }
        }
        return null;
    }

    private void finish() {
        String reason;
        List<SampleTask> unfinished;
        synchronized (lock) {
            if (abortReason == null) {
                abortReason = noEvidence();
            }
            reason = abortReason;
            unfinished = new ArrayList<>(open);
        }
        for (SampleTask task : unfinished) {
            List<AnswerRecord> finishedAnswers = new ArrayList<>();
            synchronized (task) {
                for (AnswerRecord a : task.answers) {
                    if (a != null) {
                        finishedAnswers.add(a);
                    }
                }
            }
            if (!finishedAnswers.isEmpty()) {
                report.add(new SampleResult(task.index, task.sample, finishedAnswers, List.of(),
                        "the evaluation was aborted before this sample finished"));
            }
        }
        Objects.requireNonNull(blocking).shutdown();
        Objects.requireNonNull(judgePool).shutdown();
        try {
            EvaluationReport r = report.aborted(reason).build();
            if (reason == null) {
                result.complete(r);
            } else {
                result.completeExceptionally(new EvaluationAbortedException("evaluation aborted after "
                        + samplesDone + " of " + total + " samples: " + reason, r));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void progress() {
        if (!listener.active()) {
            return;
        }
        synchronized (listener) { // progress is computed and delivered in one step, so the listener sees it in order
            Progress p;
            synchronized (lock) {
                Duration elapsed = Duration.between(started, ev.clock.instant());
                Duration eta = samplesDone == 0 ? null
                        : elapsed.multipliedBy(Math.max(0, total - samplesDone)).dividedBy(samplesDone);
                p = new Progress(samplesDone, total, answers, answerErrors, judgments, judgeErrors, elapsed, eta);
            }
            listener.onProgress(p);
        }
    }

    private static int count(Iterable<Sample> dataset) {
        if (dataset instanceof Collection<?>) {
            return ((Collection<?>) dataset).size();
        }
        int n = 0;
        for (Iterator<Sample> it = dataset.iterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    private static List<String> uniqueNames(List<Judge> judges) {
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

    static String describe(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One sample on its way through the run; its arrays are guarded by the task itself. */
    private static final class SampleTask {
        final int index;
        final Sample sample;
        final AnswerRecord[] answers;
        int remaining;
        Judgment[] judgments = new Judgment[0];
        int judgesRemaining;

        SampleTask(int index, Sample sample, int candidates) {
            this.index = index;
            this.sample = sample;
            this.answers = new AnswerRecord[candidates];
            this.remaining = candidates;
        }
    }

    /** A candidate call waiting for a permit. */
    private record Call(SampleTask task, int candidate, ChatRequest request, String key) {
    }
}
