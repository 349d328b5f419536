package dev.raq.benchmarks.clients;

import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.store.ResultStore;
import dev.raq.metrics.Scorers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How close {@link OpenAiCompatibleClient#completeAsync} gets to the ideal throughput when the server is the only
 * bottleneck, and what a call costs the client in CPU.
 *
 * <p>A loopback {@link DelayedReplyServer} answers every chat completion after a fixed 50 ms, on one thread of its
 * own. For each concurrency (64 and 256) the program keeps that many calls in flight until 2,000 have completed, and
 * reports, per round:
 * <ul>
 *   <li>the wall time against the ideal ({@code calls × 50 ms / concurrency}) and the throughput as a share of the
 *       ideal ({@code concurrency / 50 ms});</li>
 *   <li>the median and 99th percentile of the calls' latency;</li>
 *   <li>the client's CPU time per call, twice: the process CPU time minus the server thread's (so it includes GC,
 *       JIT and threads that ended during the round), and the CPU time of the client's live threads alone;</li>
 *   <li>the threads started per call (see below), and the server thread's CPU time per call.</li>
 * </ul>
 * Every round is also run with the bare JDK {@code HttpClient} sending the same request ({@code raw}): the floor
 * that shows what RAQ's client adds ({@code raq}); and with the whole pipeline ({@code pipeline}): an
 * {@code Evaluation} of calls / 4 samples × 4 candidates on RAQ's client at the same concurrency, judged by a
 * rule-based metric ({@code pipeline}), or by an LLM judge grading every answer through a second loopback server with
 * the same delay, with a judge concurrency equal to the concurrency ({@code pipeline+judge}: twice the calls; its
 * ideal keeps both pools full), timed until its last sample is judged (the report's statistics are built after that and not
 * counted), on four clients built once. Each client (the pipeline's four too) is first warmed up at both concurrencies, so that the
 * JIT has compiled the call path and the connection pool holds as many connections as there are calls in flight, as
 * in a long evaluation; then every round is measured five times, interleaved, and the medians are printed last.
 *
 * <p><b>Threads started per call.</b> {@code HttpClient.sendAsync} completes its future through
 * {@code CompletableFuture}'s default executor. On Java 17 with two or fewer processors the common
 * {@code ForkJoinPool} has parallelism 1, and that executor starts a new thread for every task: one thread per call,
 * 200–300 µs of CPU. The program then prints a note; start it with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} to measure the client without that cost (Java 25
 * does not have it).
 *
 * <p>On a loaded machine the wall times measure the CPU share the process got, not the client: compare the CPU
 * figures. Run from the repository root:
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
 *      -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.clients.ClientThroughputBenchmark [calls]
 * </pre>
 */
public final class ClientThroughputBenchmark {

    private static final long DELAY_MS = 50;
    private static final int[] CONCURRENCIES = {64, 256};
    private static final int REPETITIONS = 5;
    private static final int WARM_UP_CALLS = 6_000;
    private static final String QUESTION = "What is the capital of France?";
    /** The judge server's reply: a grade a single-answer grader reads. */
    private static final String JUDGE_REPLY = "{\"id\":\"chatcmpl-judge\",\"object\":\"chat.completion\","
            + "\"model\":\"bench-judge\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Correct and concise. Rating: [[8]]\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9,\"total_tokens\":129}}";
    private static final String REPLY = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris is the capital of "
            + "France.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":23,\"completion_tokens\":8,"
            + "\"total_tokens\":31}}";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long serverThread;
    /** The judge model's server (its own thread), for the pipeline with an LLM judge. */
    private long judgeServerThread = -1;
    private @org.jspecify.annotations.Nullable ModelClient judgeClient;
    /** The pipeline's four candidates, built once and warmed up like the other clients (their connections too). */
    private final List<ModelClient> pipelineClients = new ArrayList<>();

    /** What one measured round gave; times per call in microseconds. */
    private record Round(double wallMillis, double callsPerSecond, double shareOfIdeal, double latencyP50Millis,
                         double latencyP99Millis, double processCpuMicros, double clientThreadsCpuMicros,
                         double threadsStartedPerCall, double serverCpuMicros) {
    }

    private ClientThroughputBenchmark() {
    }

    /**
     * Runs the benchmark and prints one line per round and the medians per client and concurrency.
     *
     * @param args optionally the number of calls per round (default 2000)
     * @throws Exception when the server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        new ClientThroughputBenchmark().run(calls);
    }

    private void run(int calls) throws Exception {
        try (DelayedReplyServer server = new DelayedReplyServer(DELAY_MS, "application/json", REPLY);
             DelayedReplyServer judgeServer = new DelayedReplyServer(DELAY_MS, "application/json", JUDGE_REPLY)) {
            serverThread = server.threadId();
            judgeServerThread = judgeServer.threadId();
            judgeClient = OpenAiCompatibleClient.local(judgeServer.baseUrl() + "/v1").model("bench-judge").build();
            String base = server.baseUrl() + "/v1";
            ModelClient client = OpenAiCompatibleClient.local(base).model("bench").build();
            for (int c = 0; c < 4; c++) {
                pipelineClients.add(OpenAiCompatibleClient.local(base).model("bench-" + c).build());
            }
            Map<String, Function<ChatRequest, CompletableFuture<?>>> clients = new LinkedHashMap<>();
            clients.put("raq", r -> client.completeAsync(r, Runnable::run));
            clients.put("raw", rawJdkClient(base));
            List<String> variants = new ArrayList<>(clients.keySet());
            variants.add("pipeline");
            variants.add("pipeline+judge");
            System.out.printf(Locale.ROOT, "server delay %d ms, %d calls per round, %d processors, Java %s, "
                            + "common pool parallelism %d%n", DELAY_MS, calls, Runtime.getRuntime().availableProcessors(),
                    Runtime.version(), ForkJoinPool.getCommonPoolParallelism());
            for (String variant : variants) {
                for (int concurrency : CONCURRENCIES) {
                    measure(variant, clients, base, WARM_UP_CALLS, concurrency);
                }
            }
            Map<String, List<Round>> results = new LinkedHashMap<>();
            for (int rep = 1; rep <= REPETITIONS; rep++) {
                for (int concurrency : CONCURRENCIES) {
                    for (String variant : variants) {
                        Round r = measure(variant, clients, base, calls, concurrency);
                        String key = String.format(Locale.ROOT, "%s c=%d", variant, concurrency);
                        results.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                        print(key + " run " + rep, r);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "server: mean delay given %.2f ms, latest reply %.2f ms after due%n",
                    server.meanDelayMillis(), server.maxLateMillis());
            System.out.println("medians of " + REPETITIONS + " runs:");
            boolean threadPerCall = false;
            for (Map.Entry<String, List<Round>> e : results.entrySet()) {
                Round median = median(e.getValue());
                print(e.getKey(), median);
                threadPerCall |= median.threadsStartedPerCall() >= 0.5;
            }
            comparePipelineWithBare(results);
            if (threadPerCall) {
                System.out.println("note: this JVM starts a thread for every sendAsync call (common pool parallelism "
                        + ForkJoinPool.getCommonPoolParallelism() + "); rerun with "
                        + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 to measure the client without it");
            }
        }
    }

    /**
     * The pipeline against the bare client run by run (the two rounds of one repetition ran back to back), so that a
     * slow or noisy repetition moves both: the median and range of the throughput and CPU-per-call ratios.
     */
    private static void comparePipelineWithBare(Map<String, List<Round>> results) {
        for (int concurrency : CONCURRENCIES) {
            List<Round> bare = java.util.Objects.requireNonNull(results.get("raw c=" + concurrency));
            List<Round> pipeline = java.util.Objects.requireNonNull(results.get("pipeline c=" + concurrency));
            double[] throughput = new double[bare.size()];
            double[] cpu = new double[bare.size()];
            for (int i = 0; i < throughput.length; i++) {
                throughput[i] = pipeline.get(i).callsPerSecond() / bare.get(i).callsPerSecond();
                cpu[i] = pipeline.get(i).clientThreadsCpuMicros() / bare.get(i).clientThreadsCpuMicros();
            }
            Arrays.sort(throughput);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "pipeline / bare JDK client at c=%d, run by run: throughput %.3f (%.3f to "
                            + "%.3f), CPU per call (client threads) %.2fx (%.2fx to %.2fx)%n", concurrency,
                    throughput[throughput.length / 2], throughput[0], throughput[throughput.length - 1],
                    cpu[cpu.length / 2], cpu[0], cpu[cpu.length - 1]);
        }
    }

    /**
     * The floor to compare with: the same POST with the JDK {@link HttpClient} alone (HTTP/1.1, the reply read as a
     * string and nothing else).
     */
    private static Function<ChatRequest, CompletableFuture<?>> rawJdkClient(String base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}";
        URI uri = URI.create(base + "/chat/completions");
        return r -> http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One round of a client variant, or of the pipeline. */
    private Round measure(String variant, Map<String, Function<ChatRequest, CompletableFuture<?>>> clients,
                          String base, int calls, int concurrency) throws Exception {
        Function<ChatRequest, CompletableFuture<?>> call = clients.get(variant);
        return call == null ? pipelineRound(base, calls, concurrency, variant.equals("pipeline+judge"))
                : round(call, calls, concurrency);
    }

    /** The whole pipeline: calls / 4 samples × 4 candidates, a rule-based judge, timed until the last judgment. */
    private Round pipelineRound(String base, int calls, int concurrency, boolean llmJudge) {
        int samples = calls / 4;
        List<Sample> data = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            data.add(Sample.of("s" + i, QUESTION + " #" + i, "Paris"));
        }
        long threadsStarted0 = threads.getTotalStartedThreadCount();
        long serverCpu0 = serversCpuNanos();
        long processCpu0 = processCpuNanos();
        long clientCpu0 = clientThreadsCpuNanos();
        long[] end = new long[4];
        Evaluation.Builder b = Evaluation.builder().dataset(data).promptTemplate("{question}")
                .judge(llmJudge ? Judges.grade(java.util.Objects.requireNonNull(judgeClient)).withoutReference()
                        .maxReasks(0) : Judges.score(Scorers.squadF1()))
                .concurrency(concurrency).judgeConcurrency(concurrency).store(ResultStore.inMemory())
                .progressListener(p -> {
                    if (p.samplesDone() == p.samplesTotal()) {
                        synchronized (end) {
                            end[0] = System.nanoTime();
                            end[1] = serversCpuNanos();
                            end[2] = processCpuNanos();
                            end[3] = clientThreadsCpuNanos();
                        }
                    }
                });
        for (int c = 0; c < 4; c++) {
            b.candidate("c" + c, pipelineClients.get(c));
        }
        Evaluation evaluation = b.build();
        long t0 = System.nanoTime();
        EvaluationReport report = evaluation.run();
        if (report.answerErrors() > 0 || report.judgeErrors() > 0) {
            throw new IllegalStateException(report.answerErrors() + " candidate and " + report.judgeErrors()
                    + " judge calls failed");
        }
        long threadsStarted = threads.getTotalStartedThreadCount() - threadsStarted0;
        double wallMs;
        double processCpu;
        double serverCpu;
        double clientCpu;
        synchronized (end) {
            wallMs = (end[0] - t0) / 1e6;
            serverCpu = end[1] - serverCpu0;
            processCpu = end[2] - processCpu0;
            clientCpu = end[3] - clientCpu0;
        }
        int candidateCalls = samples * 4;
        // with an LLM judge every answer is graded once more, on its own pool of the same size: the ideal keeps
        // both pools full, the judge one latency behind the candidates
        int n = llmJudge ? 2 * candidateCalls : candidateCalls;
        double idealMs = candidateCalls * (double) DELAY_MS / concurrency + (llmJudge ? DELAY_MS : 0);
        double[] latencies = report.samples().stream().flatMap(s -> s.answers().stream())
                .mapToDouble(a -> a.completion() == null ? 0 : a.completion().latency().map(d -> d.toNanos() / 1e6)
                        .orElse(0.0)).sorted().toArray();
        return new Round(wallMs, n / (wallMs / 1e3), idealMs / wallMs, latencies[candidateCalls / 2],
                latencies[(int) Math.min(candidateCalls - 1, Math.ceil(candidateCalls * 0.99) - 1)],
                (processCpu - serverCpu) / 1e3 / n,
                clientCpu / 1e3 / n, threadsStarted / (double) n, serverCpu / 1e3 / n);
    }

    private Round round(Function<ChatRequest, CompletableFuture<?>> call, int calls, int concurrency)
            throws Exception {
        long[] latencies = new long[calls];
        long threadsStarted0 = threads.getTotalStartedThreadCount();
        long serverCpu0 = threads.getThreadCpuTime(serverThread);
        long processCpu0 = processCpuNanos();
        long clientCpu0 = clientThreadsCpuNanos();
        long t0 = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            int index = started.getAndIncrement();
            if (index >= calls) {
                return;
            }
            long callStart = System.nanoTime();
            call.apply(ChatRequest.ofUser(QUESTION)).whenComplete((c, failure) -> {
                latencies[index] = System.nanoTime() - callStart;
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (finished.incrementAndGet() == calls) {
                    done.complete(null);
                } else {
                    next[0].run();
                }
            });
        };
        for (int i = 0; i < concurrency; i++) {
            next[0].run();
        }
        done.get(10, TimeUnit.MINUTES);
        long wall = System.nanoTime() - t0;
        long serverCpu = threads.getThreadCpuTime(serverThread) - serverCpu0;
        long processCpu = processCpuNanos() - processCpu0;
        long clientCpu = clientThreadsCpuNanos() - clientCpu0;
        long threadsStarted = threads.getTotalStartedThreadCount() - threadsStarted0;
        double idealMs = calls * (double) DELAY_MS / concurrency;
        double wallMs = wall / 1e6;
        Arrays.sort(latencies);
        return new Round(wallMs, calls / (wall / 1e9), idealMs / wallMs, latencies[calls / 2] / 1e6,
                latencies[(int) Math.min(calls - 1, Math.ceil(calls * 0.99) - 1)] / 1e6,
                (processCpu - serverCpu) / 1e3 / calls, clientCpu / 1e3 / calls, threadsStarted / (double) calls,
                serverCpu / 1e3 / calls);
    }

    private static void print(String label, Round r) {
        System.out.printf(Locale.ROOT,
                "%-17s %5d calls in %5.0f ms (ideal %4.0f) = %5.0f calls/s, %5.1f %% of ideal %4.0f/s;"
                        + " latency p50 %5.1f p99 %5.1f ms; client CPU/call %4.0f us (process - server),"
                        + " %4.0f us (client threads); threads started/call %.2f; server CPU/call %3.0f us%n",
                label, Math.round(r.callsPerSecond() * r.wallMillis() / 1000), r.wallMillis(),
                r.wallMillis() * r.shareOfIdeal(), r.callsPerSecond(), 100 * r.shareOfIdeal(),
                r.callsPerSecond() / r.shareOfIdeal(), r.latencyP50Millis(), r.latencyP99Millis(),
                r.processCpuMicros(), r.clientThreadsCpuMicros(), r.threadsStartedPerCall(), r.serverCpuMicros());
    }

    /** The median of each figure on its own (with five runs, the third-smallest). */
    private static Round median(List<Round> rounds) {
        return new Round(median(rounds, Round::wallMillis), median(rounds, Round::callsPerSecond),
                median(rounds, Round::shareOfIdeal), median(rounds, Round::latencyP50Millis),
                median(rounds, Round::latencyP99Millis), median(rounds, Round::processCpuMicros),
                median(rounds, Round::clientThreadsCpuMicros), median(rounds, Round::threadsStartedPerCall),
                median(rounds, Round::serverCpuMicros));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private long clientThreadsCpuNanos() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            if (id != serverThread && id != judgeServerThread) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return sum;
    }

    /** The CPU time of the candidates' server thread and, once started, the judge's. */
    private long serversCpuNanos() {
        return threads.getThreadCpuTime(serverThread)
                + (judgeServerThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(judgeServerThread)));
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }
}
