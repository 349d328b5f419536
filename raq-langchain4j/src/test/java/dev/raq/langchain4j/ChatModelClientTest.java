package dev.raq.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelCallException;
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

/** {@link LangChain4jClients#of(dev.langchain4j.model.chat.ChatModel)} over the real OpenAiChatModel. */
class ChatModelClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplySchema RANK = new ReplySchema("return_rank", "the rank of answer A", Fixtures.RANK_SCHEMA);

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelClient client(ReplySchemaMode mode) {
        return LangChain4jClients.builder(Fixtures.chatModel(server.baseUrl())).replySchemaMode(mode)
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

        client(ReplySchemaMode.RESPONSE_FORMAT).complete(request);

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
        assertThat(messages.get(2).path("content").asText()).isEqualTo("Please show me the answers.");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("A: Paris. B: Lyon.");
        assertThat(body.path("temperature").isNumber()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("END");
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.1);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.2);
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void complete_ok_completionCarriesTextServerModelUsageFinishReasonAndLatency() {
        server.then(LoopbackServer.json(200, Fixtures.OK));

        Completion c = client(ReplySchemaMode.RESPONSE_FORMAT).complete(ChatRequest.ofUser("Capital of France?"));

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.modelId()).hasValue("gpt-4o-mini-2024-07-18");
        assertThat(c.usage()).hasValue(TokenUsage.reported(23, 8));
        assertThat(c.finishReason()).hasValue("stop");
        assertThat(c.latency()).hasValue(Duration.ofMillis(7)); // the ticker read before and after the call
        assertThat(c.timeToFirstToken()).isEmpty();
    }

    @Test
    void complete_replySchema_sendsAJsonSchemaResponseFormat_andUnwrapsAFencedReply() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.FENCED_JSON_LENGTH));

        Completion c = client(ReplySchemaMode.RESPONSE_FORMAT).complete(
                ChatRequest.builder().user("Rank A.").replySchema(RANK).build());

        JsonNode format = sentBody().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("return_rank");
        assertThat(format.path("json_schema").path("schema")).isEqualTo(JSON.readTree(Fixtures.RANK_SCHEMA));
        assertThat(c.text()).isEqualTo("{\"rank\": 1}");
        assertThat(c.finishReason()).hasValue("length");
        assertThat(c.usage()).hasValue(TokenUsage.reported(40, 7));
    }

    @Test
    void complete_toolCallMode_forcesOneToolWithTheSchema_andReturnsItsArguments() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.TOOL_CALL));

        Completion c = client(ReplySchemaMode.TOOL_CALL).complete(
                ChatRequest.builder().system("Judge.").user("Rank A.").replySchema(RANK).build());

        JsonNode body = sentBody();
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.path("tools")).hasSize(1);
        JsonNode function = body.path("tools").get(0).path("function");
        assertThat(function.path("name").asText()).isEqualTo("return_rank");
        assertThat(function.path("description").asText()).isEqualTo("the rank of answer A");
        assertThat(function.path("parameters").path("properties").path("rank").path("type").asText())
                .isEqualTo("integer");
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(c.text()).isEqualTo("{\"rank\":2}");
        assertThat(c.finishReason()).hasValue("tool_calls");
    }

    @Test
    void complete_promptMode_appendsTheSchemaToTheLastUserMessage_andSendsNoFormat() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.OK));

        client(ReplySchemaMode.PROMPT).complete(ChatRequest.builder().system("Judge.").user("Rank A.")
                .replySchema(RANK).build());

        JsonNode body = sentBody();
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.has("tools")).isFalse();
        String user = body.path("messages").get(1).path("content").asText();
        assertThat(user).startsWith("Rank A.").contains("return_rank").contains("\"rank\"");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Judge.");
    }

    @Test
    void modelIdAndFingerprint_comeFromTheModelsDefaults_unlessSet() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.KEY)
                .modelName("gpt-4o-mini").temperature(0.3).build();

        ModelClient client = LangChain4jClients.of(model);
        ModelClient renamed = LangChain4jClients.builder(model).modelId("judge-v2").build();

        assertThat(client.modelId()).hasValue("gpt-4o-mini");
        assertThat(client.fingerprint()).contains("langchain4j").contains("gpt-4o-mini").contains("temperature=0.3")
                .contains("RESPONSE_FORMAT").doesNotContain(Fixtures.KEY);
        assertThat(client.toString()).contains("gpt-4o-mini").contains("OpenAiChatModel")
                .doesNotContain(Fixtures.KEY);
        assertThat(client.endpoint()).isEmpty();
        assertThat(renamed.modelId()).hasValue("judge-v2");
    }

    @Test
    void complete_noAnswerInTime_isARetriableTimeout() {
        server.then(server.hang());
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.KEY)
                .modelName("gpt-4o-mini").maxRetries(0).timeout(Duration.ofMillis(300)).build();

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> LangChain4jClients.of(model).complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.TIMEOUT);
        assertThat(e.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void complete_serverGone_isARetriableConnectionFailure() {
        String baseUrl = server.baseUrl();
        server.close();

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> LangChain4jClients.of(Fixtures.chatModel(baseUrl)).complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.CONNECTION);
    }

    @Test
    void complete_rateLimited_keepsTheStatusButNotTheBody() {
        server.then(LoopbackServer.json(429, "{\"error\":{\"message\":\"slow down, " + Fixtures.KEY + "\"}}"));

        ModelCallException e = catchThrowableOfType(ModelCallException.class,
                () -> client(ReplySchemaMode.RESPONSE_FORMAT).complete(ChatRequest.ofUser("q")));

        assertThat(e).isInstanceOf(RetriableModelCallException.class);
        assertThat(((RetriableModelCallException) e).reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.responseBody()).isEmpty();
        assertThat(e.getMessage()).contains("gpt-4o-mini").contains("429").doesNotContain(Fixtures.KEY);
        assertThat(e.getCause()).isNull();
    }

    @Test
    void complete_unprocessable_isANonRetriableInvalidRequest() {
        server.then(LoopbackServer.json(422, "{\"error\":{\"message\":\"bad\"}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client(ReplySchemaMode.RESPONSE_FORMAT).complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.INVALID_REQUEST);
    }

    @Test
    void builder_rejectsBlankSettings() {
        var builder = LangChain4jClients.builder(Fixtures.chatModel(server.baseUrl()));
        assertThatThrownBy(() -> builder.modelId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelId");
        assertThatThrownBy(() -> builder.endpoint("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> LangChain4jClients.of((dev.langchain4j.model.chat.ChatModel) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("model");
    }
}
