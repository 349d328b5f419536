package dev.raq.springai;

import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import java.util.Objects;

/** A RAQ {@link ModelClient} as a Spring AI {@link ChatModel} (and so usable by a {@code ChatClient}). */
final class RaqChatModel implements ChatModel {

    private final ModelClient client;

    RaqChatModel(ModelClient client) {
        this.client = client;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        Completion completion;
        try {
            completion = client.complete(Conversions.toRaq(prompt));
        } catch (ModelCallException e) {
            throw Failures.toSpringAi(e);
        }
        return Conversions.toChatResponse(completion, client.modelId().orElse(null));
    }

    /** The client's model id as the model; no sampling defaults (the client applies its own). */
    @Override
    public ChatOptions getDefaultOptions() {
        return ChatOptions.builder().model(client.modelId().orElse(null)).build();
    }

    @Override
    public String toString() {
        return "RaqChatModel{client=" + client + "}";
    }
}
