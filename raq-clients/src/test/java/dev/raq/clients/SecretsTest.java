package dev.raq.clients;

import dev.raq.test.LoopbackServer;
import dev.raq.test.ModelClientContract;
import dev.raq.core.Evaluation;
import dev.raq.core.EvaluationAbortedException;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * No key in any output: keys are normalized and checked where they are configured, and a server that echoes the
 * key (in its error body, as a bearer token or an api-key field) has it masked before it reaches an exception, its
 * stack trace, or a report.
 */
class SecretsTest {

    private static final String CANARY = "sk-canary-7Qz3Lw9Rk2Vt5Xp8";

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A responder that echoes the request's credentials into a JSON error body, with the given status. */
    private static LoopbackServer.Responder echoingKey(int status) {
        return exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String xKey = exchange.getRequestHeaders().getFirst("x-api-key");
            String body = "{\"error\":{\"message\":\"Incorrect API key provided: " + auth + "; x-api-key: " + xKey
                    + "; raw " + CANARY + "\",\"api_key\":\"" + CANARY + "\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    private static String everything(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + trace + "\n" + (e instanceof ModelCallException
                ? ((ModelCallException) e).responseBody().orElse("") : "");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 422, 429, 500, 503})
    void echoedKey_everyStatus_maskedInMessageBodyAndStackTrace(int status) {
        server.then(echoingKey(status));
        for (ModelClient client : List.of(
                OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("m").apiKey(CANARY + "\n").build(),
                AnthropicClient.builder().baseUrl(server.baseUrl()).model("m").apiKey(CANARY).build())) {
            RuntimeException e = catchThrowableOfType(RuntimeException.class,
                    () -> client.complete(ChatRequest.ofUser("q")));
            assertThat(e).isNotNull();
            assertThat(everything(e)).doesNotContain(CANARY).doesNotContain("7Qz3Lw9Rk2Vt5Xp8");
            assertThat(client.toString()).doesNotContain(CANARY);
        }
    }

    @Test
    void echoedKey_evaluationReportInEveryFormat_neverHoldsTheKey() {
        server.then(echoingKey(401));
        ModelClient a = OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("a").apiKey(CANARY).build();
        ModelClient b = OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("b").apiKey(CANARY).build();
        var evaluation = Evaluation.builder().dataset(List.of(Sample.of("q1", "Q?", "R"), Sample.of("q2", "Q?", "R")))
                .candidate("a", a).candidate("b", b).judge(Judges.score((answer, refs) -> 1.0)).build();
        EvaluationAbortedException e = catchThrowableOfType(evaluation::run, EvaluationAbortedException.class);
        EvaluationReport report = e.partialReport();
        assertThat(report.problems()).isNotEmpty();
        assertThat(everything(e)).doesNotContain(CANARY);
        assertThat(report.toJson()).contains("check the API key").doesNotContain(CANARY);
        assertThat(report.toMarkdown()).doesNotContain(CANARY);
        assertThat(report.toString()).doesNotContain(CANARY);
    }

    @Test
    void keyWithTrailingNewline_trimmed_sentAsIs() {
        server.then(LoopbackServer.json(200, Fixtures.read("openai-chat-completion.json")));
        OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("m").apiKey(CANARY + "\n").build()
                .complete(ChatRequest.ofUser("q"));
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer " + CANARY);
    }

    @Test
    void keyWithControlCharacter_rejectedNamingTheSourceNeverTheKey() {
        assertThatThrownBy(() -> OpenAiCompatibleClient.builder().apiKey("sk-abc\ndef-123456"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey(...)").hasMessageContaining("position 7")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("sk-abc").doesNotContain("def-123456"));
        assertThatThrownBy(() -> OpenAiCompatibleClient.openAi().model("m")
                .environment(Map.of("OPENAI_API_KEY", "sk-xyz\u0007987654")::get).build())
                .hasMessageContaining("the environment variable OPENAI_API_KEY")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("sk-xyz"));
    }

    @Test
    void canary_everyOutputChannel_logsAtAllStoreRecordingAndReports(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // answers: one good reply, then 429, 500 (retried) and 401 (not) with the credentials echoed back
        server.then(LoopbackServer.json(200, Fixtures.read("openai-chat-completion.json")), echoingKey(429),
                echoingKey(500), echoingKey(401));
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                StringWriter trace = new StringWriter();
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(r) + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        root.addHandler(capture);
        root.setLevel(java.util.logging.Level.ALL);
        Path storeFile = dir.resolve("store.jsonl");
        Path recording = dir.resolve("recording.jsonl");
        String outputs;
        try (var store = dev.raq.core.store.JsonlResultStore.open(storeFile)) {
            ModelClient client = OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("m")
                    .apiKey(CANARY).build();
            ModelClient recorded = dev.raq.clients.replay.RecordingModelClient.of(
                    dev.raq.clients.resilience.RetryingModelClient.builder(client)
                            .sleeper(d -> java.util.concurrent.CompletableFuture.completedFuture(null)).build(),
                    recording);
            List<Sample> samples = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                samples.add(Sample.of("q" + i, "Q" + i + "?", "R"));
            }
            var evaluation = Evaluation.builder().dataset(samples).candidate("a", recorded)
                    .candidate("b", request -> dev.raq.core.model.Completion.of("b answers"))
                    .judge(Judges.score((answer, refs) -> answer.length())).store(store).concurrency(1)
                    .failurePolicy(dev.raq.core.FailurePolicy.tolerant()).build();
            EvaluationReport report = evaluation.run();
            assertThat(report.answerErrors()).isPositive();
            java.io.StringWriter html = new java.io.StringWriter();
            dev.raq.report.html.HtmlReportWriter.create().write(report, html);
            outputs = report.toJson() + report.toMarkdown() + report + html;
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(logged).isNotEmpty();
        assertThat(String.join("\n", logged)).doesNotContain(CANARY);
        assertThat(outputs).doesNotContain(CANARY);
        assertThat(java.nio.file.Files.readString(storeFile)).doesNotContain(CANARY);
        if (java.nio.file.Files.exists(recording)) {
            assertThat(java.nio.file.Files.readString(recording)).doesNotContain(CANARY);
        }
    }
}
