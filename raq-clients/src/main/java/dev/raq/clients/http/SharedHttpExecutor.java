package dev.raq.clients.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that every {@link java.net.http.HttpClient} built by raq-clients shares. With {@code sendAsync} it
 * only runs the JDK client's own tasks and parses replies, and never waits for a server, so its threads stay few
 * however many calls are in flight: at most {@value #MAX_THREADS}, all daemons, stopped when idle.
 *
 * <p>Which pool it is was measured with {@code ClientThroughputBenchmark} (a 50 ms loopback server, two cores,
 * Java 17, medians of five rounds of 2,000 calls):
 * <ul>
 *   <li>A {@link ForkJoinPool} with one worker per processor (at least 2): 85.3–87.3% of the ideal throughput at
 *       256 calls in flight, where a pool of 32 threads gave 77.8–79.8% and the bare JDK client 86.5–89.3%.</li>
 *   <li>Where {@code sendAsync} starts a thread per call ({@link ThreadPerCallCheck}), that pool fell to 76% at 64
 *       calls in flight, while up to 32 threads started on demand kept 94%; that pool is used there.</li>
 * </ul>
 */
final class SharedHttpExecutor {

    /** The most threads the executor runs. */
    static final int MAX_THREADS = 32;

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** The executor, chosen once per JVM. */
    static final ExecutorService INSTANCE = ThreadPerCallCheck.startsThreadPerCall()
            ? onDemandThreads() : forkJoinPool(Runtime.getRuntime().availableProcessors());

    private SharedHttpExecutor() {
    }

    /** One worker per processor, at least 2 and at most {@value #MAX_THREADS}; idle workers stop after 60 s. */
    static ForkJoinPool forkJoinPool(int processors) {
        int parallelism = Math.min(MAX_THREADS, Math.max(2, processors));
        return new ForkJoinPool(parallelism,
                pool -> namedDaemon(ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool)), null, true);
    }

    /** Up to {@value #MAX_THREADS} threads started on demand and stopped after 30 s idle; more tasks queue. */
    static ThreadPoolExecutor onDemandThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> namedDaemon(new Thread(r)));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Names {@code t} {@code raq-http-N} and makes it a daemon, so that idle clients never keep a JVM alive. */
    private static <T extends Thread> T namedDaemon(T t) {
        t.setName("raq-http-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
