package dev.raq.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LangChain4jClients#asChatModel(ModelClient)}: a RAQ client behind LangChain4j's ChatModel. */
class RaqChatModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A RAQ client that records its requests and answers with a function of them. */
    private static final class ScriptedClient implements ModelClient {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<ChatRequest, Completion> answer;

        ScriptedClient(Function<ChatRequest, Completion> answer) {
            this.answer = answer;
        }

        @Override
        public Completion complete(ChatRequest request) {
            requests.add(request);
            return answer.apply(request);
        }

        @Override
        public Optional<String> modelId() {
            return Optional.of("raq-judge");
        }
    }

    @Test
    void chat_carriesMessagesOptionsAndJsonSchema_andTheReplyCarriesUsageFinishReasonAndModel() throws Exception {
        ScriptedClient client = new ScriptedClient(r -> Completion.builder("{\"rank\":1}")
                .usage(TokenUsage.reported(10, 3)).finishReason("max_tokens").modelId("served-model")
                .latency(Duration.ofMillis(5)).build());
        ChatModel model = LangChain4jClients.asChatModel(client);
        JsonObjectSchema rank = JsonObjectSchema.builder().addIntegerProperty("rank").required("rank").build();

        ChatResponse response = model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(SystemMessage.from("Judge."), UserMessage.from("Rank A."), AiMessage.from("Which A?"),
                        UserMessage.from("A: Paris."))
                .temperature(0.1).topP(0.8).maxOutputTokens(100).stopSequences(List.of("END"))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("return rank").rootElement(rank).build()).build())
                .build());

        ChatRequest sent = client.requests.get(0);
        assertThat(sent.messages()).containsExactly(ChatMessage.system("Judge."), ChatMessage.user("Rank A."),
                ChatMessage.assistant("Which A?"), ChatMessage.user("A: Paris."));
        assertThat(sent.options().temperature()).hasValue(0.1);
        assertThat(sent.options().topP()).hasValue(0.8);
        assertThat(sent.options().maxTokens()).hasValue(100);
        assertThat(sent.options().stop()).containsExactly("END");
        assertThat(sent.replySchema()).isPresent();
        assertThat(sent.replySchema().get().name()).isEqualTo("return_rank");
        JsonNode schema = JSON.readTree(sent.replySchema().get().jsonSchema());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("rank").path("type").asText()).isEqualTo("integer");

        assertThat(response.aiMessage().text()).isEqualTo("{\"rank\":1}");
        assertThat(response.modelName()).isEqualTo("served-model");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(10);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(3);
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void chat_plainString_usesTheClientsModelIdAsDefaultModelName() {
        ScriptedClient client = new ScriptedClient(r -> Completion.of("hello " + r.lastUserMessage()));
        ChatModel model = LangChain4jClients.asChatModel(client);

        assertThat(model.chat("you")).isEqualTo("hello you");
        assertThat(model.defaultRequestParameters().modelName()).isEqualTo("raq-judge");
        assertThat(model.chat(UserMessage.from("x")).modelName()).isEqualTo("raq-judge");
        assertThat(client.requests.get(0).replySchema()).isEmpty();
        assertThat(client.requests.get(0).options().temperature()).isEmpty();
    }

    @Test
    void chat_raqFailures_becomeLangChain4jRetriableAndNonRetriableExceptions() {
        RetriableModelCallException limited = new RetriableModelCallException(
                RetriableModelCallException.Reason.RATE_LIMITED, "raq-judge", 1, 429, Duration.ofSeconds(2), null,
                null);
        NonRetriableModelCallException refused = new NonRetriableModelCallException(
                NonRetriableModelCallException.Reason.AUTHENTICATION, "raq-judge", 1, 401, null, null);

        assertThatThrownBy(() -> LangChain4jClients.asChatModel(new ScriptedClient(r -> {
            throw limited;
        })).chat("q")).isInstanceOf(RateLimitException.class).hasCause(limited).hasMessageContaining("429");
        assertThatThrownBy(() -> LangChain4jClients.asChatModel(new ScriptedClient(r -> {
            throw refused;
        })).chat("q")).isInstanceOf(AuthenticationException.class).hasCause(refused);
    }

    @Test
    void chat_toolsOrTopK_areRefusedAsUnsupported() {
        ChatModel model = LangChain4jClients.asChatModel(new ScriptedClient(r -> Completion.of("x")));
        ToolSpecification tool = ToolSpecification.builder().name("search").build();

        assertThatThrownBy(() -> model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(UserMessage.from("q")).toolSpecifications(tool).build()))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("tools");
        assertThatThrownBy(() -> model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(UserMessage.from("q")).topK(5).build()))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("top-k");
    }

    @Test
    void chat_roundTripThroughOpenAiChatModel_keepsSystemMessageSchemaUsageAndModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(LoopbackServer.json(200, Fixtures.FENCED_JSON_LENGTH));
            ChatModel model = LangChain4jClients.asChatModel(
                    LangChain4jClients.of(Fixtures.chatModel(server.baseUrl())));

            ChatResponse response = model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                    .messages(SystemMessage.from("Judge."), UserMessage.from("Rank A."))
                    .temperature(0.0)
                    .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema
                            .builder().name("return_rank").rootElement(JsonRawSchema.from(Fixtures.RANK_SCHEMA))
                            .build()).build())
                    .build());

            JsonNode body = JSON.readTree(server.lastRequest().body());
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
            assertThat(body.path("response_format").path("json_schema").path("schema"))
                    .isEqualTo(JSON.readTree(Fixtures.RANK_SCHEMA));
            assertThat(response.aiMessage().text()).isEqualTo("{\"rank\": 1}");
            assertThat(response.modelName()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(40);
            assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        }
    }
}
