package dev.raq.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation's pools start threads only when the ones they have are busy, up to their maximum. */
class OnDemandPoolTest {

    private static OnDemandPool pool(int max, AtomicInteger started) {
        return OnDemandPool.of(max, r -> {
            started.incrementAndGet();
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
    }

    @Test
    void quickTasks_oneAtATime_needAFewThreads() throws Exception {
        AtomicInteger started = new AtomicInteger();
        OnDemandPool pool = pool(64, started);
        for (int i = 0; i < 500; i++) {
            pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // a worker that finished a task may not be waiting for the next one yet when it is submitted, so a loaded
        // machine sees a few more threads than one; never one per task (500) nor the maximum (64)
        assertThat(started.get()).as("a few threads, not 64").isLessThanOrEqualTo(16);
    }

    @Test
    void blockingTasks_getUpToMaxThreads_andTheRestWait() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(20);
        CountDownLatch eightStarted = new CountDownLatch(8);
        OnDemandPool pool = pool(8, started);
        for (int i = 0; i < 20; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                eightStarted.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(eightStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(8);
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(started.get()).isEqualTo(8);
    }
}
