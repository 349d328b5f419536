package dev.raq.clients.resilience;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ForwardingModelClient;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * A {@link ModelClient} that tries retriable failures again according to a {@link RetryPolicy}; non-retriable
 * failures and exceptions that are not {@link ModelCallException}s pass through at once. The final failure reports
 * the number of attempts made ({@link ModelCallException#withAttempts(int)}).
 *
 * <p>The asynchronous path waits with the {@link Sleeper} and holds no thread while waiting. Each retry is logged at
 * {@code DEBUG} on the {@link System.Logger} named after this class (the failure's message: model, status,
 * retry-after; never a key). Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetryingModelClient extends ForwardingModelClient {

    private static final System.Logger LOG = System.getLogger(RetryingModelClient.class.getName());

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Random random;

    private RetryingModelClient(Builder b) {
        super(b.delegate);
        this.policy = b.policy;
        this.sleeper = b.sleeper;
        this.random = b.seed == null ? new Random() : new Random(b.seed);
    }

    /**
     * A builder around {@code delegate} with the {@linkplain RetryPolicy#defaults() default policy}.
     *
     * @param delegate the client to retry; any implementation, including a lambda
     * @return a new builder
     */
    public static Builder builder(ModelClient delegate) {
        return new Builder(Objects.requireNonNull(delegate, "delegate"));
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.complete(request);
            } catch (ModelCallException e) {
                Duration wait = waitBeforeRetry(e, attempt);
                if (wait == null) {
                    throw attempt == 1 ? e : e.withAttempts(attempt);
                }
                pause(wait, e, attempt);
            }
        }
    }

    /** As the delegate: {@code completeAsync} adds no blocking of its own (its retries wait on a timer, not a thread). */
    @Override
    public boolean completesWithoutBlocking() {
        return delegate.completesWithoutBlocking();
    }

    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        return attemptAsync(request, executor, 1);
    }

    private CompletableFuture<Completion> attemptAsync(ChatRequest request, Executor executor, int attempt) {
        CompletableFuture<Completion> call;
        try {
            call = delegate.completeAsync(request, executor);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof ModelCallException)) {
                return CompletableFuture.failedFuture(cause);
            }
            ModelCallException e = (ModelCallException) cause;
            Duration wait = waitBeforeRetry(e, attempt);
            if (wait == null) {
                return CompletableFuture.failedFuture(attempt == 1 ? e : e.withAttempts(attempt));
            }
            return sleeper.sleep(wait).thenCompose(v -> attemptAsync(request, executor, attempt + 1));
        });
    }

    /** The wait before the next attempt, or null when {@code e} ends the retries. */
    private @Nullable Duration waitBeforeRetry(ModelCallException e, int attempt) {
        if (!e.isRetriable() || attempt >= policy.maxAttempts()) {
            return null;
        }
        Optional<Duration> retryAfter = e.retryAfter();
        if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
            return null;
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        Duration backoff = policy.backoff(attempt, draw);
        Duration wait = retryAfter.isPresent() && retryAfter.get().compareTo(backoff) > 0 ? retryAfter.get() : backoff;
        LOG.log(System.Logger.Level.DEBUG, () -> e.getMessage() + "; attempt " + (attempt + 1) + " of "
                + policy.maxAttempts() + " in " + wait.toMillis() + " ms");
        return wait;
    }

    private void pause(Duration wait, ModelCallException e, int attempt) {
        try {
            sleeper.sleep(wait).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            ModelCallException last = attempt == 1 ? e : e.withAttempts(attempt);
            last.addSuppressed(ie);
            throw last;
        } catch (ExecutionException ee) {
            throw new IllegalStateException("the sleeper failed", ee.getCause());
        }
    }




    @Override
    public String toString() {
        return "RetryingModelClient{" + policy + ", delegate=" + delegate + "}";
    }

    /** Builds a {@link RetryingModelClient}; reusable. */
    public static final class Builder {
        private final ModelClient delegate;
        private RetryPolicy policy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private @Nullable Long seed;

        private Builder(ModelClient delegate) {
            this.delegate = delegate;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder policy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How to wait between attempts (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Seeds the jitter so that waits are reproducible (default: unseeded). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Builds the decorator. */
        public RetryingModelClient build() {
            return new RetryingModelClient(this);
        }
    }
}
