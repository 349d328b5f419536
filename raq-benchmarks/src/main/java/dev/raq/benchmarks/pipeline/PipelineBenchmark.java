package dev.raq.benchmarks.pipeline;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How close the evaluation pipeline comes to the ideal wall time, and how much heap a finished run keeps.
 *
 * <p>Each run evaluates N samples × 4 candidates whose {@code completeAsync} completes 20 ms later on a shared
 * {@link ScheduledExecutorService} (no thread per call), judged by a cheap scripted judge, at concurrency 64. The
 * ideal wall time is calls × 20 ms / 64; as the JDK's timer fires a little late on a busy machine, the program also
 * reports the ideal with the latency the timer actually delivered (measured per call), and splits the wall time into
 * the pipeline's (until the last sample finished) and the report's (building its statistics). The heap is measured after {@code System.gc()} with the report still held,
 * and again after it is dropped, for 2,500 and 10,000 samples: what a run keeps grows only with the report's own
 * data (answers and rankings per sample), and nothing is left once the report is gone.
 *
 * <p>Run (about 40 s):
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -Xmx1g -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.pipeline.PipelineBenchmark
 * </pre>
 */
public final class PipelineBenchmark {

    private static final int CANDIDATES = 4;
    private static final int CONCURRENCY = 64;
    private static final long LATENCY_MS = 20;
    /** The latency as the timer delivered it, summed over the calls of a run. */
    private static final java.util.concurrent.atomic.AtomicLong FIRED_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private PipelineBenchmark() {
    }

    /**
     * Runs the benchmark and prints one line per dataset size.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            run(scheduler, 500, false); // warm-up
            long baseline = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "baseline heap after warm-up: %.1f MB%n", baseline / 1e6);
            for (int n : new int[] {2_500, 10_000}) {
                run(scheduler, n, true);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static void run(ScheduledExecutorService scheduler, int samples, boolean print) {
        long[] lastSampleDone = {0};
        Evaluation.Builder b = Evaluation.builder().dataset(samples(samples)).concurrency(CONCURRENCY).seed(1)
                .judge(new CheapJudge())
                .progressListener(p -> {
                    if (p.samplesDone() == p.samplesTotal()) {
                        lastSampleDone[0] = System.nanoTime();
                    }
                });
        for (int c = 0; c < CANDIDATES; c++) {
            b.candidate("model-" + c, new DelayedClient("model-" + c, scheduler));
        }
        Evaluation evaluation = b.build();
        FIRED_NANOS.set(0);
        long start = System.nanoTime();
        EvaluationReport report = evaluation.run();
        long wallNanos = System.nanoTime() - start;
        evaluation = null; // with its in-memory store
        if (!print) {
            return;
        }
        long calls = (long) samples * CANDIDATES;
        double ideal = calls * LATENCY_MS / 1000.0 / CONCURRENCY;
        double wall = wallNanos / 1e9;
        double pipeline = (lastSampleDone[0] - start) / 1e9;
        double measured = FIRED_NANOS.get() / 1e9 / CONCURRENCY;
        double meanLatency = FIRED_NANOS.get() / 1e6 / calls;
        long withReport = usedHeapAfterGc();
        int kept = report.samples().size();
        report = null; // drop the report: what is left is what the run leaked
        long withoutReport = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "%,d samples x %d candidates (%,d calls), concurrency %d: wall %.2f s, "
                        + "ideal %.2f s (%+.1f%%); the timer fired after %.2f ms on average, so the ideal with the "
                        + "latency as delivered is %.2f s (%+.1f%%); the last sample finished after %.2f s (%+.1f%% "
                        + "over that ideal) and the report took %.2f s to build; heap after gc with the report %.1f MB "
                        + "(%,d samples kept), after dropping it %.1f MB%n", samples, CANDIDATES, calls, CONCURRENCY,
                wall, ideal, 100 * (wall - ideal) / ideal, meanLatency, measured, 100 * (wall - measured) / measured,
                pipeline, 100 * (pipeline - measured) / measured, wall - pipeline, withReport / 1e6, kept,
                withoutReport / 1e6);
    }

    private static List<Sample> samples(int n) {
        return new AbstractList<>() {
            @Override
            public Sample get(int i) {
                return Sample.of("q" + i, "What is question number " + i + " about?", "reference " + i);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** A model that answers 20 ms later, completed by the shared scheduler. */
    private static final class DelayedClient implements ModelClient {
        private final String name;
        private final ScheduledExecutorService scheduler;

        DelayedClient(String name, ScheduledExecutorService scheduler) {
            this.name = name;
            this.scheduler = scheduler;
        }

        @Override
        public Completion complete(ChatRequest request) {
            throw new UnsupportedOperationException("the benchmark calls completeAsync only");
        }

        @Override
        public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
            CompletableFuture<Completion> f = new CompletableFuture<>();
            String text = name + " answers: " + request.lastUserMessage();
            long sent = System.nanoTime();
            scheduler.schedule(() -> {
                long latency = System.nanoTime() - sent;
                FIRED_NANOS.addAndGet(latency);
                f.complete(Completion.builder(text).latency(Duration.ofNanos(latency)).build());
            }, LATENCY_MS, TimeUnit.MILLISECONDS);
            return f;
        }
    }

    /** Ranks the answers by their length, then name: no model, no randomness. */
    private static final class CheapJudge implements Judge {
        @Override
        public Judgment judge(JudgeInput input) {
            List<String> order = new ArrayList<>(input.candidates());
            order.sort(null);
            return Judgment.of(name(), input.sample().id(), List.of(JudgeCall.ranked(order, null,
                    Ranking.fromOrder(order), Map.of())));
        }

        @Override
        public String name() {
            return "cheap";
        }
    }
}
