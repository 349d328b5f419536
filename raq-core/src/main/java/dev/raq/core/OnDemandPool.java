package dev.raq.core;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread pool of at most {@code max} threads that starts a thread only when every thread it has is busy, and
 * queues tasks beyond that. A fixed pool ({@code Executors.newFixedThreadPool}) starts a new thread for each of its
 * first {@code max} tasks even when the others sit idle; an evaluation at concurrency 256 whose calls are
 * asynchronous or whose judge is a quick metric needs a handful of threads, not 256 (as Tomcat's executor does it:
 * the queue refuses a task while the pool can still grow and no thread is free).
 */
final class OnDemandPool extends ThreadPoolExecutor {

    /** Tasks submitted and not yet finished. */
    private final AtomicInteger unfinished = new AtomicInteger();

    private OnDemandPool(int max, ThreadFactory threads, GrowFirstQueue queue) {
        super(1, max, 30, TimeUnit.SECONDS, queue, threads, (task, pool) -> {
            // the pool was at its maximum when the queue refused: queue it after all
            if (!queue.force(task)) {
                throw new RejectedExecutionException("the evaluation's pool is shut down");
            }
        });
        queue.pool = this;
    }

    static OnDemandPool of(int max, ThreadFactory threads) {
        return new OnDemandPool(max, threads, new GrowFirstQueue());
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException | Error e) { // an Error: no thread could be started for it
            unfinished.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        unfinished.decrementAndGet();
    }

    /** Refuses a task, so that the pool starts a thread, while every thread is busy and the pool can grow. */
    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        transient @Nullable OnDemandPool pool;

        @Override
        public boolean offer(Runnable task) {
            OnDemandPool p = pool;
            if (p != null && p.unfinished.get() > p.getPoolSize() && p.getPoolSize() < p.getMaximumPoolSize()) {
                return false;
            }
            return super.offer(task);
        }

        boolean force(Runnable task) {
            OnDemandPool p = pool;
            return p != null && !p.isShutdown() && super.offer(task);
        }
    }
}
