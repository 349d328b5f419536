package dev.raq.benchmarks.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelClient;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How close {@link OpenAiCompatibleClient#completeAsync} gets to the ideal throughput when the server is the only
 * bottleneck, and what a call costs the client in CPU.
 *
 * <p>A loopback {@link HttpServer} answers every chat completion after a fixed 50 ms, delayed on a scheduled
 * executor (no thread per request). For each concurrency (64 and 256) the program keeps that many calls in flight
 * until 2,000 have completed, and reports the wall time against the ideal ({@code calls × 50 ms / concurrency}),
 * the throughput against the ideal, and the client's CPU time per call: the process CPU time minus the CPU time of
 * the server's threads (so it includes GC and JIT), and the CPU time of the client's own threads alone. A warm-up
 * round of 1,000 calls runs first. Each round is repeated with the bare JDK {@code HttpClient} sending the same
 * request ({@code raw}), the floor that shows what RAQ's client adds ({@code raq}). On a loaded machine the wall times measure the CPU share the process got, not
 * the client: compare the CPU figures.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.clients.ClientThroughputBenchmark [calls]
 * </pre>
 */
public final class ClientThroughputBenchmark {

    private static final long DELAY_MS = 50;
    private static final String REPLY = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Paris is the capital of "
            + "France.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":23,\"completion_tokens\":8,"
            + "\"total_tokens\":31}}";

    private final Set<Long> serverThreads = ConcurrentHashMap.newKeySet();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private ClientThroughputBenchmark() {
    }

    /**
     * Runs the benchmark and prints one line per concurrency.
     *
     * @param args optionally the number of calls per concurrency (default 2000)
     * @throws Exception when the server cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        // let the JDK server keep every client connection open (its default of 200 would make it close some at
        // concurrency 256, and the reconnects would be charged to the client)
        System.setProperty("sun.net.httpserver.maxIdleConnections", "1024");
        // answer without Nagle's algorithm: the JDK server writes headers and body separately, and with Nagle on,
        // the client's delayed ACK adds ~40 ms to every call, which would be charged to the client under test
        System.setProperty("sun.net.httpserver.nodelay", "true");
        new ClientThroughputBenchmark().run(calls);
    }

    private void run(int calls) throws Exception {
        ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(serverThread("bench-delay"));
        ExecutorService handlers = Executors.newFixedThreadPool(2, serverThread("bench-handler"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delayer.schedule(() -> answer(exchange), DELAY_MS, TimeUnit.MILLISECONDS);
        });
        server.setExecutor(handlers);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            ModelClient client = OpenAiCompatibleClient.local(base).model("bench").build();
            Function<ChatRequest, CompletableFuture<?>> raq = r -> client.completeAsync(r, Runnable::run);
            Function<ChatRequest, CompletableFuture<?>> raw = rawJdkClient(base);
            System.out.printf(Locale.ROOT, "server delay %d ms, %d calls per round, %d cores%n", DELAY_MS, calls,
                    Runtime.getRuntime().availableProcessors());
            round("raw", raw, 1000, 64, false);
            round("raq", raq, 1000, 64, false);
            for (int concurrency : new int[] {64, 256}) {
                round("raq", raq, calls, concurrency, true);
                round("raw", raw, calls, concurrency, true);
            }
        } finally {
            server.stop(0);
            delayer.shutdownNow();
            handlers.shutdownNow();
        }
    }

    /**
     * The floor to compare with: the same POST with the JDK {@link HttpClient} alone (HTTP/1.1, the reply read as a
     * string and nothing else).
     */
    private static Function<ChatRequest, CompletableFuture<?>> rawJdkClient(String base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What is the capital of France?\"}]}";
        return r -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void round(String name, Function<ChatRequest, CompletableFuture<?>> call, int calls, int concurrency,
                       boolean print) throws Exception {
        findDispatcherThread();
        long serverCpu0 = serverCpuNanos();
        long processCpu0 = processCpuNanos();
        long clientCpu0 = clientThreadsCpuNanos();
        long t0 = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (started.getAndIncrement() >= calls) {
                return;
            }
            call.apply(ChatRequest.ofUser("What is the capital of France?"))
                    .whenComplete((c, failure) -> {
                        if (failure != null) {
                            done.completeExceptionally(failure);
                            return;
                        }
                        if (finished.incrementAndGet() == calls) {
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
        long serverCpu = serverCpuNanos() - serverCpu0;
        long processCpu = processCpuNanos() - processCpu0;
        long clientCpu = clientThreadsCpuNanos() - clientCpu0;
        if (!print) {
            return;
        }
        double idealMs = calls * (double) DELAY_MS / concurrency;
        double wallMs = wall / 1e6;
        System.out.printf(Locale.ROOT,
                "%s concurrency %3d: %5d calls in %7.0f ms (ideal %6.0f ms) = %6.0f calls/s (ideal %6.0f, %5.1f %%);"
                        + " client CPU per call: %4.0f us (process minus server), %4.0f us (client threads);"
                        + " server threads %4.0f us%n",
                name, concurrency, calls, wallMs, idealMs, calls / (wall / 1e9), concurrency * 1000.0 / DELAY_MS,
                100 * idealMs / wallMs, (processCpu - serverCpu) / 1e3 / calls, clientCpu / 1e3 / calls,
                serverCpu / 1e3 / calls);
    }

    private void answer(HttpExchange exchange) {
        try {
            byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    private ThreadFactory serverThread(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            serverThreads.add(t.getId());
            return t;
        };
    }

    private void findDispatcherThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HTTP-Dispatcher")) {
                serverThreads.add(t.getId());
            }
        }
    }

    private long serverCpuNanos() {
        long sum = 0;
        for (long id : serverThreads) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private long clientThreadsCpuNanos() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            if (!serverThreads.contains(id)) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }
}
