package dev.raq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A streaming chat server on the loopback interface whose timing is known: it answers every request after
 * {@code ttft} with its first chunk, then one chunk every {@code gap} (scheduled from the request's arrival, so delays
 * never accumulate), each chunk {@code tokensPerChunk} tokens, as many chunks as {@code max_tokens} allows (or
 * {@code defaultChunks}), then the usage (prompt tokens = words of the prompt). Every {@code failEvery}-th request
 * (counted from 1) gets HTTP 500. It speaks OpenAI's {@code /chat/completions} SSE or Anthropic's {@code /messages}
 * events. Plain sockets with TCP_NODELAY and one response per connection, so small chunks are never held back.
 * {@code raq perf --simulate} runs against it, so the load test can be tried without a model server; the tests
 * validate the load test's measurements against it.
 */
final class TimedSseServer implements AutoCloseable {

    /** What the server does. */
    record Behaviour(Duration ttft, Duration gap, int defaultChunks, int tokensPerChunk, int failEvery) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Behaviour behaviour;
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "timed-sse");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();

    TimedSseServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    /** The base URL, such as {@code http://127.0.0.1:43211/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Requests received so far. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            long arrived = System.nanoTime();
            String head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            JsonNode body = JSON.readTree(in.readNBytes(length));
            int n = requests.incrementAndGet();
            if (behaviour.failEvery() > 0 && n % behaviour.failEvery() == 0) {
                byte[] error = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                        + error.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(error);
                out.flush();
                return;
            }
            boolean anthropic = path.endsWith("/messages");
            JsonNode messages = body.path("messages");
            String prompt = messages.get(messages.size() - 1).path("content").asText();
            long promptTokens = prompt.isBlank() ? 0 : prompt.strip().split("\\s+").length;
            int chunks = body.has("max_tokens")
                    ? Math.max(1, body.get("max_tokens").asInt() / behaviour.tokensPerChunk())
                    : behaviour.defaultChunks();
            long completionTokens = (long) chunks * behaviour.tokensPerChunk();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (anthropic) {
                event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                        + "\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"m\",\"usage\":"
                        + "{\"input_tokens\":" + promptTokens + ",\"output_tokens\":1}}}");
                event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            } else {
                event(out, null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":"
                        + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
            }
            out.flush();
            String text = " tok".repeat(behaviour.tokensPerChunk());
            for (int i = 0; i < chunks; i++) {
                sleepUntil(arrived + behaviour.ttft().toNanos() + i * behaviour.gap().toNanos());
                if (anthropic) {
                    event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                            + "{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
                } else {
                    event(out, null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                            + "\"finish_reason\":null}]}");
                }
                out.flush();
            }
            if (anthropic) {
                event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
                        + "\"usage\":{\"output_tokens\":" + completionTokens + "}}");
                event(out, "message_stop", "{\"type\":\"message_stop\"}");
            } else {
                event(out, null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":"
                        + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");
                event(out, null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                        + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}");
                event(out, null, "[DONE]");
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to answer
        }
    }

    private static void event(OutputStream out, @org.jspecify.annotations.Nullable String name, String data) throws IOException {
        String e = (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
        out.write(e.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleepUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
