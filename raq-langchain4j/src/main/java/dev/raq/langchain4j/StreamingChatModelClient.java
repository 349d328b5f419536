package dev.raq.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.NonRetriableModelCallException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A RAQ client over a LangChain4j {@link StreamingChatModel}: RAQ times the call and its first streamed token.
 * Thread-safe if the model is.
 */
final class StreamingChatModelClient extends AdaptedClient {

    private final StreamingChatModel model;

    StreamingChatModelClient(StreamingChatModel model, Settings settings) {
        super(model, settings);
        this.model = model;
    }

    @Override
    public Completion complete(ChatRequest request) {
        try {
            return completeAsync(request, Runnable::run).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw Failures.toRaq(cause == null ? e : cause, settings.modelName());
        }
    }

    /** Starts the stream on {@code executor}; the future completes on the model's thread when the stream ends. */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        dev.langchain4j.model.chat.request.ChatRequest lc = Conversions.toLangChain4j(request, settings.mode());
        CompletableFuture<Completion> future = new CompletableFuture<>();
        boolean schemaAsked = request.replySchema().isPresent();
        executor.execute(() -> {
            Handler handler = new Handler(future, schemaAsked, settings.ticker().getAsLong());
            try {
                model.chat(lc, handler);
            } catch (RuntimeException e) {
                future.completeExceptionally(Failures.toRaq(e, settings.modelName()));
            }
        });
        return future;
    }

    /** Times one stream and completes its future once. */
    private final class Handler implements StreamingChatResponseHandler {
        private final CompletableFuture<Completion> future;
        private final boolean schemaAsked;
        private final long start;
        private long firstToken = -1;

        Handler(CompletableFuture<Completion> future, boolean schemaAsked, long start) {
            this.future = future;
            this.schemaAsked = schemaAsked;
            this.start = start;
        }

        @Override
        public synchronized void onPartialResponse(String partialResponse) {
            if (firstToken < 0 && partialResponse != null && !partialResponse.isEmpty()) {
                firstToken = Math.max(0, settings.ticker().getAsLong() - start);
            }
        }

        @Override
        public synchronized void onCompleteResponse(ChatResponse response) {
            long end = settings.ticker().getAsLong();
            if (response == null) {
                future.completeExceptionally(new NonRetriableModelCallException(
                        NonRetriableModelCallException.Reason.MALFORMED_RESPONSE, settings.modelName(), 1, null,
                        null, null));
                return;
            }
            try {
                Completion.Builder b = Conversions.toCompletion(response, schemaAsked, settings.mode())
                        .latency(Duration.ofNanos(Math.max(0, end - start)));
                if (firstToken >= 0) {
                    b.timeToFirstToken(Duration.ofNanos(firstToken));
                }
                future.complete(b.build());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable error) {
            future.completeExceptionally(Failures.toRaq(error, settings.modelName()));
        }
    }
}
