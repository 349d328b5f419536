package dev.raq.springai;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/** A RAQ client over a Spring AI {@link ChatModel}; RAQ times the call. Thread-safe if the model is. */
final class ChatModelClient extends BlockingClient {

    private final ChatModel model;

    ChatModelClient(ChatModel model, ClientSettings settings) {
        super(model, settings);
        this.model = model;
    }

    @Override
    @Nullable ChatResponse call(Prompt prompt) {
        return model.call(prompt);
    }
}
