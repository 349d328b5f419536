package dev.raq.clients.http;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SharedHttpExecutorTest {

    @Test
    void instance_isTheForkJoinPoolUnlessEveryCallStartsAThread() {
        if (ThreadPerCallCheck.startsThreadPerCall()) {
            assertThat(SharedHttpExecutor.INSTANCE).isInstanceOf(ThreadPoolExecutor.class);
        } else {
            assertThat(SharedHttpExecutor.INSTANCE).isInstanceOf(ForkJoinPool.class);
        }
    }

    @Test
    void forkJoinPool_hasOneWorkerPerProcessorWithinTwoAndTheMaximum() {
        assertThat(SharedHttpExecutor.forkJoinPool(1).getParallelism()).isEqualTo(2);
        assertThat(SharedHttpExecutor.forkJoinPool(6).getParallelism()).isEqualTo(6);
        assertThat(SharedHttpExecutor.forkJoinPool(128).getParallelism()).isEqualTo(SharedHttpExecutor.MAX_THREADS);
    }

    @Test
    void forkJoinPool_runsManyTasksOnAtMostItsParallelismOfNamedDaemonThreads() throws Exception {
        ForkJoinPool pool = SharedHttpExecutor.forkJoinPool(3);
        try {
            Set<Thread> used = runTasks(pool, 500, false);
            assertThat(used).hasSizeBetween(1, 3)
                    .allSatisfy(t -> assertThat(t.isDaemon()).isTrue())
                    .allSatisfy(t -> assertThat(t.getName()).startsWith("raq-http-"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onDemandThreads_blockingTasksUseAtMostTheMaximumAndTheRestQueue() throws Exception {
        ThreadPoolExecutor pool = SharedHttpExecutor.onDemandThreads();
        try {
            Set<Thread> used = runTasks(pool, SharedHttpExecutor.MAX_THREADS * 3, true);
            assertThat(used).hasSize(SharedHttpExecutor.MAX_THREADS)
                    .allSatisfy(t -> assertThat(t.isDaemon()).isTrue())
                    .allSatisfy(t -> assertThat(t.getName()).startsWith("raq-http-"));
            assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
            assertThat(pool.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code tasks} tasks and returns the threads they ran on; blocking ones wait until all have started. */
    private static Set<Thread> runTasks(ExecutorService pool, int tasks, boolean blocking) throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(Math.min(tasks, SharedHttpExecutor.MAX_THREADS));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            pool.execute(() -> {
                used.add(Thread.currentThread());
                started.countDown();
                try {
                    if (blocking) {
                        release.await(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        if (blocking) {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        return used;
    }
}
