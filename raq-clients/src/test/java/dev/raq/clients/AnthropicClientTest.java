package dev.raq.clients;

import dev.raq.test.LoopbackServer;
import dev.raq.test.ModelClientContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.raq.test.LoopbackServer.event;
import static dev.raq.test.LoopbackServer.json;
import static dev.raq.test.LoopbackServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicClientTest {

    private static final String KEY = "sk-ant-api03-SECRET-abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplySchema RANK = new ReplySchema("return_rank", "The ranking, best first.",
            "{\"type\":\"object\",\"properties\":{\"ranking\":{\"type\":\"array\"}}}");

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicClient.Builder client() {
        return AnthropicClient.builder().baseUrl(server.baseUrl()).model("claude-3-5-haiku-20241022").apiKey(KEY);
    }

    @Test
    void complete_okReply_readsTextUsageStopReasonAndModel() {
        server.then(json(200, Fixtures.read("anthropic-message.json")));

        Completion c = client().ticker(Fixtures.steppingTicker(5)).build().complete(ChatRequest.ofUser("Capital?"));

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.usage()).contains(TokenUsage.reported(21, 9));
        assertThat(c.finishReason()).contains("end_turn");
        assertThat(c.modelId()).contains("claude-3-5-haiku-20241022");
        assertThat(c.latency()).contains(Duration.ofMillis(5));
    }

    @Test
    void complete_request_sendsHeadersSystemAndDefaultMaxTokens() throws Exception {
        server.then(json(200, Fixtures.read("anthropic-message.json")));

        client().header("anthropic-beta", "tools-2024-05-16").build().complete(ChatRequest.builder()
                .system("Be brief.").system("Answer in English.").user("Capital?").assistant("Of?").user("France")
                .options(GenerationOptions.builder().temperature(0.5).stop(List.of("END")).seed(3).build()).build());

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/messages");
        assertThat(r.header("x-api-key")).isEqualTo(KEY);
        assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r.header("anthropic-beta")).isEqualTo("tools-2024-05-16");
        assertThat(r.header("Authorization")).isNull();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("system").asText()).isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicClient.DEFAULT_MAX_TOKENS);
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Capital?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Of?\"},{\"role\":\"user\",\"content\":\"France\"}]");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void complete_maxTokensFromDefaults_overridesDefault() throws Exception {
        server.then(json(200, Fixtures.read("anthropic-message.json")));

        client().defaultOptions(GenerationOptions.builder().maxTokens(64).build()).build()
                .complete(ChatRequest.ofUser("q"));

        assertThat(JSON.readTree(server.lastRequest().body()).path("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void complete_schema_forcesToolAndReturnsInputJson() throws Exception {
        server.then(json(200, Fixtures.read("anthropic-tool-use.json")));

        Completion c = client().build().complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"C\",\"A\",\"B\"]}");
        assertThat(c.finishReason()).contains("tool_use");
        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("return_rank");
        assertThat(body.path("tools").get(0).path("input_schema")).isEqualTo(JSON.readTree(RANK.jsonSchema()));
        assertThat(body.path("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"return_rank\"}");
    }

    @Test
    void complete_streaming_followsEventsAndUsage() throws Exception {
        server.then(sse(Fixtures.read("anthropic-stream.txt")));

        Completion c = client().streaming(true).ticker(Fixtures.steppingTicker(10)).build()
                .complete(ChatRequest.ofUser("Capital?"));

        assertThat(c.text()).isEqualTo("Paris is the capital.");
        assertThat(c.usage()).contains(TokenUsage.reported(25, 15));
        assertThat(c.finishReason()).contains("end_turn");
        assertThat(c.modelId()).contains("claude-3-5-haiku-20241022");
        assertThat(c.timeToFirstToken()).contains(Duration.ofMillis(10));
        assertThat(c.latency()).contains(Duration.ofMillis(20));
        assertThat(JSON.readTree(server.lastRequest().body()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void complete_streamingTool_joinsPartialJson() {
        server.then(sse(Fixtures.read("anthropic-stream-tool.txt")));

        Completion c = client().streaming(true).build()
                .complete(ChatRequest.builder().user("rank").replySchema(RANK).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"B\",\"A\"]}");
        assertThat(c.usage()).contains(TokenUsage.reported(472, 89));
    }

    @Test
    void complete_streamErrorEvent_mapsLikeHttpStatus() {
        server.then(sse(event("message_start", "{\"type\":\"message_start\",\"message\":{\"model\":\"c\"}}"),
                event("error", Fixtures.read("anthropic-error-overloaded.json").strip())));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(529);
        assertThat(e.responseBody().orElseThrow()).contains("overloaded_error");
    }

    @Test
    void complete_streamCutBeforeMessageStop_isRetriableConnection() {
        String full = Fixtures.read("anthropic-stream.txt");
        server.then(sse(full.substring(0, full.indexOf("event: message_delta"))));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().streaming(true).build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        assertThat(e.getCause()).hasMessageContaining("message_stop");
    }

    @Test
    void complete_http529Overloaded_isServerError() {
        server.then(json(529, Fixtures.read("anthropic-error-overloaded.json")));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.SERVER_ERROR);
    }

    @Test
    void complete_http401_isAuthenticationWithoutKey() {
        server.then(json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.AUTHENTICATION);
        assertThat(e.getMessage() + e.responseBody().orElse("")).doesNotContain(KEY);
    }

    @Test
    void complete_contentNotArray_isMalformed() {
        server.then(json(200, "{\"type\":\"message\",\"content\":\"oops\"}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().build().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE);
    }

    @Test
    void build_keyFromEnvironmentOrFailure() {
        assertThat(AnthropicClient.builder().model("c").environment(Map.of("ANTHROPIC_API_KEY", KEY)::get).build()
                .toString()).contains("apiKey=****").doesNotContain(KEY);
        assertThatThrownBy(() -> AnthropicClient.builder().model("c").environment(n -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> AnthropicClient.builder().header("x-api-key", "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
