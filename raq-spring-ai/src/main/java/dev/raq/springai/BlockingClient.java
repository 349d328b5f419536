package dev.raq.springai;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.NonRetriableModelCallException;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import java.time.Duration;
import java.util.Objects;

/**
 * A client whose call blocks and answers with one {@link ChatResponse}: it converts the request, times the call,
 * maps its failures and rejects a missing answer as malformed. Subclasses only make the call.
 */
abstract class BlockingClient extends AdaptedClient {

    BlockingClient(Object target, ClientSettings settings) {
        super(target, settings);
    }

    /** Sends the prompt and returns the answer, or null when there is none. */
    abstract @Nullable ChatResponse call(Prompt prompt);

    @Override
    public final Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        Prompt prompt = Conversions.toPrompt(request, settings.mode(), settings.defaults());
        long start = settings.ticker().getAsLong();
        ChatResponse response;
        try {
            response = call(prompt);
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
}
