package dev.raq.clients.resilience;

import dev.raq.commons.Preconditions;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ForwardingModelClient;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * A {@link ModelClient} that keeps calls under a requests-per-minute and/or a tokens-per-minute limit, by delaying
 * calls (never failing them).
 *
 * <p>Both limits are token buckets that refill evenly and store at most one second's worth (at least one request),
 * so calls are paced rather than sent in bursts. A call reserves one request and its prompt's estimated tokens
 * (four characters per token) before it starts; when it completes, the tokens it really used (prompt and
 * completion, from {@link Completion#usage()}) replace the estimate, so a heavy answer delays later calls. Waiting
 * uses the {@link Sleeper}, so the asynchronous path holds no thread. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RateLimitedModelClient extends ForwardingModelClient {

    private final @Nullable RateBudget requests;
    private final @Nullable RateBudget tokens;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private final String description;

    private RateLimitedModelClient(Builder b) {
        super(b.delegate);
        this.ticker = b.ticker;
        this.sleeper = b.sleeper;
        long now = ticker.getAsLong();
        this.requests = b.requestsPerMinute == 0 ? null
                : new RateBudget(b.requestsPerMinute, Math.max(1.0, b.requestsPerMinute / 60.0), now);
        this.tokens = b.tokensPerMinute == 0 ? null
                : new RateBudget(b.tokensPerMinute, Math.max(1.0, b.tokensPerMinute / 60.0), now);
        this.description = "RateLimitedModelClient{requestsPerMinute=" + b.requestsPerMinute + ", tokensPerMinute="
                + b.tokensPerMinute + ", delegate=" + delegate + "}";
    }

    /**
     * A builder around {@code delegate}; set at least one limit.
     *
     * @param delegate the client to limit; any implementation, including a lambda
     * @return a new builder
     */
    public static Builder builder(ModelClient delegate) {
        return new Builder(Objects.requireNonNull(delegate, "delegate"));
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        long estimate = estimateTokens(request);
        try {
            sleeper.sleep(reserve(estimate)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sleeper failed", e.getCause());
        }
        Completion c = delegate.complete(request);
        settle(c, estimate);
        return c;
    }

    /** As the delegate: {@code completeAsync} adds no blocking of its own (its waits are on a timer, not a thread). */
    @Override
    public boolean completesWithoutBlocking() {
        return delegate.completesWithoutBlocking();
    }

    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        long estimate = estimateTokens(request);
        return sleeper.sleep(reserve(estimate))
                .thenCompose(v -> delegate.completeAsync(request, executor))
                .thenApply(c -> {
                    settle(c, estimate);
                    return c;
                });
    }

    private Duration reserve(long estimatedTokens) {
        long now = ticker.getAsLong();
        long wait = requests == null ? 0 : requests.reserve(1, now);
        if (tokens != null) {
            wait = Math.max(wait, tokens.reserve(estimatedTokens, now));
        }
        return Duration.ofNanos(wait);
    }

    private void settle(Completion c, long estimate) {
        if (tokens != null && c.usage().isPresent()) {
            tokens.adjust(c.usage().get().totalTokens() - (double) estimate, ticker.getAsLong());
        }
    }

    private static long estimateTokens(ChatRequest request) {
        long chars = 0;
        for (ChatMessage m : request.messages()) {
            chars += m.content().length();
        }
        return (chars + 3) / 4;
    }




    @Override
    public String toString() {
        return description;
    }

    /** Builds a {@link RateLimitedModelClient}; reusable. */
    public static final class Builder {
        private final ModelClient delegate;
        private int requestsPerMinute;
        private long tokensPerMinute;
        private LongSupplier ticker = System::nanoTime;
        private Sleeper sleeper = Sleeper.system();

        private Builder(ModelClient delegate) {
            this.delegate = delegate;
        }

        /** The most requests per minute (positive; default: unlimited). */
        public Builder requestsPerMinute(int requestsPerMinute) {
            Preconditions.checkArgument(requestsPerMinute >= 1, () ->
                    "requestsPerMinute must be >= 1 but was " + requestsPerMinute);
            this.requestsPerMinute = requestsPerMinute;
            return this;
        }

        /** The most prompt plus completion tokens per minute (positive; default: unlimited). */
        public Builder tokensPerMinute(long tokensPerMinute) {
            Preconditions.checkArgument(tokensPerMinute >= 1, () ->
                    "tokensPerMinute must be >= 1 but was " + tokensPerMinute);
            this.tokensPerMinute = tokensPerMinute;
            return this;
        }

        /** The nanosecond time source (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** How to wait (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the decorator.
         *
         * @throws IllegalStateException when no limit was set
         */
        public RateLimitedModelClient build() {
            if (requestsPerMinute == 0 && tokensPerMinute == 0) {
                throw new IllegalStateException("set requestsPerMinute and/or tokensPerMinute");
            }
            return new RateLimitedModelClient(this);
        }
    }
}
