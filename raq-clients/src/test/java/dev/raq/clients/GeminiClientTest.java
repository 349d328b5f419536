package dev.raq.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.raq.test.LoopbackServer.data;
import static dev.raq.test.LoopbackServer.json;
import static dev.raq.test.LoopbackServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeminiClientTest {

    private static final String KEY = "AIzaSyD-SECRET-gemini-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplySchema RANK = new ReplySchema("return_rank", "The ranking, best first.",
            "{\"type\":\"object\",\"properties\":{\"ranking\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                    + "\"required\":[\"ranking\"]}");

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private GeminiClient.Builder client() {
        return GeminiClient.builder().baseUrl(server.baseUrl()).model("gemini-2.0-flash").apiKey(KEY);
    }

    @Test
    void complete_okReply_readsTextUsageFinishReasonAndModelVersion() {
        server.then(json(200, Fixtures.read("gemini-generate-content.json")));

        Completion c = client().ticker(Fixtures.steppingTicker(5)).build().complete(ChatRequest.ofUser("Capital?"));

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.usage()).contains(TokenUsage.reported(12, 7));
        assertThat(c.finishReason()).contains("stop");
        assertThat(c.modelId()).contains("gemini-2.0-flash-001");
        assertThat(c.latency()).contains(Duration.ofMillis(5));
    }

    @Test
    void complete_request_sendsPathKeyHeaderAndNoKeyInUrl() {
        server.then(json(200, Fixtures.read("gemini-generate-content.json")));

        client().header("x-goog-user-project", "p1").build().complete(ChatRequest.ofUser("q"));

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/models/gemini-2.0-flash:generateContent");
        assertThat(r.query()).isNull();
        assertThat(r.header("x-goog-api-key")).isEqualTo(KEY);
        assertThat(r.header("x-goog-user-project")).isEqualTo("p1");
        assertThat(r.header("Authorization")).isNull();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).doesNotContain(KEY);
    }

    @Test
    void complete_request_mapsSystemRolesAndGenerationConfig() throws Exception {
        server.then(json(200, Fixtures.read("gemini-generate-content.json")));

        client().defaultOptions(GenerationOptions.builder().temperature(0.2).maxTokens(64).build()).build()
                .complete(ChatRequest.builder().system("Be brief.").system("Answer in English.").user("Capital?")
                        .assistant("Of?").user("France")
                        .options(GenerationOptions.builder().temperature(0.5).topP(0.9).stop(List.of("END"))
                                .seed(3).frequencyPenalty(0.1).presencePenalty(0.2).build())
                        .build());

        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("systemInstruction").toString())
                .isEqualTo("{\"parts\":[{\"text\":\"Be brief.\"},{\"text\":\"Answer in English.\"}]}");
        assertThat(body.path("contents").toString()).isEqualTo(
                "[{\"role\":\"user\",\"parts\":[{\"text\":\"Capital?\"}]},"
                        + "{\"role\":\"model\",\"parts\":[{\"text\":\"Of?\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"text\":\"France\"}]}]");
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(config.path("topP").asDouble()).isEqualTo(0.9);
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(64);
        assertThat(config.path("stopSequences").toString()).isEqualTo("[\"END\"]");
        assertThat(config.path("seed").asLong()).isEqualTo(3);
        assertThat(config.path("frequencyPenalty").asDouble()).isEqualTo(0.1);
        assertThat(config.path("presencePenalty").asDouble()).isEqualTo(0.2);
        assertThat(config.has("responseMimeType")).isFalse();
        assertThat(body.has("model")).isFalse();
    }

    @Test
    void complete_noOptionsNoSystem_sendsOnlyContents() throws Exception {
        server.then(json(200, Fixtures.read("gemini-generate-content.json")));

        client().build().complete(ChatRequest.ofUser("q"));

        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.fieldNames()).toIterable().containsExactly("contents");
    }

    @Test
    void complete_schema_sendsJsonMimeTypeAndSchemaAsGiven() throws Exception {
        server.then(json(200, "{\"candidates\":[{\"content\":{\"parts\":"
                + "[{\"text\":\"{\\\"ranking\\\":[\\\"C\\\",\\\"A\\\"]}\"}],"
                + "\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"modelVersion\":\"gemini-2.0-flash\"}"));

        Completion c = client().build().complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"C\",\"A\"]}");
        JsonNode config = JSON.readTree(server.lastRequest().body()).path("generationConfig");
        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(config.path("responseJsonSchema")).isEqualTo(JSON.readTree(RANK.jsonSchema()));
    }

    @Test
    void complete_thoughtPartsAndThinkingTokens_skipsThoughtsCountsTokensAsOutput() {
        server.then(json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hmm\",\"thought\":true},"
                + "{\"text\":\"42\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"usageMetadata\":"
                + "{\"promptTokenCount\":5,\"candidatesTokenCount\":1,\"thoughtsTokenCount\":30},"
                + "\"modelVersion\":\"gemini-2.5-flash\",\"someFutureField\":{\"x\":1}}"));

        Completion c = client().build().complete(ChatRequest.ofUser("q"));

        assertThat(c.text()).isEqualTo("42");
        assertThat(c.usage()).contains(TokenUsage.reported(5, 31));
    }

    @Test
    void complete_maxTokensAndSafety_mapFinishReasons() {
        server.then(json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Par\"}]},"
                        + "\"finishReason\":\"MAX_TOKENS\"}]}"),
                json(200, "{\"candidates\":[{\"finishReason\":\"SAFETY\"}]}"),
                json(200, "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},"
                        + "\"usageMetadata\":{\"promptTokenCount\":9}}"));
        GeminiClient client = client().build();

        Completion length = client.complete(ChatRequest.ofUser("q"));
        Completion safety = client.complete(ChatRequest.ofUser("q"));
        Completion blocked = client.complete(ChatRequest.ofUser("q"));

        assertThat(length.finishReason()).contains("length");
        assertThat(safety.text()).isEmpty();
        assertThat(safety.finishReason()).contains("safety");
        assertThat(blocked.text()).isEmpty();
        assertThat(blocked.finishReason()).contains("prohibited_content");
        assertThat(blocked.usage()).contains(TokenUsage.reported(9, 0));
    }

    @Test
    void complete_noCandidates_isMalformed() {
        server.then(json(200, "{\"usageMetadata\":{\"promptTokenCount\":9}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE);
    }

    @Test
    void complete_streaming_joinsChunksWithUsageAndTimeToFirstToken() throws Exception {
        server.then(sse(Fixtures.read("gemini-stream.txt")));

        Completion c = client().streaming(true).ticker(Fixtures.steppingTicker(10)).build()
                .complete(ChatRequest.ofUser("Capital?"));

        assertThat(c.text()).isEqualTo("Paris is the capital.");
        assertThat(c.usage()).contains(TokenUsage.reported(12, 5));
        assertThat(c.finishReason()).contains("length");
        assertThat(c.modelId()).contains("gemini-2.0-flash-001");
        assertThat(c.timeToFirstToken()).contains(Duration.ofMillis(10));
        assertThat(c.latency()).contains(Duration.ofMillis(20));
        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.path()).isEqualTo("/v1/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(r.query()).isEqualTo("alt=sse");
        assertThat(r.header("x-goog-api-key")).isEqualTo(KEY);
        assertThat(r.header("Accept")).isEqualTo("text/event-stream");
        assertThat(JSON.readTree(r.body()).has("stream")).isFalse();
    }

    @Test
    void complete_streamCutBeforeFinishReason_isRetriableConnection() {
        String full = Fixtures.read("gemini-stream.txt");
        server.then(sse(full.substring(0, full.lastIndexOf("data:"))));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        assertThat(e.getCause()).hasMessageContaining("finishReason");
    }

    @Test
    void complete_streamErrorChunk_mapsLikeHttpStatus() {
        server.then(sse(data("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Pa\"}]}}]}"),
                data("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
                        + "\"status\":\"UNAVAILABLE\"}}")));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(503);
        assertThat(e.responseBody().orElseThrow()).contains("UNAVAILABLE");
    }

    @Test
    void complete_http429_isRetriableRateLimitedWithRetryAfter() {
        server.then(json(429, Fixtures.read("gemini-error-429.json"), "Retry-After", "7"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.responseBody().orElseThrow()).contains("RESOURCE_EXHAUSTED");
    }

    @Test
    void complete_http400_isNonRetriableAndMasksTheKey() {
        server.then(json(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid: " + KEY + "\","
                + "\"status\":\"INVALID_ARGUMENT\"}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.INVALID_REQUEST);
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.getMessage() + e.responseBody().orElse("")).doesNotContain(KEY).contains("INVALID_ARGUMENT");
    }

    @Test
    void complete_http503_isRetriableServerError() {
        server.then(json(503, "{\"error\":{\"code\":503,\"message\":\"overloaded\",\"status\":\"UNAVAILABLE\"}}"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.SERVER_ERROR);
    }

    @Test
    void build_keyFromGeminiThenGoogleVariable_neverShown() {
        GeminiClient both = GeminiClient.google().model("gemini-2.0-flash")
                .environment(Map.of("GEMINI_API_KEY", KEY, "GOOGLE_API_KEY", "AIzaOTHER-key-999")::get).build();
        GeminiClient google = GeminiClient.google().model("gemini-2.0-flash")
                .environment(Map.of("GOOGLE_API_KEY", KEY)::get).build();

        assertThat(both.toString()).contains("apiKey=****").contains(GeminiClient.DEFAULT_BASE_URL)
                .doesNotContain(KEY);
        assertThat(google.toString()).contains("apiKey=****").doesNotContain(KEY);
        assertThat(both.fingerprint()).contains("gemini").contains("gemini-2.0-flash").doesNotContain(KEY);
        assertThat(both.endpoint()).hasValue(GeminiClient.DEFAULT_BASE_URL);
    }

    @Test
    void build_environmentKeyIsTheOneSent() {
        server.then(json(200, Fixtures.read("gemini-generate-content.json")));

        GeminiClient.builder().baseUrl(server.baseUrl()).model("gemini-2.0-flash")
                .environment(Map.of("GEMINI_API_KEY", KEY, "GOOGLE_API_KEY", "AIzaOTHER-key-999")::get).build()
                .complete(ChatRequest.ofUser("q"));

        assertThat(server.lastRequest().header("x-goog-api-key")).isEqualTo(KEY);
    }

    @Test
    void build_problems_reportedTogetherOrAtOnce() {
        assertThatThrownBy(() -> GeminiClient.builder().environment(n -> null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GEMINI_API_KEY or GOOGLE_API_KEY").hasMessageContaining("model is not set");
        assertThatThrownBy(() -> GeminiClient.builder().header("X-Goog-Api-Key", "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("'k'");
        assertThatThrownBy(() -> GeminiClient.builder().model("gemini pro/../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
        assertThat(GeminiClient.builder().model("models/gemini-2.0-flash").apiKey(KEY).build().modelId())
                .hasValue("gemini-2.0-flash");
    }
}
