package dev.raq.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link SpringAiClients#of} over Spring AI's real OpenAiChatModel. */
class SpringAiClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplySchema RANK = new ReplySchema("return_rank", "the rank of answer A", Fixtures.RANK_SCHEMA);

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelClient client(ReplySchemaMode mode) {
        return SpringAiClients.builder(Fixtures.chatModel(server.baseUrl())).replySchemaMode(mode)
                .ticker(Fixtures.steppingTicker(7)).build();
    }

    private JsonNode sentBody() throws Exception {
        return JSON.readTree(server.lastRequest().body());
    }

    @Test
    void complete_judgeRequest_sendsEveryMessageWithItsRoleAndTheOptions() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.OK));
        ChatRequest request = ChatRequest.builder()
                .system("You are a strict judge.")
                .user("Which answer is better?")
                .assistant("Please show me the answers.")
                .user("A: Paris. B: Lyon.")
                .options(GenerationOptions.builder().temperature(0.0).topP(0.9).maxTokens(256).stop(List.of("END"))
                        .frequencyPenalty(0.1).presencePenalty(0.2).build())
                .build();

        client(ReplySchemaMode.OUTPUT_SCHEMA).complete(request);

        LoopbackServer.Recorded sent = server.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + Fixtures.KEY);
        JsonNode body = sentBody();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are a strict judge.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("A: Paris. B: Lyon.");
        assertThat(body.path("temperature").isNumber()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("END");
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.1);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.2);
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void complete_ok_completionCarriesTextServerModelUsageFinishReasonAndLatency() {
        server.then(LoopbackServer.json(200, Fixtures.OK));

        Completion c = client(ReplySchemaMode.OUTPUT_SCHEMA).complete(ChatRequest.ofUser("Capital of France?"));

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.modelId()).hasValue("gpt-4o-mini-2024-07-18");
        assertThat(c.usage()).hasValue(TokenUsage.reported(23, 8));
        assertThat(c.finishReason()).hasValue("stop");
        assertThat(c.latency()).hasValue(Duration.ofMillis(7));
    }

    @Test
    void complete_replySchema_sendsAJsonSchemaResponseFormat_andUnwrapsAFencedReply() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.FENCED_JSON_LENGTH));

        Completion c = client(ReplySchemaMode.OUTPUT_SCHEMA).complete(ChatRequest.builder().system("Judge.")
                .user("Rank A.").options(GenerationOptions.builder().temperature(0.0).build()).replySchema(RANK)
                .build());

        JsonNode body = sentBody();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("schema")).isEqualTo(JSON.readTree(Fixtures.RANK_SCHEMA));
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Rank A.");
        assertThat(c.text()).isEqualTo("{\"rank\": 1}");
        assertThat(c.finishReason()).hasValue("length");
    }

    @Test
    void complete_promptMode_appendsTheSchemaToTheLastUserMessage_andSendsNoFormat() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.OK));

        client(ReplySchemaMode.PROMPT).complete(ChatRequest.builder().user("Rank A.").replySchema(RANK).build());

        JsonNode body = sentBody();
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.path("messages").get(0).path("content").asText()).startsWith("Rank A.")
                .contains("return_rank");
    }

    @Test
    void complete_rateLimited_isRetriableWithItsStatus_andKeepsNoBody() {
        server.then(LoopbackServer.json(429, "{\"error\":{\"message\":\"slow down, " + Fixtures.KEY + "\"}}"));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> client(ReplySchemaMode.OUTPUT_SCHEMA).complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.responseBody()).isEmpty();
        assertThat(e.getMessage()).contains("gpt-4o-mini").doesNotContain(Fixtures.KEY);
    }

    @Test
    void complete_unauthorized_isNonRetriableAuthentication() {
        server.then(LoopbackServer.json(401, "{\"error\":{\"message\":\"bad key\"}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client(ReplySchemaMode.OUTPUT_SCHEMA).complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.AUTHENTICATION);
    }

    @Test
    void modelIdFingerprintAndToString_comeFromTheDefaultOptions_andShowNoKey() {
        ModelClient client = SpringAiClients.of(Fixtures.chatModel(server.baseUrl()));

        assertThat(client.modelId()).hasValue("gpt-4o-mini");
        assertThat(client.fingerprint()).startsWith("spring-ai{").contains("gpt-4o-mini").doesNotContain(Fixtures.KEY);
        assertThat(client.toString()).contains("OpenAiChatModel").doesNotContain(Fixtures.KEY);
        assertThat(SpringAiClients.builder(Fixtures.chatModel(server.baseUrl())).modelId("judge-v2").build().modelId())
                .hasValue("judge-v2");
        assertThatThrownBy(() -> SpringAiClients.builder(Fixtures.chatModel(server.baseUrl())).modelId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modelId");
    }
}
