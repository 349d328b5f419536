package dev.raq.clients.replay;

import com.sun.net.httpserver.HttpServer;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingModelClientTest {

    private static final String KEY = "sk-live-SECRET-777";

    @TempDir
    Path dir;

    @Test
    void recordThenReplay_answersTheSameWithoutTheModel() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        AtomicInteger calls = new AtomicInteger();
        ModelClient live = r -> Completion.builder("answer " + calls.incrementAndGet())
                .usage(TokenUsage.reported(10, 3)).finishReason("stop").modelId("gpt-4o-mini-2024-07-18").build();
        RecordingModelClient recording = RecordingModelClient.of(live, file, "gpt-4o-mini");
        ChatRequest q1 = ChatRequest.builder().system("judge").user("Rank A, B").build();
        ChatRequest q2 = ChatRequest.ofUser("Capital of France?");

        Completion a1 = recording.complete(q1);
        Completion a2 = recording.completeAsync(q2, Runnable::run).join();

        ReplayingModelClient replay = ReplayingModelClient.of(file, "gpt-4o-mini");
        assertThat(replay.recordedRequests()).isEqualTo(2);
        assertThat(replay.complete(q1)).isEqualTo(a1);
        assertThat(replay.completeAsync(q2, Runnable::run).join()).isEqualTo(a2);
        assertThat(replay.modelId()).contains("gpt-4o-mini");
        assertThat(calls).hasValue(2);
    }

    @Test
    void recording_fromHttpClientWithKey_neverWritesTheKey() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"hi\"},"
                    + "\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path file = dir.resolve("calls.jsonl");
            OpenAiCompatibleClient http = OpenAiCompatibleClient.builder()
                    .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1").model("m").apiKey(KEY)
                    .header("X-Org", "org-1").build();

            RecordingModelClient.of(http, file).complete(ChatRequest.ofUser("hello"));

            String written = Files.readString(file);
            assertThat(written).contains("\"text\":\"hi\"").contains("\"model\":\"m\"")
                    .doesNotContain(KEY).doesNotContainIgnoringCase("authorization").doesNotContain("Bearer")
                    .doesNotContain("127.0.0.1").doesNotContain("org-1");
            assertThat(ReplayingModelClient.of(file, "m").complete(ChatRequest.ofUser("hello")).text())
                    .isEqualTo("hi");
        } finally {
            server.stop(0);
        }
    }
}
