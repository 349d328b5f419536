package dev.raq.clients.resilience;

import dev.raq.commons.Preconditions;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ForwardingModelClient;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.RetriableModelCallException;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * A {@link ModelClient} that keeps at most a limit of calls in flight; further calls wait in arrival order (the
 * asynchronous ones without holding a thread).
 *
 * <p>When adaptive, the limit follows the server like TCP congestion control (additive increase, multiplicative
 * decrease): every call answered with HTTP 429 ({@link RetriableModelCallException.Reason#RATE_LIMITED}) halves the
 * limit, at most once per decrease interval (a burst of 429s from one overloaded moment counts once), down to the
 * minimum; every success raises it by {@code 1/limit}, so by about one per limit's worth of successes, up to the
 * maximum. It starts at the maximum. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConcurrencyLimitedModelClient extends ForwardingModelClient {

    /** Default shortest time between two decreases of an adaptive limit: 1 s. */
    public static final Duration DEFAULT_DECREASE_INTERVAL = Duration.ofSeconds(1);

    private final int min;
    private final int max;
    private final boolean adaptive;
    private final long decreaseIntervalNanos;
    private final LongSupplier ticker;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private double limit;
    private int inFlight;
    private long lastDecrease;
    private boolean decreasedOnce;

    private ConcurrencyLimitedModelClient(Builder b) {
        super(b.delegate);
        this.min = b.adaptive ? b.minConcurrency : b.maxConcurrency;
        this.max = b.maxConcurrency;
        this.adaptive = b.adaptive;
        this.decreaseIntervalNanos = b.decreaseInterval.toNanos();
        this.ticker = b.ticker;
        this.limit = max;
    }

    /**
     * A builder around {@code delegate}; set the maximum concurrency.
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
        CompletableFuture<Void> permit = acquire();
        try {
            permit.get();
        } catch (InterruptedException e) {
            if (!permit.cancel(false)) {
                release(false, false);
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free slot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        boolean ok = false;
        boolean rateLimited = false;
        try {
            Completion c = delegate.complete(request);
            ok = true;
            return c;
        } catch (RuntimeException e) {
            rateLimited = isRateLimited(e);
            throw e;
        } finally {
            release(ok, rateLimited);
        }
    }

    /** As the delegate: {@code completeAsync} adds no blocking of its own (a call waiting for a slot holds no thread). */
    @Override
    public boolean completesWithoutBlocking() {
        return delegate.completesWithoutBlocking();
    }

    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        CompletableFuture<Void> permit = acquire();
        CompletableFuture<Completion> result = new CompletableFuture<>();
        permit.whenComplete((granted, notGranted) -> {
            if (notGranted != null) {
                result.completeExceptionally(notGranted); // cancelled while waiting; the slot went to the next
                return;
            }
            if (result.isDone()) {
                release(false, false); // the caller gave up while waiting
                return;
            }
            CompletableFuture<Completion> call;
            try {
                call = delegate.completeAsync(request, executor);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((c, failure) -> {
                release(failure == null, failure != null && isRateLimited(failure));
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(c);
                }
            });
        });
        result.whenComplete((c, failure) -> {
            if (result.isCancelled()) {
                permit.cancel(false);
            }
        });
        return result;
    }

    /** The current limit on calls in flight (the maximum unless adaptive). */
    public synchronized int currentLimit() {
        return (int) limit;
    }

    /** The number of calls in flight now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    private synchronized CompletableFuture<Void> acquire() {
        if (inFlight < (int) limit && waiting.isEmpty()) {
            inFlight++;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.add(f);
        return f;
    }

    private void release(boolean success, boolean rateLimited) {
        List<CompletableFuture<Void>> start = new ArrayList<>();
        synchronized (this) {
            inFlight--;
            if (adaptive) {
                adapt(success, rateLimited);
            }
            while (!waiting.isEmpty() && inFlight < (int) limit) {
                inFlight++;
                start.add(waiting.poll());
            }
        }
        for (CompletableFuture<Void> f : start) {
            if (!f.complete(null)) {
                release(false, false); // the waiter gave up; pass its slot on
            }
        }
    }

    private void adapt(boolean success, boolean rateLimited) {
        if (success) {
            limit = Math.min(max, limit + 1.0 / limit);
        } else if (rateLimited) {
            long now = ticker.getAsLong();
            if (!decreasedOnce || now - lastDecrease >= decreaseIntervalNanos) {
                limit = Math.max(min, Math.floor(limit / 2));
                lastDecrease = now;
                decreasedOnce = true;
            }
        }
    }

    private static boolean isRateLimited(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return t instanceof RetriableModelCallException
                && ((RetriableModelCallException) t).reason() == RetriableModelCallException.Reason.RATE_LIMITED;
    }




    @Override
    public String toString() {
        return "ConcurrencyLimitedModelClient{limit=" + currentLimit() + (adaptive ? " in [" + min + ", " + max + "]"
                : "") + ", delegate=" + delegate + "}";
    }

    /** Builds a {@link ConcurrencyLimitedModelClient}; reusable. */
    public static final class Builder {
        private final ModelClient delegate;
        private int maxConcurrency;
        private int minConcurrency = 1;
        private boolean adaptive;
        private Duration decreaseInterval = DEFAULT_DECREASE_INTERVAL;
        private LongSupplier ticker = System::nanoTime;

        private Builder(ModelClient delegate) {
            this.delegate = delegate;
        }

        /** The most calls in flight (≥ 1); required. */
        public Builder maxConcurrency(int maxConcurrency) {
            Preconditions.checkArgument(maxConcurrency >= 1, () ->
                    "maxConcurrency must be >= 1 but was " + maxConcurrency);
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Whether the limit adapts to HTTP 429 answers (default false). */
        public Builder adaptive(boolean adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /** The lowest an adaptive limit goes (≥ 1, default 1). */
        public Builder minConcurrency(int minConcurrency) {
            Preconditions.checkArgument(minConcurrency >= 1, () ->
                    "minConcurrency must be >= 1 but was " + minConcurrency);
            this.minConcurrency = minConcurrency;
            return this;
        }

        /** The shortest time between two decreases of an adaptive limit (default 1 s; zero or positive). */
        public Builder decreaseInterval(Duration decreaseInterval) {
            Objects.requireNonNull(decreaseInterval, "decreaseInterval");
            if (decreaseInterval.isNegative()) {
                throw new IllegalArgumentException("decreaseInterval must not be negative but was "
                        + decreaseInterval);
            }
            this.decreaseInterval = decreaseInterval;
            return this;
        }

        /** The nanosecond time source for the decrease interval (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Builds the decorator.
         *
         * @throws IllegalStateException when the maximum is not set or is below the minimum of an adaptive limit
         */
        public ConcurrencyLimitedModelClient build() {
            List<String> problems = new ArrayList<>();
            if (maxConcurrency == 0) {
                problems.add("maxConcurrency is not set");
            } else if (adaptive && minConcurrency > maxConcurrency) {
                problems.add("minConcurrency (" + minConcurrency + ") must not exceed maxConcurrency ("
                        + maxConcurrency + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            return new ConcurrencyLimitedModelClient(this);
        }
    }
}
