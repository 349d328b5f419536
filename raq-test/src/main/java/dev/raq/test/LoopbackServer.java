package dev.raq.test;

import org.apiguardian.api.API;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) for client tests: answers with the handlers queued by the
 * test (the last one repeats), and records every request. Close it to stop it and release a hanging handler.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LoopbackServer implements AutoCloseable {

    /** One request as the server received it. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        /** The first value of a header, matched case-insensitively, or null when the request had none. */
        public @org.jspecify.annotations.Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** How to answer one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Responder> responders = new ConcurrentLinkedQueue<>();
    private volatile Responder last = json(200, "{}");
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Starts a server on the loopback interface at a free port; it answers {@code 200 {}} until told otherwise. */
    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues answers; the last one answers every later request too. */
    public LoopbackServer then(Responder... next) {
        for (Responder r : next) {
            responders.add(r);
        }
        last = next[next.length - 1];
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<Recorded> requests() {
        return requests;
    }

    /**
     * The latest request received.
     *
     * @throws IndexOutOfBoundsException when none arrived
     */
    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Responder r = responders.poll();
        (r == null ? last : r).respond(exchange);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Answers with a status and a JSON body, plus header pairs. */
    public static Responder json(int status, String body, String... headers) {
        return exchange -> send(exchange, status, "application/json", body, headers);
    }

    /** Answers 200 with a complete event stream. */
    public static Responder sse(String... events) {
        return exchange -> send(exchange, 200, "text/event-stream", String.join("", events));
    }

    /** Never answers until the server is closed (for timeouts). */
    public Responder hang() {
        return exchange -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    /** A {@code data:} event of an OpenAI stream. */
    public static String data(String json) {
        return "data: " + json + "\n\n";
    }

    /** A named event of an Anthropic stream. */
    public static String event(String name, String json) {
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    /** Sends a whole response: status, content type, header name/value pairs and body (UTF-8). */
    public static void send(HttpExchange exchange, int status, String type, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** The request headers as one string, for "the key appears nowhere but here" checks. */
    public static String headersText(Recorded r) {
        return r.headers().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
