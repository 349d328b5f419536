package dev.raq.clients.http;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import dev.raq.test.LoopbackServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadPerCallCheckTest {

    private static final int CALLS = 40;

    @Test
    void startsThreadPerCall_agreesWithTheThreadsSendAsyncActuallyStarts() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try (LoopbackServer server = new LoopbackServer()) {
            HttpClient http = HttpClient.newBuilder().executor(oneThread).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(); // selector and server threads
            long before = threads.getTotalStartedThreadCount();
            for (int i = 0; i < CALLS; i++) {
                assertThat(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().statusCode())
                        .isEqualTo(200);
            }
            long started = threads.getTotalStartedThreadCount() - before;
            if (ThreadPerCallCheck.startsThreadPerCall()) {
                assertThat(started).isGreaterThanOrEqualTo(CALLS);
            } else {
                assertThat(started).isLessThan(CALLS / 2);
            }
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void reportOnce_logsAtMostOnceAndOnlyWhereCallsStartThreads() {
        Logger logger = Logger.getLogger("dev.raq.clients");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            boolean first = ThreadPerCallCheck.reportOnce();
            boolean second = ThreadPerCallCheck.reportOnce();
            assertThat(second).isFalse();
            assertThat(records).hasSize(first ? 1 : 0);
            assertThat(ThreadPerCallCheck.reported()).isEqualTo(ThreadPerCallCheck.startsThreadPerCall());
            if (first) {
                assertThat(records.get(0).getMessage()).isEqualTo(ThreadPerCallCheck.MESSAGE)
                        .contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
            }
        } finally {
            logger.removeHandler(handler);
        }
    }
}
