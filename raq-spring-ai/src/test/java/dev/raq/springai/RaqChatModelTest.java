package dev.raq.springai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SpringAiClients#asChatModel(ModelClient)}: a RAQ client behind Spring AI's ChatModel. */
class RaqChatModelTest {

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
    void call_carriesMessagesAndOptions_andTheReplyCarriesUsageFinishReasonAndModel() {
        ScriptedClient client = new ScriptedClient(r -> Completion.builder("A is better.")
                .usage(TokenUsage.reported(10, 3)).finishReason("length").modelId("served-model")
                .latency(Duration.ofMillis(5)).build());
        ChatModel model = SpringAiClients.asChatModel(client);

        ChatResponse response = model.call(new Prompt(List.of(new SystemMessage("Judge."),
                new UserMessage("Rank A."), new AssistantMessage("Which A?"), new UserMessage("A: Paris.")),
                ChatOptions.builder().temperature(0.1).topP(0.8).maxTokens(100).stopSequences(List.of("END")).build()));

        ChatRequest sent = client.requests.get(0);
        assertThat(sent.messages()).containsExactly(ChatMessage.system("Judge."), ChatMessage.user("Rank A."),
                ChatMessage.assistant("Which A?"), ChatMessage.user("A: Paris."));
        assertThat(sent.options().temperature()).hasValue(0.1);
        assertThat(sent.options().topP()).hasValue(0.8);
        assertThat(sent.options().maxTokens()).hasValue(100);
        assertThat(sent.options().stop()).containsExactly("END");
        assertThat(sent.replySchema()).isEmpty();
        assertThat(response.getResult().getOutput().getText()).isEqualTo("A is better.");
        assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("LENGTH");
        assertThat(response.getMetadata().getModel()).isEqualTo("served-model");
        assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(10);
        assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(3);
    }

    @Test
    void call_outputSchema_becomesTheReplySchema_andPlainCallsUseTheClientsModelId() throws Exception {
        ScriptedClient client = new ScriptedClient(r -> Completion.of("{\"rank\":1}"));
        ChatModel model = SpringAiClients.asChatModel(client);

        model.call(new Prompt(new UserMessage("Rank A."),
                OpenAiChatOptions.builder().outputSchema(Fixtures.RANK_SCHEMA).build()));

        assertThat(client.requests.get(0).replySchema()).isPresent();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(client.requests.get(0).replySchema().get().jsonSchema()))
                .isEqualTo(json.readTree(Fixtures.RANK_SCHEMA));
        assertThat(model.call("hi")).isEqualTo("{\"rank\":1}");
        assertThat(model.getDefaultOptions().getModel()).isEqualTo("raq-judge");
        assertThat(model.call(new Prompt("x")).getMetadata().getModel()).isEqualTo("raq-judge");
    }

    @Test
    void call_raqFailures_becomeTransientOrNonTransientAiExceptions() {
        RetriableModelCallException limited = new RetriableModelCallException(
                RetriableModelCallException.Reason.RATE_LIMITED, "raq-judge", 1, 429, null, null, null);
        NonRetriableModelCallException refused = new NonRetriableModelCallException(
                NonRetriableModelCallException.Reason.AUTHENTICATION, "raq-judge", 1, 401, null, null);

        assertThatThrownBy(() -> SpringAiClients.asChatModel(new ScriptedClient(r -> {
            throw limited;
        })).call("q")).isInstanceOf(TransientAiException.class).hasCause(limited).hasMessageStartingWith("429 - ");
        assertThatThrownBy(() -> SpringAiClients.asChatModel(new ScriptedClient(r -> {
            throw refused;
        })).call("q")).isInstanceOf(NonTransientAiException.class).hasCause(refused);
    }

    @Test
    void call_topK_isRefused() {
        ChatModel model = SpringAiClients.asChatModel(new ScriptedClient(r -> Completion.of("x")));

        assertThatThrownBy(() -> model.call(new Prompt("q", ChatOptions.builder().topK(5).build())))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("top-k");
    }
}
