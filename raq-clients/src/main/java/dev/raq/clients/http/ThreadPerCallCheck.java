package dev.raq.clients.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells, once per JVM, when {@code HttpClient.sendAsync} starts a new thread for every call.
 *
 * <p>The JDK's {@code sendAsync} completes the future it returns through {@code CompletableFuture}'s default
 * executor. On Java 17 with two or fewer processors the common {@code ForkJoinPool} has parallelism 1, and that
 * executor is then one new thread per task. Calls still work, with bounded threads alive at a time, but each costs
 * 200–300 µs of CPU more; at 256 calls in flight against a 50 ms server on two cores that cut throughput from 85%
 * of the ideal to 57% ({@code ClientThroughputBenchmark}). A library must not change the JVM's common pool, so this
 * only says how to: {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}. Java 25's default executor
 * keeps a minimum parallelism and does not start a thread per task.
 */
final class ThreadPerCallCheck {

    private static final System.Logger LOG = System.getLogger(ThreadPerCallCheck.class.getPackageName());
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    /** {@code CompletableFuture}'s default executor is fixed when that class loads, so this is decided once. */
    private static final boolean THREAD_PER_CALL =
            !(new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool);

    /** What is logged (level INFO, once) when every call starts a thread. */
    static final String MESSAGE = "HttpClient.sendAsync starts a new thread for every call on this JVM (the common "
            + "ForkJoinPool has parallelism " + ForkJoinPool.getCommonPoolParallelism() + "). Calls work, but each "
            + "costs 200-300 us more CPU; at hundreds of calls per second start the JVM with "
            + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

    private ThreadPerCallCheck() {
    }

    /** Whether {@code CompletableFuture}'s default executor, and so {@code sendAsync}, starts a thread per task. */
    static boolean startsThreadPerCall() {
        return THREAD_PER_CALL;
    }

    /**
     * Logs {@link #MESSAGE} the first time it is called on a JVM where every call starts a thread.
     *
     * @return whether this call logged it
     */
    static boolean reportOnce() {
        if (startsThreadPerCall() && REPORTED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, MESSAGE);
            return true;
        }
        return false;
    }

    /** Whether the message has been logged on this JVM. */
    static boolean reported() {
        return REPORTED.get();
    }
}
