package dev.raq.benchmarks.pipeline;

import dev.raq.core.Evaluation;
import dev.raq.core.Progress;
import dev.raq.core.ProgressListener;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.store.JsonlResultStore;
import dev.raq.metrics.AnswerScorer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleBiFunction;

/**
 * Whether memory stays flat as the samples grow: N samples × 2 in-process candidates (answering at once), judged by
 * a rule-based metric, streamed to a results file ({@code Evaluation.Builder#resultsFile}) through a JSON Lines
 * result store (or, with {@code --no-store}, none), from a dataset generated one sample at a time; with
 * {@code --panel}, by a panel of two such judges; with {@code --continuous}, by a metric whose scores take as many
 * values as there are answers (as BLEU's do), kept at 8 bytes each. For each N it
 * prints the wall time, the largest live heap seen during the run (measured by a full collection every 250 ms, when
 * the last sample is counted and after the report is built) beside the live heap before it, the time the report took
 * to build, and the build's steps as they happen.
 *
 * <p>Run in a 256 MB heap (about 3 minutes for the three sizes on 2 cores):
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -Xmx256m -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.pipeline.ScaleBenchmark 10000 100000 1000000
 * java -Xmx256m -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.pipeline.ScaleBenchmark --no-store 10000 100000 1000000
 * java -Xmx256m -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.pipeline.ScaleBenchmark --no-store --panel 10000 100000 1000000
 * java -Xmx256m -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.pipeline.ScaleBenchmark --no-store --continuous 10000 100000 1000000
 * </pre>
 */
public final class ScaleBenchmark {

    private static final AtomicLong PEAK_LIVE = new AtomicLong();

    private ScaleBenchmark() {
    }

    /**
     * Runs one evaluation per sample count given (default 10,000, 100,000 and 1,000,000).
     *
     * @param args sample counts
     * @throws IOException if the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        watchLiveHeap();
        List<String> options = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        boolean withStore = !options.contains("--no-store");
        boolean panel = options.contains("--panel");
        boolean continuous = options.contains("--continuous");
        int[] sizes = Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt)
                .toArray();
        if (sizes.length == 0) {
            sizes = new int[] {10_000, 100_000, 1_000_000};
        }
        System.out.printf(Locale.ROOT, "max heap %d MB, %d cores, Java %s%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println((withStore ? "through a JSON Lines result store" : "without a result store")
                + (panel ? ", a panel of two metric judges" : ", one metric judge")
                + (continuous ? " with continuous scores" : ""));
        run(2_000, false, withStore, panel, continuous); // warm-up
        for (int n : sizes) {
            run(n, true, withStore, panel, continuous);
        }
    }

    private static void run(int samples, boolean print, boolean withStore, boolean panel, boolean continuous)
            throws IOException {
        Path dir = Files.createTempDirectory("raq-scale");
        long[] reportStarted = {0};
        long[] counted = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
            }

            @Override
            public void onReportStep(String step, int done, int total) {
                if (done == 1) {
                    // every sample is counted: what the report keeps is all there, before building adds its arrays
                    counted[0] = measureLiveHeap();
                    reportStarted[0] = System.nanoTime();
                }
                if (print) {
                    System.out.printf(Locale.ROOT, "  building the report: %s (%d/%d) at %.2f s%n", step, done,
                            total, reportStarted[0] == 0 ? 0 : (System.nanoTime() - reportStarted[0]) / 1e9);
                }
            }
        };
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        PEAK_LIVE.set(0);
        long start = System.nanoTime();
        EvaluationReport report;
        try (JsonlResultStore store = JsonlResultStore.open(dir.resolve("store.jsonl"))) {
            Evaluation.Builder b = withStore ? Evaluation.builder().store(store) : Evaluation.builder();
            b.dataset(generated(samples)).candidate("short", new InstantClient(""))
                    .candidate("long", new InstantClient(" and some more words to say"))
                    .judge(Judges.score(continuous
                            ? scorer("hash-fraction", (answer, references) ->
                                    ((answer + references.get(0)).hashCode() & 0xFFFFF) / (double) (1 << 20))
                            : scorer("length-mod-11", (answer, references) -> (answer.length() % 11) / 10.0)));
            if (panel) {
                b.judge(Judges.score(scorer("length-mod-7", (answer, references) -> (answer.length() % 7) / 6.0)));
            }
            report = b
                    .concurrency(64).resultsFile(dir.resolve("results.jsonl"))
                    .progressListener(listener).build().run();
        }
        long end = System.nanoTime();
        measureLiveHeap(); // the report is still referenced
        if (print) {
            System.out.printf(Locale.ROOT, "%,d samples x 2 candidates: %.1f s (%,.0f samples/s); peak live heap "
                            + "%.1f MB (%.1f MB before the run, %.1f MB with every sample counted); report built in %.2f s; %,d rankings, p(short vs "
                            + "long) = %.3g; results file %.0f MB, store %.0f MB%n", samples, (end - start) / 1e9,
                    samples / ((end - start) / 1e9), PEAK_LIVE.get() / 1e6, before / 1e6, counted[0] / 1e6,
                    (end - reportStarted[0]) / 1e9,
                    report.rankings().size(), report.significance().orElseThrow().pValue("short", "long"),
                    Files.size(dir.resolve("results.jsonl")) / 1e6, Files.size(dir.resolve("store.jsonl")) / 1e6);
        }
        for (String f : new String[] {"results.jsonl", "store.jsonl", "store.jsonl.lock"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.delete(dir);
    }

    /** A metric with a name (a panel's judges need distinct names). */
    private static AnswerScorer scorer(String name, ToDoubleBiFunction<String, List<String>> score) {
        return new AnswerScorer() {
            @Override
            public double score(String answer, List<String> references) {
                return score.applyAsDouble(answer, references);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** Samples made one at a time as the run reads them: the dataset itself holds nothing. */
    private static Iterable<Sample> generated(int n) {
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Sample next() {
                int q = i++;
                return Sample.of("q" + q, "What is question number " + q + " about?", "reference " + q);
            }
        };
    }

    /** The live heap now, after a full collection, also kept in {@link #PEAK_LIVE}. */
    private static long measureLiveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        PEAK_LIVE.accumulateAndGet(live, Math::max);
        return live;
    }

    /**
     * Measures the live heap every 250 ms while the program runs: a full collection ({@code System.gc()}), then the
     * heap in use, keeping the largest. Heap in use after an ordinary (young) collection would count old garbage
     * not yet collected, which grows with the heap allowed rather than with what the run keeps.
     */
    private static void watchLiveHeap() {
        Thread t = new Thread(() -> {
            while (true) {
                measureLiveHeap();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap");
        t.setDaemon(true);
        t.start();
    }

    /** A model that answers at once with the question and a fixed tail. */
    private static final class InstantClient implements ModelClient {
        private final String tail;

        InstantClient(String tail) {
            this.tail = tail;
        }

        @Override
        public Completion complete(ChatRequest request) {
            return Completion.of("It is about " + request.lastUserMessage().length() + tail);
        }

        @Override
        public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
            return CompletableFuture.completedFuture(complete(request));
        }
    }
}
