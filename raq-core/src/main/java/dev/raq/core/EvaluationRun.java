package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ResultsFile;
import dev.raq.core.report.SampleResult;
import dev.raq.core.report.SequentialOutcome;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One run of an {@link Evaluation}: admits samples as capacity allows, hands each to the {@link SampleEvaluator},
 * sends candidate calls under the global and per-candidate limits without blocking a thread per call, applies the
 * failure policy, reports progress, and builds the report when everything has finished (or the policy aborted the
 * run). What happens to a sample is the evaluator's; when it happens is this class's.
 *
 * <p>All scheduling state is guarded by {@code lock}; {@link #drain()} is serialized by a work-in-progress counter
 * so that callbacks from any thread (including ones completing synchronously) never recurse or block.
 */
final class EvaluationRun implements SampleEvaluator.Scheduling {

    private final Evaluation ev;
    private final int k;
    private final List<String> names;
    private final int[] limits;
    private final int[] inFlight;
    private final List<ArrayDeque<Call>> queues;
    /** Calls the evaluator asked for during this drain, moved to {@link #queues} under the lock. */
    private final Queue<Call> incoming = new ConcurrentLinkedQueue<>();
    private final List<String> judgeNames;
    private final EvaluationReport.Builder report;
    private final CompletableFuture<EvaluationReport> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private final GuardedProgressListener listener;
    private final AtomicInteger wip = new AtomicInteger();
    private final int maxOpenSamples;
    /** Runs candidates' blocking calls; judges run on their own pool, so neither starves the other. */
    private final ExecutorService callPool;
    private final ExecutorService judgePool;
    private final SampleEvaluator evaluator;
    private @Nullable ResultsFile results;
    private @Nullable Iterator<Sample> samples;
    private Instant started = Instant.EPOCH;

    // guarded by lock
    private final Map<Integer, SampleTask> open = new LinkedHashMap<>();
    private int total;
    private int nextIndex;
    private int globalInFlight;
    private int judging;
    private int roundRobin;
    private boolean exhausted;
    private boolean finished;
    /** Written under the lock; volatile so that {@link #stopped()} reads it without one. */
    private volatile @Nullable String abortReason;
    private int samplesDone;
    private long answers;
    private long answerErrors;
    private long judgments;
    private long judgeErrors;
    private final int[] candidateFinished;
    private final int[] candidateFailed;
    private final @Nullable String[] candidateFirstError;
    private final int[] judgeFinished;
    private final int[] judgeUsable;
    private final @Nullable String[] judgeFirstError;
    private int samplesWithTwoAnswers;
    // sequential looks (guarded by lock): admission stops at the next look until every admitted sample finished
    private int look;
    private int previousLook;
    private int nextLook = Integer.MAX_VALUE;
    private boolean looking;
    private @Nullable SequentialOutcome sequentialOutcome;

    EvaluationRun(Evaluation ev) {
        this.ev = ev;
        this.listener = ev.listener == null ? GuardedProgressListener.NONE : new GuardedProgressListener(ev.listener);
        this.k = ev.candidates.size();
        this.names = ev.candidates.stream().map(Candidate::name).toList();
        this.limits = new int[k];
        this.inFlight = new int[k];
        this.queues = new ArrayList<>();
        this.candidateFinished = new int[k];
        this.candidateFailed = new int[k];
        this.candidateFirstError = new String[k];
        for (int i = 0; i < k; i++) {
            limits[i] = ev.candidates.get(i).maxConcurrency().orElse(Integer.MAX_VALUE);
            queues.add(new ArrayDeque<>());
        }
        this.callPool = OnDemandPool.of(ev.concurrency, daemon("raq-model-"));
        this.judgePool = OnDemandPool.of(ev.judgeConcurrency, daemon("raq-judge-"));
        this.evaluator = new SampleEvaluator(ev, callPool, judgePool, new GuardedResultStore(ev.store), this);
        this.judgeNames = ev.judgeNames;
        this.judgeFinished = new int[judgeNames.size()];
        this.judgeUsable = new int[judgeNames.size()];
        this.judgeFirstError = new String[judgeNames.size()];
        this.maxOpenSamples = 2 * ev.concurrency + 2;
        this.report = ev.reportBuilder().buildListener(listener::onReportStep);
    }

    CompletableFuture<EvaluationReport> start() {
        if (ev.resultsFile != null) {
            try {
                results = ResultsFile.create(ev.resultsFile);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return result;
            }
        }
        try {
            SampleIds.Census census = SampleIds.census(ev.dataset);
            total = census.samples();
            abortReason = census.repeat();
            samples = abortReason == null ? ev.dataset.iterator() : Collections.emptyIterator();
        } catch (SampleIds.SpillFailedException e) {
            abortReason = e.getMessage();
            samples = Collections.emptyIterator();
        } catch (RuntimeException e) {
            abortReason = "the dataset failed while it was counted: " + SampleEvaluator.describe(e);
            samples = Collections.emptyIterator();
        }
        exhausted = abortReason != null;
        if (ev.sequential != null) {
            nextLook = lookAfter(0);
        }
        started = ev.clock.instant();
        report.startedAt(started, ev.clock);
        drain();
        return result;
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
            for (SampleTask task : admitted) {
                CompletableFuture<SampleResult> evaluated;
                try {
                    evaluated = evaluator.evaluate(task.index, task.sample);
                } catch (Throwable e) { // the evaluator records failures; this is one it could not (an Error)
                    evaluated = CompletableFuture.failedFuture(e);
                }
                evaluated.whenComplete((r, e) -> finishSample(task, r, e));
            }
            List<Call> sends;
            boolean finishNow;
            boolean lookNow;
            synchronized (lock) {
                lookNow = !looking && !exhausted && ev.sequential != null && abortReason == null && open.isEmpty()
                        && samplesDone == nextLook && nextLook < total;
                looking |= lookNow;
                for (Call call = incoming.poll(); call != null; call = incoming.poll()) {
                    if (abortReason == null) {
                        queues.get(call.candidate).add(call);
                    }
                }
                sends = launch();
                finishNow = !lookNow && !finished && done();
                finished |= finishNow;
            }
            sends.forEach(Call::send);
            if (lookNow) {
                look();
                wip.incrementAndGet(); // admit again (or finish) in another pass of this loop
            }
            if (finishNow) {
                finish();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /**
     * A sequential look: every admitted sample has finished, so the test sees exactly the samples counted; the run
     * stops when every pair differs at this look's level, and admits up to the next look otherwise.
     */
    private void look() {
        int n;
        int previous;
        synchronized (lock) {
            n = samplesDone;
            previous = previousLook;
        }
        double level = SequentialDesign.level(previous, n, total, ev.alpha);
        boolean settled;
        try {
            settled = report.interimTest(level).pairs().stream().allMatch(p -> p.pValue() <= level);
        } catch (RuntimeException notYetTestable) {
            settled = false; // too few usable observations to test: look again later
        }
        synchronized (lock) {
            look++;
            if (settled) {
                sequentialOutcome = new SequentialOutcome(look, n, total, level, ev.alpha, true);
                exhausted = true;
            } else {
                previousLook = n;
                nextLook = lookAfter(n);
            }
            looking = false;
        }
    }

    /** Where the next look is after one at {@code n}: none (the end of the dataset is the last look) near the end. */
    private int lookAfter(int n) {
        int next = n + Objects.requireNonNull(ev.sequential).lookEvery();
        return next >= total ? Integer.MAX_VALUE : next;
    }

    private boolean done() {
        return abortReason == null ? exhausted && open.isEmpty() : globalInFlight == 0 && judging == 0;
    }

    private List<SampleTask> admit() {
        List<SampleTask> admitted = new ArrayList<>();
        Iterator<Sample> it = Objects.requireNonNull(samples);
        while (abortReason == null && !exhausted && open.size() < maxOpenSamples && nextIndex < nextLook) {
            Sample sample;
            try {
                if (!it.hasNext()) {
                    exhausted = true;
                    break;
                }
                sample = Objects.requireNonNull(it.next(), "the dataset returned a null sample");
            } catch (RuntimeException e) {
                abortReason = "the dataset failed: " + SampleEvaluator.describe(e);
                exhausted = true;
                break;
            }
            SampleTask task = new SampleTask(nextIndex++, sample, k);
            open.put(task.index, task);
            admitted.add(task);
        }
        return admitted;
    }

    /**
     * Queues a candidate call until the global and the candidate's limits let it go. Only {@link #drain()} asks for
     * calls (it hands admitted samples to the evaluator), and it moves them to the candidates' queues under the
     * lock right after, so this takes no lock.
     */
    @Override
    public CompletableFuture<Completion> call(int candidate, Supplier<CompletableFuture<Completion>> send) {
        Call call = new Call(candidate, send, new CompletableFuture<>());
        incoming.add(call);
        return call.result;
    }

    /** The calls that may be sent now, taken round-robin over the candidates. */
    private List<Call> launch() {
        List<Call> sends = new ArrayList<>();
        boolean progress = true;
        while (abortReason == null && progress && globalInFlight < ev.concurrency) {
            progress = false;
            for (int n = 0; n < k && globalInFlight < ev.concurrency; n++) {
                int i = (roundRobin + n) % k;
                ArrayDeque<Call> q = queues.get(i);
                if (!q.isEmpty() && inFlight[i] < limits[i]) {
                    sends.add(q.poll());
                    globalInFlight++;
                    inFlight[i]++;
                    progress = true;
                }
            }
            roundRobin = (roundRobin + 1) % k;
        }
        return sends;
    }

    /** A call finished: its answer is recorded (the future's dependents ran), so its permits are released. */
    private void released(Call call) {
        synchronized (lock) {
            globalInFlight--;
            inFlight[call.candidate]--;
        }
        drain();
    }

    @Override
    public void answered(int index, int candidate, AnswerRecord record) {
        SampleTask task;
        synchronized (lock) {
            task = Objects.requireNonNull(open.get(index));
            answers++;
            candidateFinished[candidate]++;
            if (!record.succeeded()) {
                answerErrors++;
                candidateFailed[candidate]++;
                if (candidateFirstError[candidate] == null) {
                    candidateFirstError[candidate] = record.error();
                }
                checkPolicy("candidate '" + record.candidate() + "' on sample '" + task.sample.id() + "': "
                        + record.error());
                checkDead(candidateFinished[candidate], candidateFailed[candidate],
                        "candidate '" + record.candidate() + "'", "calls", record.error());
            }
            task.answers[candidate] = record;
            if (++task.answered == k) {
                task.judging = true;
                judging++; // until the sample finishes, an aborted run waits for it
                if (task.usableAnswers() >= 2) {
                    samplesWithTwoAnswers++;
                }
            }
        }
        progress();
    }

    @Override
    public void judged(Sample sample, int judge, Judgment judgment) {
        synchronized (lock) {
            judgments++;
            judgeFinished[judge]++;
            if (judgment.failed()) {
                judgeErrors++;
                String error = judgment.calls().get(judgment.calls().size() - 1).error().orElse("no ranking");
                if (judgeFirstError[judge] == null) {
                    judgeFirstError[judge] = error;
                }
                checkPolicy("judge '" + judgment.judge() + "' on sample '" + sample.id() + "': " + error);
                checkDead(judgeFinished[judge], judgeFinished[judge] - judgeUsable[judge],
                        "judge '" + judgment.judge() + "'", "judgments", error);
            } else {
                judgeUsable[judge]++;
            }
        }
    }

    @Override
    public boolean stopped() {
        return abortReason != null;
    }

    private void finishSample(SampleTask task, @Nullable SampleResult sampleResult, @Nullable Throwable failed) {
        Throwable error = failed;
        if (sampleResult != null) {
            try {
                record(sampleResult);
            } catch (RuntimeException e) {
                error = e;
            }
        }
        synchronized (lock) {
            if (error != null && abortReason == null) {
                abortReason = "sample '" + task.sample.id() + "' failed: " + SampleEvaluator.describe(error);
                queues.forEach(ArrayDeque::clear);
            }
            samplesDone++;
            judging -= task.judging ? 1 : 0;
            open.remove(task.index);
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
        @Nullable String reason;
        List<SampleResult> unfinished = new ArrayList<>();
        synchronized (lock) {
            if (abortReason == null) {
                abortReason = noEvidence();
            }
            reason = abortReason;
            for (SampleTask task : open.values()) {
                List<AnswerRecord> finishedAnswers = new ArrayList<>();
                for (AnswerRecord a : task.answers) {
                    if (a != null) {
                        finishedAnswers.add(a);
                    }
                }
                if (!finishedAnswers.isEmpty()) {
                    unfinished.add(new SampleResult(task.index, task.sample, finishedAnswers, List.of(),
                            "the evaluation was aborted before this sample finished"));
                }
            }
        }
        for (SampleResult r : unfinished) {
            try {
                record(r);
            } catch (RuntimeException e) {
                reason = reason == null ? SampleEvaluator.describe(e) : reason;
            }
        }
        reason = closeResults(reason);
        if (ev.sequential != null && reason == null) {
            SequentialOutcome outcome;
            synchronized (lock) {
                outcome = sequentialOutcome != null ? sequentialOutcome // ran to the end: the last look is all
                        : new SequentialOutcome(look + 1, samplesDone, total, SequentialDesign.level(previousLook,
                                samplesDone, Math.max(total, samplesDone), ev.alpha), ev.alpha, false);
            }
            report.sequential(outcome);
        }
        callPool.shutdown();
        judgePool.shutdown();
        try {
            EvaluationReport r = report.aborted(reason).build();
            if (reason == null) {
                result.complete(r);
            } else {
                String when = nextIndex == 0 ? "before its first sample"
                        : "after " + samplesDone + " of " + total + " samples";
                result.completeExceptionally(new EvaluationAbortedException("evaluation aborted " + when + ": "
                        + reason, r));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Keeps a finished sample's results: written to the results file (if any), then counted by the report. */
    private void record(SampleResult r) {
        if (results != null) {
            results.append(r);
        }
        report.add(r);
    }

    /** Flushes and closes the results file; a failure to do so aborts the run (the report says why). */
    private @Nullable String closeResults(@Nullable String reason) {
        if (results == null) {
            return reason;
        }
        try {
            results.close();
            return reason;
        } catch (java.io.IOException e) {
            return reason != null ? reason : "cannot write results file " + results.file() + ": " + e.getMessage();
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

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One sample on its way through the run; guarded by the run's lock. */
    private static final class SampleTask {
        final int index;
        final Sample sample;
        final @Nullable AnswerRecord[] answers;
        int answered;
        boolean judging;

        SampleTask(int index, Sample sample, int candidates) {
            this.index = index;
            this.sample = sample;
            this.answers = new AnswerRecord[candidates];
        }

        int usableAnswers() {
            int n = 0;
            for (AnswerRecord a : answers) {
                n += a != null && a.succeeded() ? 1 : 0;
            }
            return n;
        }
    }

    /** A candidate call waiting for a permit, and the future its answer completes. */
    private final class Call {
        final int candidate;
        final Supplier<CompletableFuture<Completion>> sender;
        final CompletableFuture<Completion> result;

        Call(int candidate, Supplier<CompletableFuture<Completion>> sender, CompletableFuture<Completion> result) {
            this.candidate = candidate;
            this.sender = sender;
            this.result = result;
        }

        void send() {
            CompletableFuture<Completion> sent;
            try {
                sent = sender.get();
            } catch (Throwable e) { // an Error too: the call must still be released, or the run never ends
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((completion, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(completion);
                }
                released(this);
            });
        }
    }
}
