package dev.raq.langchain4j;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;

import java.util.Objects;
import java.util.Set;

/**
 * A RAQ {@link ModelClient} as a LangChain4j {@link ChatModel}: LangChain4j's {@code chat} methods, listeners and
 * AI Services work on it. Thread-safe if the client is.
 */
final class RaqChatModel implements ChatModel {

    private final ModelClient client;

    RaqChatModel(ModelClient client) {
        this.client = client;
    }

    @Override
    public ChatResponse doChat(dev.langchain4j.model.chat.request.ChatRequest chatRequest) {
        Objects.requireNonNull(chatRequest, "chatRequest");
        ChatRequest request = Conversions.toRaq(chatRequest);
        Completion completion;
        try {
            completion = client.complete(request);
        } catch (ModelCallException e) {
            throw Failures.toLangChain4j(e);
        }
        return Conversions.toChatResponse(completion, client.modelId().orElse(null));
    }

    /** The client's model id as the model name; no sampling defaults (the client applies its own). */
    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().modelName(client.modelId().orElse(null)).build();
    }

    /** JSON schema response formats: they become the RAQ request's reply schema. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Override
    public String toString() {
        return "RaqChatModel{client=" + client + "}";
    }
}
