package dev.raq.core;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeCallLimitTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().user("rank these").build();

    /** A client whose calls stay out until the test completes them. */
    private static final class HeldClient implements ModelClient {
        final List<CompletableFuture<Completion>> out = new ArrayList<>();

        @Override
        public Completion complete(ChatRequest request) {
            throw new AssertionError("asked synchronously");
        }

        @Override
        public synchronized CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
            CompletableFuture<Completion> call = new CompletableFuture<>();
            out.add(call);
            return call;
        }

        synchronized int sent() {
            return out.size();
        }

        synchronized CompletableFuture<Completion> call(int i) {
            return out.get(i);
        }
    }

    /** A client asked only asynchronously, each call answered by {@code reply}. */
    private static ModelClient asynchronous(Supplier<CompletableFuture<Completion>> reply) {
        return new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                throw new AssertionError("asked synchronously");
            }

            @Override
            public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
                return reply.get();
            }
        };
    }

    @Test
    void sendsAtMostThePermits_andEachFinishedCallStartsTheNext() {
        HeldClient client = new HeldClient();
        JudgeCallLimit limit = new JudgeCallLimit(3, Runnable::run);
        List<CompletableFuture<Completion>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(limit.send(client, REQUEST));
        }
        assertThat(client.sent()).isEqualTo(3);
        assertThat(limit.inFlight()).isEqualTo(3);
        client.call(1).complete(Completion.of("[1, 2]"));
        assertThat(results.get(1)).isCompletedWithValue(Completion.of("[1, 2]"));
        assertThat(client.sent()).isEqualTo(4);
        client.call(0).completeExceptionally(new IllegalStateException("judge down"));
        assertThat(results.get(0)).isCompletedExceptionally();
        assertThat(client.sent()).isEqualTo(5);
        for (int i = 2; i < 10; i++) {
            client.call(i).complete(Completion.of("r" + i));
        }
        assertThat(results).allSatisfy(r -> assertThat(r).isDone());
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aClientThatThrowsOrReturnsNoFuture_failsItsCallAndFreesThePermit() {
        JudgeCallLimit limit = new JudgeCallLimit(1, Runnable::run);
        ModelClient throwing = asynchronous(() -> {
            throw new IllegalArgumentException("bad request");
        });
        assertThat(limit.send(throwing, REQUEST)).isCompletedExceptionally();
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.send(asynchronous(() -> null), REQUEST)).isCompletedExceptionally();
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void anErrorStartingACallOrRunningWork_failsThatOne_andTheCallsQueuedBehindItStillGo() {
        HeldClient held = new HeldClient();
        JudgeCallLimit limit = new JudgeCallLimit(1, Runnable::run);
        CompletableFuture<Completion> first = limit.send(held, REQUEST);
        CompletableFuture<Completion> failing = limit.send(asynchronous(() -> {
            throw new OutOfMemoryError("unable to create native thread");
        }), REQUEST);
        CompletableFuture<String> work = limit.runBlocking(() -> {
            throw new AssertionError("judge bug");
        });
        CompletableFuture<Completion> last = limit.send(held, REQUEST);
        held.call(0).complete(Completion.of("first"));
        assertThat(first).isCompleted();
        assertThat(failing).isCompletedExceptionally();
        assertThat(work).isCompletedExceptionally();
        assertThat(held.sent()).isEqualTo(2);
        held.call(1).complete(Completion.of("last"));
        assertThat(last).isCompletedWithValue(Completion.of("last"));
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void blockingWorkCountsAsACallInFlight() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            JudgeCallLimit limit = new JudgeCallLimit(1, pool);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> work = limit.runBlocking(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "judged";
            });
            HeldClient client = new HeldClient();
            CompletableFuture<Completion> call = limit.send(client, REQUEST);
            assertThat(client.sent()).isZero();
            release.countDown();
            assertThat(work.get(5, TimeUnit.SECONDS)).isEqualTo("judged");
            // the work's permit passed to the waiting call, which was sent before the work's result was delivered
            assertThat(client.sent()).isEqualTo(1);
            client.call(0).complete(Completion.of("ok"));
            assertThat(call).isCompletedWithValue(Completion.of("ok"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsThatCompleteAtOnce_runInALoop_notNested() {
        HeldClient held = new HeldClient();
        ModelClient immediate = asynchronous(() -> CompletableFuture.completedFuture(Completion.of("at once")));
        JudgeCallLimit limit = new JudgeCallLimit(1, Runnable::run);
        CompletableFuture<Completion> first = limit.send(held, REQUEST);
        List<CompletableFuture<Completion>> queued = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            queued.add(limit.send(immediate, REQUEST));
        }
        held.call(0).complete(Completion.of("first"));
        assertThat(first).isCompleted();
        assertThat(queued).allSatisfy(f -> assertThat(f).isCompletedWithValue(Completion.of("at once")));
        assertThat(limit.inFlight()).isZero();
    }
}
