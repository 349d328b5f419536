package dev.raq.springai;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.Prompt;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A RAQ client over a Spring AI {@link StreamingChatModel}: the streamed chunks are joined into one completion, and
 * RAQ times the call and its first token. Thread-safe if the model is.
 */
final class StreamingChatModelClient extends AdaptedClient {

    private final StreamingChatModel model;

    StreamingChatModelClient(StreamingChatModel model, ClientSettings settings) {
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

    /** Subscribes to the stream on {@code executor}; the future completes on the model's thread when it ends. */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        Prompt prompt = Conversions.toPrompt(request, settings.mode(), settings.defaults());
        boolean schemaAsked = request.replySchema().isPresent();
        CompletableFuture<Completion> future = new CompletableFuture<>();
        executor.execute(() -> {
            Joiner joiner = new Joiner(settings.ticker().getAsLong());
            try {
                model.stream(prompt).subscribe(joiner::add,
                        error -> future.completeExceptionally(Failures.toRaq(error, settings.modelName())),
                        () -> {
                            try {
                                future.complete(joiner.completion(schemaAsked));
                            } catch (RuntimeException e) {
                                future.completeExceptionally(e);
                            }
                        });
            } catch (RuntimeException e) {
                future.completeExceptionally(Failures.toRaq(e, settings.modelName()));
            }
        });
        return future;
    }

    /** Joins the chunks of one stream: text, the last finish reason, usage and model reported, and the timing. */
    private final class Joiner {
        private final long start;
        private final StringBuilder text = new StringBuilder();
        private long firstToken = -1;
        private @Nullable String finishReason;
        private @Nullable TokenUsage usage;
        private @Nullable String modelId;

        Joiner(long start) {
            this.start = start;
        }

        synchronized void add(ChatResponse chunk) {
            Generation g = chunk.getResult();
            if (g != null) {
                String t = g.getOutput() == null ? null : g.getOutput().getText();
                if (t != null && !t.isEmpty()) {
                    if (firstToken < 0) {
                        firstToken = Math.max(0, settings.ticker().getAsLong() - start);
                    }
                    text.append(t);
                }
                String reason = g.getMetadata() == null ? null : g.getMetadata().getFinishReason();
                if (reason != null && !reason.isBlank()) {
                    finishReason = reason.toLowerCase(Locale.ROOT);
                }
            }
            ChatResponseMetadata md = chunk.getMetadata();
            if (md != null) {
                TokenUsage u = Conversions.usage(md.getUsage());
                if (u != null && u.totalTokens() > 0) {
                    usage = u;
                }
                if (md.getModel() != null && !md.getModel().isBlank()) {
                    modelId = md.getModel();
                }
            }
        }

        synchronized Completion completion(boolean schemaAsked) {
            long end = settings.ticker().getAsLong();
            String all = text.toString();
            Completion.Builder b = Completion.builder(schemaAsked ? ReplySchema.unfenced(all) : all).usage(usage)
                    .finishReason(finishReason).modelId(modelId).latency(Duration.ofNanos(Math.max(0, end - start)));
            if (firstToken >= 0) {
                b.timeToFirstToken(Duration.ofNanos(firstToken));
            }
            return b.build();
        }
    }
}
