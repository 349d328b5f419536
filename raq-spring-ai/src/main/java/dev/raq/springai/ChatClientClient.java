package dev.raq.springai;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A RAQ client over a Spring AI {@link ChatClient}: the client's defaults and advisors apply to every call; RAQ
 * times it. Thread-safe if the chat client is.
 */
final class ChatClientClient extends BlockingClient {

    private final ChatClient chatClient;

    ChatClientClient(ChatClient chatClient, ClientSettings settings) {
        super(chatClient, settings);
        this.chatClient = chatClient;
    }

    @Override
    @Nullable ChatResponse call(Prompt prompt) {
        return chatClient.prompt(prompt).call().chatResponse();
    }
}
