package dev.raq.springai;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A RAQ client over a Spring AI {@link ChatClient}: the client's defaults and advisors apply to every call; RAQ
 * times it. Thread-safe if the chat client is.
 */
final class ChatClientClient implements ModelClient {

    private final ChatClient chatClient;
    private final ClientSettings settings;

    ChatClientClient(ChatClient chatClient, ClientSettings settings) {
        this.chatClient = chatClient;
        this.settings = settings;
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        Prompt prompt = Conversions.toPrompt(request, settings.mode(), settings.defaults());
        long start = settings.ticker().getAsLong();
        ChatResponse response;
        try {
            response = chatClient.prompt(prompt).call().chatResponse();
        } catch (RuntimeException e) {
            throw Failures.toRaq(e, settings.modelName());
        }
        long end = settings.ticker().getAsLong();
        if (response == null) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE,
                    settings.modelName(), 1, null, null, null);
        }
        return Conversions.toCompletion(response, request.replySchema().isPresent())
                .latency(Duration.ofNanos(Math.max(0, end - start))).build();
    }

    @Override
    public Optional<String> modelId() {
        return settings.modelId();
    }

    @Override
    public String fingerprint() {
        return settings.fingerprint();
    }

    @Override
    public Optional<String> endpoint() {
        return settings.endpoint();
    }

    @Override
    public String toString() {
        return settings.describe(chatClient);
    }
}
