package dev.raq.clients.resilience;

import dev.raq.clients.ModelClients;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitedModelClientTest {

    private static final ChatRequest REQUEST = ChatRequest.ofUser("q");

    /** A client whose async calls complete only when the test says so. */
    static final class Manual implements ModelClient {
        final List<CompletableFuture<Completion>> pending = new ArrayList<>();

        @Override
        public Completion complete(ChatRequest request) {
            throw new UnsupportedOperationException("async only in this test");
        }

        @Override
        public synchronized CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
            CompletableFuture<Completion> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        synchronized CompletableFuture<Completion> take() {
            return pending.remove(0);
        }

        synchronized int started() {
            return pending.size();
        }
    }

    private static RetriableModelCallException rateLimited() {
        return new RetriableModelCallException(RetriableModelCallException.Reason.RATE_LIMITED, "m", 1, 429, null,
                null, null);
    }

    @Test
    void completeAsync_overLimit_waitsForAFreeSlotInOrder() {
        Manual model = new Manual();
        ConcurrencyLimitedModelClient client = ModelClients.concurrencyLimited(model, 2);

        List<CompletableFuture<Completion>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(client.completeAsync(REQUEST, Runnable::run));
        }

        assertThat(model.started()).isEqualTo(2);
        assertThat(client.inFlight()).isEqualTo(2);
        model.take().complete(Completion.of("1"));
        assertThat(calls.get(0)).isCompleted();
        assertThat(model.started()).isEqualTo(2);
        model.take().completeExceptionally(new IllegalStateException("x"));
        model.take().complete(Completion.of("3"));
        model.take().complete(Completion.of("4"));
        model.take().complete(Completion.of("5"));
        assertThat(calls).allMatch(CompletableFuture::isDone);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void completeAsync_callerCancelsWhileWaiting_slotGoesToTheNext() {
        Manual model = new Manual();
        ConcurrencyLimitedModelClient client = ModelClients.concurrencyLimited(model, 1);
        CompletableFuture<Completion> first = client.completeAsync(REQUEST, Runnable::run);
        CompletableFuture<Completion> cancelled = client.completeAsync(REQUEST, Runnable::run);
        CompletableFuture<Completion> third = client.completeAsync(REQUEST, Runnable::run);

        cancelled.cancel(false);
        model.take().complete(Completion.of("1"));

        assertThat(first).isCompleted();
        assertThat(model.started()).isEqualTo(1);
        model.take().complete(Completion.of("3"));
        assertThat(third.join().text()).isEqualTo("3");
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void complete_sync_releasesSlotOnFailure() {
        ConcurrencyLimitedModelClient client = ModelClients.concurrencyLimited(r -> {
            throw rateLimited();
        }, 1);

        assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOf(RetriableModelCallException.class);
        assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOf(RetriableModelCallException.class);
        assertThat(client.inFlight()).isZero();
        assertThat(client.currentLimit()).isEqualTo(1);
    }

    @Test
    void adaptive_rateLimited_halvesOncePerIntervalAndGrowsBackAdditively() {
        AtomicLong now = new AtomicLong();
        int[] calls = {0};
        ConcurrencyLimitedModelClient client = ConcurrencyLimitedModelClient.builder(r -> {
            calls[0]++;
            if (calls[0] <= 3) {
                throw rateLimited();
            }
            return Completion.of("ok");
        }).maxConcurrency(16).minConcurrency(2).adaptive(true).decreaseInterval(Duration.ofSeconds(1))
                .ticker(now::get).build();

        call(client);
        assertThat(client.currentLimit()).isEqualTo(8);
        call(client); // same interval: a burst of 429s counts once
        assertThat(client.currentLimit()).isEqualTo(8);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        call(client);
        assertThat(client.currentLimit()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            client.complete(REQUEST); // +1/limit each: 4 successes at limit 4 add about one
        }
        assertThat(client.currentLimit()).isEqualTo(4);
        client.complete(REQUEST);
        assertThat(client.currentLimit()).isEqualTo(5);
    }

    @Test
    void adaptive_neverBelowMinimum() {
        ConcurrencyLimitedModelClient client = ConcurrencyLimitedModelClient.builder(r -> {
            throw rateLimited();
        }).maxConcurrency(8).minConcurrency(3).adaptive(true).decreaseInterval(Duration.ZERO).build();

        for (int i = 0; i < 5; i++) {
            call(client);
        }

        assertThat(client.currentLimit()).isEqualTo(3);
    }

    @Test
    void build_badSettings_reported() {
        assertThatThrownBy(() -> ConcurrencyLimitedModelClient.builder(r -> Completion.of("")).build())
                .hasMessageContaining("maxConcurrency is not set");
        assertThatThrownBy(() -> ConcurrencyLimitedModelClient.builder(r -> Completion.of("")).maxConcurrency(2)
                .minConcurrency(3).adaptive(true).build()).hasMessageContaining("must not exceed");
    }

    private static void call(ModelClient client) {
        try {
            client.complete(REQUEST);
        } catch (RetriableModelCallException expected) {
            // the limit reacts to it
        }
    }
}
