package dev.raq.core;

import dev.raq.core.judge.ModelCalls;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An evaluation's {@link ModelCalls}: at most {@code permits} judge calls (and synchronous judges' runs) in flight,
 * the rest queued in the order they came, and no thread held while a call is out. A call that cannot go yet waits in
 * the queue, not on a thread; a finished call hands its permit to the next waiting one. Clients that cannot complete
 * without blocking get the judge pool to block on, as synchronous judges do.
 *
 * <p>Starting the next call from inside a finished one could nest without end when calls complete at once (stored
 * or in-process clients), so handed-over starts run in a loop on the thread that happens to drain them.
 */
final class JudgeCallLimit implements ModelCalls {

    private final int permits;
    private final Executor blocking;
    private final Object lock = new Object();
    // guarded by lock
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;
    /** Starts that were handed a permit, run by {@link #drain()}. */
    private final Queue<Runnable> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();

    JudgeCallLimit(int permits, Executor blocking) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1 but was " + permits);
        }
        this.permits = permits;
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    @Override
    public CompletableFuture<Completion> send(ModelClient client, ChatRequest request) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(request, "request");
        CompletableFuture<Completion> result = new CompletableFuture<>();
        admit(() -> {
            CompletableFuture<Completion> call;
            try {
                // a non-blocking client's reply is read on the thread that received it: no hand-off
                call = client.completeAsync(request, client.completesWithoutBlocking() ? Runnable::run : blocking);
                if (call == null) {
                    call = CompletableFuture.failedFuture(new NullPointerException("the client returned no future"));
                }
            } catch (Throwable e) { // an Error too (no thread for a blocking client): the permit must come back
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((completion, error) -> {
                release(); // before the judge reads the reply, so that its re-ask can take this permit
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(completion);
                }
            });
        });
        return result;
    }

    @Override
    public <T> CompletableFuture<T> runBlocking(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        admit(() -> {
            try {
                blocking.execute(() -> {
                    T value;
                    try {
                        value = work.get();
                    } catch (Throwable e) {
                        release();
                        result.completeExceptionally(e);
                        return;
                    }
                    release();
                    result.complete(value);
                });
            } catch (Throwable rejected) {
                release();
                result.completeExceptionally(rejected);
            }
        });
        return result;
    }

    /** Judge calls in flight now (for tests). */
    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    private void admit(Runnable start) {
        synchronized (lock) {
            if (inFlight >= permits) {
                waiting.add(start);
                return;
            }
            inFlight++;
        }
        ready.add(start);
        drain();
    }

    /** A call finished: its permit goes to the next waiting call, or back to the pool. */
    private void release() {
        synchronized (lock) {
            Runnable next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
            ready.add(next);
        }
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            for (Runnable start = ready.poll(); start != null; start = ready.poll()) {
                try {
                    start.run();
                } catch (Throwable unexpected) {
                    // starts catch what they call; this keeps the loop (and every call queued behind) alive anyway
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(),
                            unexpected);
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
