package dev.raq.bedrock;

import com.sun.net.httpserver.HttpExchange;
import dev.raq.test.LoopbackServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Test fixtures: JSON files, static test credentials, and AWS event-stream answers for the loopback server. */
final class Fixtures {

    static final String ACCESS_KEY_ID = "AKIDTEST";
    static final String SECRET = "secret-test-key";

    private Fixtures() {
    }

    /**
     * Closes a client on a daemon thread: the SDK's Netty event loop takes about two seconds to shut down gracefully,
     * which the tests need not wait for.
     */
    static void closeLater(AutoCloseable client) {
        Thread t = new Thread(() -> {
            try {
                client.close();
            } catch (Exception e) {
                // a test's client; nothing to report
            }
        }, "close-bedrock-client");
        t.setDaemon(true);
        t.start();
    }

    static StaticCredentialsProvider credentials(String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, secret));
    }

    static String read(String name) {
        try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event of an AWS event stream: {@code :message-type event}, its type, and a JSON payload. */
    static Message event(String type, String json) {
        return message("event", type, json);
    }

    /** A modeled exception inside an event stream, such as {@code throttlingException}. */
    static Message exception(String type, String json) {
        return message("exception", type, json);
    }

    /** A JSON message of this kind ({@code event} or {@code exception}) whose {@code :<kind>-type} is the type. */
    private static Message message(String kind, String type, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString(kind));
        headers.put(":" + kind + "-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return new Message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers 200 with these events in AWS's binary event-stream framing (encoded by the SDK's own codec). */
    static LoopbackServer.Responder eventStream(Message... events) {
        return exchange -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Message m : events) {
                m.encode(bytes);
            }
            send(exchange, bytes.toByteArray());
        };
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "req-1");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }
}
