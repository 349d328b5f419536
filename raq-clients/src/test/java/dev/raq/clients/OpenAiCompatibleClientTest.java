package dev.raq.clients;

import dev.raq.test.LoopbackServer;
import dev.raq.test.ModelClientContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.clients.resilience.RetryPolicy;
import dev.raq.clients.resilience.RetryingModelClient;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpExchange;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.raq.test.LoopbackServer.data;
import static dev.raq.test.LoopbackServer.json;
import static dev.raq.test.LoopbackServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiCompatibleClientTest {

    private static final String KEY = "sk-test-SECRET-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplySchema RANK = new ReplySchema("return_rank", "The ranking of the answers, best first.",
            "{\"type\":\"object\",\"properties\":{\"ranking\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                    + "\"required\":[\"ranking\"]}");

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiCompatibleClient.Builder client() {
        return OpenAiCompatibleClient.builder().baseUrl(server.baseUrl()).model("meta/llama3-8b-instruct")
                .apiKey(KEY);
    }

    @Test
    void complete_okReply_readsTextUsageFinishReasonAndModel() {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));

        Completion c = client().ticker(Fixtures.steppingTicker(10)).build()
                .complete(ChatRequest.builder().system("Be brief.").user("Capital of France?").build());

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.usage()).contains(TokenUsage.reported(23, 8));
        assertThat(c.finishReason()).contains("stop");
        assertThat(c.modelId()).contains("meta/llama3-8b-instruct");
        assertThat(c.latency()).contains(Duration.ofMillis(10));
        assertThat(c.timeToFirstToken()).isEmpty();
    }

    @Test
    void complete_request_sendsPostWithBearerKeyAndJsonBody() throws Exception {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));
        GenerationOptions defaults = GenerationOptions.builder().temperature(0.2).maxTokens(256).build();
        OpenAiCompatibleClient client = client().defaultOptions(defaults).header("X-Team", "eval").build();

        client.complete(ChatRequest.builder().system("Be brief.").user("Capital of France?")
                .options(GenerationOptions.builder().temperature(0.7).seed(42).stop(List.of("\n\n")).build())
                .build());

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.query()).isNull();
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Team")).isEqualTo("eval");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("model").asText()).isEqualTo("meta/llama3-8b-instruct");
        assertThat(body.path("messages").toString()).isEqualTo(
                "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Capital of France?\"}]");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("stop").toString()).isEqualTo("[\"\\n\\n\"]");
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("top_p")).isFalse();
    }

    @Test
    void evaluation_wrongPort_stopsWithTheEndpointAndConnectionCauseNamed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/v1";
        ModelClient a = OpenAiCompatibleClient.local(url).model("a").build();
        ModelClient b = OpenAiCompatibleClient.local(url).model("b").build();
        var evaluation = dev.raq.core.Evaluation.builder()
                .dataset(List.of(dev.raq.core.data.Sample.of("q1", "Q?", "R"), dev.raq.core.data.Sample.of("q2", "Q2?", "R")))
                .candidate("a", a).candidate("b", b)
                .judge(dev.raq.core.judge.Judges.score((answer, references) -> 1.0)).build();

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(evaluation::run,
                dev.raq.core.EvaluationAbortedException.class);

        assertThat(e).hasMessageContaining("no sample was answered by two candidates")
                .hasMessageContaining("[endpoint " + url + "]");
        var problems = e.partialReport().problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).byCause()).containsOnlyKeys(dev.raq.core.model.FailureCause.CONNECTION);
    }

    @Test
    void fingerprint_coversModelReplyModeAndOptions_neverKeyOrEndpoint() {
        OpenAiCompatibleClient base = OpenAiCompatibleClient.openAi().apiKey("sk-canary-123").model("m")
                .baseUrl("http://127.0.0.1:1/v1").build();
        String fp = base.fingerprint();
        assertThat(fp).doesNotContain("sk-canary-123").doesNotContain("127.0.0.1").contains("m");
        assertThat(OpenAiCompatibleClient.openAi().apiKey("sk-other").model("m").baseUrl("http://127.0.0.2:1/v1")
                .build().fingerprint()).isEqualTo(fp);
        assertThat(OpenAiCompatibleClient.openAi().apiKey("k").model("m2").build().fingerprint()).isNotEqualTo(fp);
        assertThat(OpenAiCompatibleClient.openAi().apiKey("k").model("m")
                .structuredReplyMode(StructuredReplyMode.TOOL_CALL).build().fingerprint()).isNotEqualTo(fp);
        assertThat(OpenAiCompatibleClient.openAi().apiKey("k").model("m")
                .defaultOptions(GenerationOptions.builder().temperature(0).build()).build().fingerprint())
                .isNotEqualTo(fp);
        assertThat(base.endpoint()).hasValue("http://127.0.0.1:1/v1");
        assertThat(dev.raq.clients.ModelClients.retrying(base, dev.raq.clients.resilience.RetryPolicy
                .defaults()).fingerprint()).isEqualTo(fp);
    }

    @Test
    void complete_localEndpointWithoutKey_sendsNoAuthorization() {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));
        OpenAiCompatibleClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("llama3.1")
                .environment(Map.of("OPENAI_API_KEY", "sk-from-env")::get).build();

        assertThat(client.complete(ChatRequest.ofUser("hi")).text()).startsWith("Paris");
        assertThat(server.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void build_keyFromEnvironment_nimPrefersNgcThenNvidia() {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));
        OpenAiCompatibleClient client = OpenAiCompatibleClient.nim().baseUrl(server.baseUrl()).model("m")
                .environment(Map.of("NVIDIA_API_KEY", "nvapi-second")::get).build();

        client.complete(ChatRequest.ofUser("hi"));

        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer nvapi-second");
    }

    @Test
    void build_presetWithoutKey_failsNamingTheVariables() {
        assertThatThrownBy(() -> OpenAiCompatibleClient.nim().environment(name -> null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NGC_API_KEY or NVIDIA_API_KEY")
                .hasMessageContaining("model is not set");
    }

    @Test
    void presets_fillBaseUrls() {
        assertThat(OpenAiCompatibleClient.nim().model("m").apiKey("k").build().toString())
                .contains("baseUrl=https://integrate.api.nvidia.com/v1");
        assertThat(OpenAiCompatibleClient.openAi().model("m").apiKey("k").build().toString())
                .contains("baseUrl=https://api.openai.com/v1");
    }

    @Test
    void toString_withKey_showsStarsOnly() {
        OpenAiCompatibleClient client = client().build();

        assertThat(client.toString()).contains("apiKey=****").doesNotContain(KEY);
        assertThat(client().toString()).doesNotContain(KEY);
    }

    @Test
    void builder_badValues_rejectedAtOnce() {
        OpenAiCompatibleClient.Builder b = OpenAiCompatibleClient.builder();
        assertThatThrownBy(() -> b.baseUrl("ftp://x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> b.baseUrl("https://user:" + KEY + "@host/v1"))
                .hasMessageContaining("credentials").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> b.header("Authorization", "Bearer x")).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> b.model(" ")).hasMessageContaining("model");
    }

    @Test
    void complete_streaming_accumulatesDeltasUsageAndTimeToFirstToken() throws Exception {
        server.then(sse(Fixtures.read("openai-stream.txt")));

        Completion c = client().streaming(true).ticker(Fixtures.steppingTicker(10)).build()
                .complete(ChatRequest.ofUser("Capital of France?"));

        assertThat(c.text()).isEqualTo("Paris is the capital.");
        assertThat(c.usage()).contains(TokenUsage.reported(23, 5));
        assertThat(c.finishReason()).contains("stop");
        assertThat(c.modelId()).contains("meta/llama3-8b-instruct");
        assertThat(c.timeToFirstToken()).contains(Duration.ofMillis(10));
        assertThat(c.latency()).contains(Duration.ofMillis(20));
        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(server.lastRequest().header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void complete_streamWithoutUsage_estimatesUsage() {
        server.then(sse(data("{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"12345678\"}}]}"),
                data("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}"), data("[DONE]")));

        Completion c = client().streaming(true).build().complete(ChatRequest.ofUser("abcdefghi"));

        assertThat(c.text()).isEqualTo("12345678");
        assertThat(c.finishReason()).contains("length");
        assertThat(c.usage()).contains(TokenUsage.estimated(3, 2));
    }

    @Test
    void complete_streamCutBeforeDone_isRetriableConnection() {
        server.then(sse(data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Par\"}}]}")));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        assertThat(e.getCause()).hasMessageContaining("[DONE]");
    }

    @Test
    void complete_connectionClosedMidStream_isRetriableConnection() {
        // the server promises 4096 bytes, sends one chunk and closes the connection
        server.then(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 4096);
            OutputStream out = exchange.getResponseBody();
            out.write(data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Par\"}}]}")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            exchange.close();
        });

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
    }

    @Test
    void complete_429ThenOk_throughRetryingDecorator_succeedsAfterRetryAfter() {
        server.then(json(429, Fixtures.read("openai-error-429.json"), "retry-after-ms", "20"),
                json(200, Fixtures.read("openai-chat-completion.json")));
        List<Duration> waits = new ArrayList<>();
        ModelClient client = RetryingModelClient.builder(client().build()).sleeper(d -> {
            waits.add(d);
            return CompletableFuture.completedFuture(null);
        }).policy(RetryPolicy.defaults().withJitter(0).withBackoff(Duration.ofMillis(10), Duration.ofSeconds(1)))
                .build();

        assertThat(client.completeAsync(ChatRequest.ofUser("q"), Runnable::run).join().text()).startsWith("Paris");
        assertThat(waits).containsExactly(Duration.ofMillis(20));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void complete_streamWithErrorChunk_mapsToStatus() {
        server.then(sse(data("{\"error\":{\"message\":\"overloaded\",\"code\":503}}")));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(503);
        assertThat(e.model()).isEqualTo("meta/llama3-8b-instruct");
    }

    @Test
    void complete_streamWithMalformedChunk_isMalformedResponse() {
        server.then(sse(data("{not json"), data("[DONE]")));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE);
    }

    @Test
    void complete_streamingRequestedButJsonAnswered_readsWholeReply() {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));

        assertThat(client().streaming(true).build().complete(ChatRequest.ofUser("q")).text())
                .isEqualTo("Paris is the capital of France.");
    }

    @Test
    void complete_jsonSchemaMode_sendsResponseFormat() throws Exception {
        server.then(json(200, "{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"ranking\\\":[\\\"A\\\"]}\"},\"finish_reason\":\"stop\"}]}"));

        Completion c = client().build().complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"A\"]}");
        JsonNode format = JSON.readTree(server.lastRequest().body()).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("return_rank");
        assertThat(format.path("json_schema").path("schema")).isEqualTo(JSON.readTree(RANK.jsonSchema()));
    }

    @Test
    void complete_toolCallMode_forcesToolAndReturnsArguments() throws Exception {
        server.then(json(200, Fixtures.read("openai-tool-call.json")));

        Completion c = client().structuredReplyMode(StructuredReplyMode.TOOL_CALL).build()
                .complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"B\",\"A\",\"C\"]}");
        assertThat(c.finishReason()).contains("tool_calls");
        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("return_rank");
        assertThat(body.path("tools").get(0).path("function").path("parameters"))
                .isEqualTo(JSON.readTree(RANK.jsonSchema()));
        assertThat(body.path("tool_choice").path("function").path("name").asText()).isEqualTo("return_rank");
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void complete_toolCallModeStreaming_joinsArgumentDeltas() {
        server.then(sse(Fixtures.read("openai-stream-tool.txt")));

        Completion c = client().streaming(true).structuredReplyMode(StructuredReplyMode.TOOL_CALL).build()
                .complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"A\",\"B\"]}");
        assertThat(c.finishReason()).contains("tool_calls");
    }

    @Test
    void complete_promptMode_appendsSchemaAndUnfencesReply() throws Exception {
        server.then(json(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"```json\\n{\\\"ranking\\\":[\\\"A\\\"]}\\n```\"},\"finish_reason\":\"stop\"}]}"));

        Completion c = client().structuredReplyMode(StructuredReplyMode.PROMPT).build()
                .complete(ChatRequest.builder().system("judge").user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"A\"]}");
        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("judge");
        assertThat(body.path("messages").get(1).path("content").asText()).startsWith("rank\n\n")
                .contains("return_rank").contains(RANK.jsonSchema());
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("response_format")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"400, INVALID_REQUEST", "401, AUTHENTICATION", "403, AUTHENTICATION", "404, NOT_FOUND",
            "413, INVALID_REQUEST", "422, INVALID_REQUEST", "418, OTHER"})
    void complete_nonRetriableStatus_mapsReasonAndKeepsBody(int status, NonRetriableModelCallException.Reason reason) {
        String body = "{\"error\":{\"message\":\"status " + status + "\"}}";
        server.then(json(status, body));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.responseBody()).contains(body);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("meta/llama3-8b-instruct").contains("HTTP " + status)
                .doesNotContain(KEY);
    }

    @ParameterizedTest
    @CsvSource({"408, TIMEOUT", "429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR",
            "503, SERVER_ERROR"})
    void complete_retriableStatus_mapsReason(int status, RetriableModelCallException.Reason reason) {
        server.then(json(status, "{\"error\":{\"message\":\"try later\"}}"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(KEY);
    }

    @Test
    void complete_429WithRetryAfterSeconds_carriesDelay() {
        server.then(json(429, Fixtures.read("openai-error-429.json"), "Retry-After", "7"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("retry after 7 s");
        assertThat(e.responseBody().orElseThrow()).contains("rate_limit_exceeded");
    }

    @Test
    void complete_429WithRetryAfterMs_prefersMilliseconds() {
        server.then(json(429, "{}", "retry-after-ms", "1500", "Retry-After", "2"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void complete_429WithRetryAfterHttpDate_measuresFromServerDate() {
        // the JDK server sets its own Date header; a date far ahead of it gives a delay close to the difference
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        server.then(json(429, "{}", "Retry-After", at));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.retryAfter().orElseThrow()).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
    }

    @Test
    void complete_serverTooSlow_isRetriableTimeout() {
        server.then(server.hang());

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().requestTimeout(Duration.ofMillis(200)).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.TIMEOUT);
    }

    @Test
    void complete_connectionReset_isRetriableConnection() throws Exception {
        try (Fixtures.ResettingServer reset = new Fixtures.ResettingServer()) {
            RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                    () -> OpenAiCompatibleClient.local(reset.baseUrl()).model("m").build()
                            .complete(ChatRequest.ofUser("q")));

            assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        }
    }

    @Test
    void complete_bodyCutShort_isRetriableGarbledReplyWithBody() {
        server.then(json(200, "{\"choices\": [ {\"message\": "));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.GARBLED_REPLY);
        assertThat(e.httpStatus()).hasValue(200);
        assertThat(e.responseBody()).contains("{\"choices\": [ {\"message\": ");
    }

    @Test
    void complete_garbledThenGood_retryingClientSucceedsOnTheSecondAttempt() {
        server.then(json(200, "<html>proxy error</html>"));
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));

        Completion c = RetryingModelClient.builder(client().build()).policy(RetryPolicy.defaults())
                .sleeper(d -> CompletableFuture.completedFuture(null)).build().complete(ChatRequest.ofUser("q"));

        assertThat(c.text()).isNotBlank();
    }

    @Test
    void complete_emptyChoices_isMalformedResponse() {
        server.then(json(200, "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE);
        assertThat(e.getCause()).hasMessageContaining("no choices");
    }

    @Test
    void complete_noUsage_estimatesFourCharactersPerToken() {
        server.then(json(200, "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"abcde\"}}]}"));

        Completion c = client().build().complete(ChatRequest.builder().system("1234").user("5678").build());

        assertThat(c.usage()).contains(TokenUsage.estimated(2, 2));
        assertThat(c.finishReason()).isEmpty();
        assertThat(c.modelId()).isEmpty();
    }

    @Test
    void completeAsync_failure_completesExceptionallyWithModelCallException() {
        server.then(json(401, "{\"error\":\"bad key\"}"));

        assertThatThrownBy(() -> client().build().completeAsync(ChatRequest.ofUser("q"), Runnable::run).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NonRetriableModelCallException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void completeAsync_300CallsInFlightAtOnce_allCompleteOnAFewClientThreads() throws Exception {
        int calls = 300;
        List<HttpExchange> parked = new ArrayList<>();
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        AtomicLong newClientThreadsAtPeak = new AtomicLong(-1);
        String reply = Fixtures.read("openai-chat-completion.json");
        // the server answers nobody until all calls are in flight, then everybody
        server.then(exchange -> {
            List<HttpExchange> release = List.of();
            synchronized (parked) {
                parked.add(exchange);
                if (parked.size() == calls) {
                    release = new ArrayList<>(parked);
                    newClientThreadsAtPeak.set(Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> !before.contains(t) && !t.getName().startsWith("loopback-server"))
                            .count());
                }
            }
            for (HttpExchange e : release) {
                LoopbackServer.send(e, 200, "application/json", reply);
            }
        });
        OpenAiCompatibleClient client = client().build();
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try {
            List<CompletableFuture<Completion>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(client.completeAsync(ChatRequest.ofUser("q" + i), callbacks));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(futures).allSatisfy(f -> assertThat(f.join().text()).startsWith("Paris"));
            // new threads while all calls were in flight: the HttpClient's selector and the shared pool, whose size is
            // bounded however many calls are in flight
            assertThat(newClientThreadsAtPeak.get()).isBetween(0L, 32 + 2L /* the shared pool's bound, SharedHttpExecutor.MAX_THREADS */);
            assertThat(newClientThreadsAtPeak.get()).isLessThan(calls / 4);
            assertThat(server.requests()).hasSize(calls);
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void completeAsync_executor_completesTheFutureOnIt() {
        server.then(json(200, Fixtures.read("openai-chat-completion.json")));
        AtomicLong tasks = new AtomicLong();
        Executor counting = task -> {
            tasks.incrementAndGet();
            task.run();
        };

        Completion c = client().build().completeAsync(ChatRequest.ofUser("q"), counting).join();

        assertThat(c.text()).startsWith("Paris");
        assertThat(tasks).hasValue(1);
    }

    @Test
    void modelId_isConfiguredModel() {
        assertThat(client().build().modelId()).contains("meta/llama3-8b-instruct");
    }

    @Test
    void exceptions_neverCarryTheKey() {
        server.then(json(403, "{\"error\":\"forbidden\"}"));

        ModelCallException e = catchThrowableOfType(ModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(String.valueOf(e.getMessage()) + e.responseBody().orElse("") + e).doesNotContain(KEY);
        assertThat(server.lastRequest().path() + server.lastRequest().query()).doesNotContain(KEY);
    }
}
