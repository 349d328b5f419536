package dev.raq.clients.resilience;

import dev.raq.clients.ModelClients;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetryingModelClientTest {

    private static final ChatRequest REQUEST = ChatRequest.ofUser("q");
    private static final RetryPolicy NO_JITTER = RetryPolicy.defaults().withJitter(0);

    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        slept.add(d);
        return CompletableFuture.completedFuture(null);
    };

    static RetriableModelCallException rateLimited(Duration retryAfter) {
        return new RetriableModelCallException(RetriableModelCallException.Reason.RATE_LIMITED, "m", 1, 429,
                retryAfter, "{\"error\":\"slow down\"}", null);
    }

    static RetriableModelCallException serverError() {
        return new RetriableModelCallException(RetriableModelCallException.Reason.SERVER_ERROR, "m", 1, 503, null,
                null, null);
    }

    /** A client that fails with the queued exceptions, then answers "ok". */
    static final class Scripted implements ModelClient {
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        Scripted(RuntimeException... failures) {
            this.failures.addAll(List.of(failures));
        }

        @Override
        public Completion complete(ChatRequest request) {
            calls.incrementAndGet();
            RuntimeException next = failures.poll();
            if (next != null) {
                throw next;
            }
            return Completion.of("ok");
        }

        @Override
        public Optional<String> modelId() {
            return Optional.of("m");
        }
    }

    private RetryingModelClient retrying(ModelClient client, RetryPolicy policy) {
        return RetryingModelClient.builder(client).policy(policy).sleeper(sleeper).seed(7).build();
    }

    @Test
    void complete_retriableThenOk_retriesWithExponentialBackoff() {
        Scripted client = new Scripted(serverError(), serverError(), serverError());

        Completion c = retrying(client, NO_JITTER).complete(REQUEST);

        assertThat(c.text()).isEqualTo("ok");
        assertThat(client.calls).hasValue(4);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void complete_alwaysRetriable_givesUpAfterMaxAttemptsReportingThem() {
        Scripted client = new Scripted(serverError(), serverError(), serverError(), serverError(), serverError());

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> retrying(client, NO_JITTER.withMaxAttempts(3)).complete(REQUEST));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 503");
        assertThat(client.calls).hasValue(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void complete_nonRetriable_neverRetried() {
        Scripted client = new Scripted(new NonRetriableModelCallException(
                NonRetriableModelCallException.Reason.AUTHENTICATION, "m", 1, 401, null, null));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> retrying(client, NO_JITTER).complete(REQUEST));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(client.calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void complete_otherRuntimeException_passesThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("bug");
        Scripted client = new Scripted(bug);

        assertThatThrownBy(() -> retrying(client, NO_JITTER).complete(REQUEST)).isSameAs(bug);
        assertThat(client.calls).hasValue(1);
    }

    @Test
    void complete_retryAfterLongerThanBackoff_waitsRetryAfter() {
        Scripted client = new Scripted(rateLimited(Duration.ofSeconds(9)), rateLimited(Duration.ofMillis(10)));

        retrying(client, NO_JITTER).complete(REQUEST);

        assertThat(slept).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(2));
    }

    @Test
    void complete_retryAfterBeyondMaximum_givesUpAtOnce() {
        Scripted client = new Scripted(rateLimited(Duration.ofMinutes(10)));

        RetriableModelCallException e = catchThrowableOfType(RetriableModelCallException.class,
                () -> retrying(client, NO_JITTER).complete(REQUEST));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(client.calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void complete_jitterWithSeed_isReproducibleAndWithinBounds() {
        RetryPolicy policy = RetryPolicy.defaults().withJitter(0.5);
        retrying(new Scripted(serverError(), serverError(), serverError()), policy).complete(REQUEST);
        List<Duration> first = new ArrayList<>(slept);
        slept.clear();

        retrying(new Scripted(serverError(), serverError(), serverError()), policy).complete(REQUEST);

        assertThat(slept).isEqualTo(first);
        assertThat(first.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(first.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    @Test
    void completeAsync_retriableThenOk_retriesThroughSleeper() {
        Scripted client = new Scripted(serverError(), rateLimited(Duration.ofSeconds(3)));

        Completion c = retrying(client, NO_JITTER).completeAsync(REQUEST, Runnable::run).join();

        assertThat(c.text()).isEqualTo("ok");
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void completeAsync_givesUp_failsWithAttemptCount() {
        Scripted client = new Scripted(serverError(), serverError());

        CompletableFuture<Completion> f = retrying(client, NO_JITTER.withMaxAttempts(2))
                .completeAsync(REQUEST, Runnable::run);

        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RetriableModelCallException.class)
                .extracting(t -> ((ModelCallException) t).attempts()).isEqualTo(2);
    }

    @Test
    void completeAsync_waitDoesNotBlock_futurePendingUntilSleeperFires() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        Scripted client = new Scripted(serverError());
        RetryingModelClient retrying = RetryingModelClient.builder(client).policy(NO_JITTER)
                .sleeper(d -> gate).build();

        CompletableFuture<Completion> f = retrying.completeAsync(REQUEST, Runnable::run);

        assertThat(f).isNotDone();
        assertThat(client.calls).hasValue(1);
        gate.complete(null);
        assertThat(f.join().text()).isEqualTo("ok");
        assertThat(client.calls).hasValue(2);
    }

    @Test
    void modelId_isDelegates() {
        assertThat(ModelClients.retrying(new Scripted()).modelId()).contains("m");
    }

    @Test
    void retryPolicy_badValues_rejectedNamingThem() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(1.5)).hasMessageContaining("jitter must be in");
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(Double.NaN))
                .hasMessageContaining("multiplier");
    }

    @Test
    void retryPolicy_backoff_cappedAtMax() {
        RetryPolicy p = NO_JITTER.withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(p.backoff(10, 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.backoff(2, 0.99)).isEqualTo(Duration.ofSeconds(2));
    }
}
