package dev.raq.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.NonRetriableModelCallException;

import java.time.Duration;
import java.util.Objects;

/** A RAQ client over a blocking LangChain4j {@link ChatModel}; RAQ times the call. Thread-safe if the model is. */
final class ChatModelClient extends AdaptedClient {

    private final ChatModel model;

    ChatModelClient(ChatModel model, Settings settings) {
        super(model, settings);
        this.model = model;
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        dev.langchain4j.model.chat.request.ChatRequest lc = Conversions.toLangChain4j(request, settings.mode());
        long start = settings.ticker().getAsLong();
        ChatResponse response;
        try {
            response = model.chat(lc);
        } catch (RuntimeException e) {
            throw Failures.toRaq(e, settings.modelName());
        }
        long end = settings.ticker().getAsLong();
        if (response == null) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE,
                    settings.modelName(), 1, null, null, null);
        }
        return Conversions.toCompletion(response, request.replySchema().isPresent(), settings.mode())
                .latency(Duration.ofNanos(Math.max(0, end - start))).build();
    }
}
