package dev.raq.cli;

import dev.raq.clients.AnthropicClient;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.ModelClient;
import dev.raq.core.perf.LatencyStats;
import dev.raq.core.perf.LoadProfile;
import dev.raq.core.perf.LoadTest;
import dev.raq.core.perf.LoadTestReport;
import dev.raq.core.perf.PromptSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The load test against real HTTP clients and a loopback server whose timing is set: what it measures must be what
 * the server was told to do. Tolerances (stated once, here): TTFT from the configured value to 20 ms above it (the
 * server only ever sleeps longer, and the client adds a connection and a request); TPOT and mean ITL within
 * ±1.5 ms of the configured value (chunks are scheduled from the request's arrival, so sleep overshoot does not
 * accumulate); median ITL within ±3 ms; output-token throughput from 80% to 105% of {@code concurrency × tokens /
 * configured latency} (the client's own overhead only lowers it). Token counts are the server's, so they are exact.
 */
class PerfValidationTest {

    private static final double TTFT_SLACK_MS = 20;
    private static final double GAP_TOLERANCE_MS = 1.5;

    @Test
    void closedLoopSweep_measuresTheConfiguredTtftTpotItlAndThroughput() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(40), Duration.ofMillis(10), 12,
                1, 0);
        try (TimedSseServer server = new TimedSseServer(b)) {
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("m").streaming(true).build();
            for (int c : new int[] {1, 4, 8}) {
                LoadTestReport r = LoadTest.builder(client).prompts(PromptSource.synthetic(64)).outputTokens(12)
                        .profile(LoadProfile.concurrency(c)).requests(3 * c).warmupRequests(2).seed(c).build().run();
                double latencyMs = 40 + 11 * 10;
                double expectedThroughput = c * 12 / (latencyMs / 1000);
                print(r, 40, 10, 10, expectedThroughput);

                assertThat(r.requests()).isEqualTo(3L * c);
                assertThat(r.failed()).isZero();
                assertThat(r.streamed()).isEqualTo(3L * c);
                assertThat(r.timeToFirstToken().mean()).isBetween(40.0, 40 + TTFT_SLACK_MS);
                assertThat(r.timePerOutputToken().mean()).isCloseTo(10, within(GAP_TOLERANCE_MS));
                assertThat(r.interTokenLatency().mean()).isCloseTo(10, within(GAP_TOLERANCE_MS));
                assertThat(r.interTokenLatency().p50()).isCloseTo(10, within(3.0));
                assertThat(r.interTokenLatency().count()).isEqualTo(3L * c * 11);
                assertThat(r.latency().mean()).isBetween(latencyMs, latencyMs + TTFT_SLACK_MS);
                assertThat(r.outputTokenThroughput()).isBetween(0.8 * expectedThroughput, 1.05 * expectedThroughput);
                assertThat(r.meanInputTokens()).isEqualTo(64);
                assertThat(r.meanOutputTokens()).isEqualTo(12);
                assertThat(r.chunksPerRequest()).isEqualTo(12);
                assertThat(r.estimatedTokenRequests()).isZero();
            }
        }
    }

    @Test
    void severalTokensPerChunk_tpotDividesByTokens_itlByChunks() throws IOException {
        // 12 chunks of 2 tokens, 10 ms apart: TPOT = 110 ms / 23 tokens, ITL = 10 ms
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(30), Duration.ofMillis(10), 12,
                2, 0);
        try (TimedSseServer server = new TimedSseServer(b)) {
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("m").streaming(true).build();
            LoadTestReport r = LoadTest.builder(client).outputTokens(24).profile(LoadProfile.concurrency(2))
                    .requests(4).build().run();
            print(r, 30, 110.0 / 23, 10, Double.NaN);
            assertThat(r.meanOutputTokens()).isEqualTo(24);
            assertThat(r.chunksPerRequest()).isEqualTo(12);
            assertThat(r.timePerOutputToken().mean()).isCloseTo(110.0 / 23, within(GAP_TOLERANCE_MS / 2));
            assertThat(r.interTokenLatency().mean()).isCloseTo(10, within(GAP_TOLERANCE_MS));
            assertThat(r.timePerChunkMillis()).isCloseTo(10, within(GAP_TOLERANCE_MS));
        }
    }

    @Test
    void anthropicStream_isTimedTheSameWay() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(30), Duration.ofMillis(10), 6,
                1, 0);
        try (TimedSseServer server = new TimedSseServer(b)) {
            ModelClient client = AnthropicClient.builder().baseUrl(server.baseUrl()).model("m").apiKey("test-key")
                    .streaming(true).build();
            LoadTestReport r = LoadTest.builder(client).prompts(PromptSource.synthetic(20)).outputTokens(6)
                    .profile(LoadProfile.concurrency(2)).requests(4).build().run();
            print(r, 30, 10, 10, Double.NaN);
            assertThat(r.failed()).isZero();
            assertThat(r.timeToFirstToken().mean()).isBetween(30.0, 30 + TTFT_SLACK_MS);
            assertThat(r.timePerOutputToken().mean()).isCloseTo(10, within(GAP_TOLERANCE_MS));
            assertThat(r.interTokenLatency().mean()).isCloseTo(10, within(GAP_TOLERANCE_MS));
            assertThat(r.meanInputTokens()).isEqualTo(20);
            assertThat(r.meanOutputTokens()).isEqualTo(6);
        }
    }

    @Test
    void openLoop_poissonArrivals_measureTheSameTtft() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(20), Duration.ofMillis(5), 4,
                1, 0);
        try (TimedSseServer server = new TimedSseServer(b)) {
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("m").streaming(true).build();
            LoadTestReport r = LoadTest.builder(client).outputTokens(4).profile(LoadProfile.poisson(40)).requests(20)
                    .warmupRequests(2).seed(11).build().run();
            print(r, 20, 5, 5, Double.NaN);
            assertThat(r.requests()).isEqualTo(20);
            assertThat(r.failed()).isZero();
            assertThat(r.timeToFirstToken().mean()).isBetween(20.0, 20 + TTFT_SLACK_MS);
            assertThat(r.interTokenLatency().mean()).isCloseTo(5, within(GAP_TOLERANCE_MS));
        }
    }

    @Test
    void serverFailingEveryTwentiethRequest_showsFivePercentFailed_asServerErrors() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(1), Duration.ofMillis(1), 3, 1,
                20);
        try (TimedSseServer server = new TimedSseServer(b)) {
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("m").streaming(true).build();
            LoadTestReport r = LoadTest.builder(client).profile(LoadProfile.concurrency(4)).requests(100).build()
                    .run();
            assertThat(server.requests()).isEqualTo(100);
            assertThat(r.requests()).isEqualTo(100);
            assertThat(r.failed()).isEqualTo(5);
            assertThat((double) r.failed() / r.requests()).isEqualTo(0.05);
            assertThat(r.failuresByCause()).isEqualTo(Map.of(FailureCause.SERVER_ERROR, 5L));
            assertThat(r.succeeded()).isEqualTo(95);
        }
    }

    private static void print(LoadTestReport r, double ttft, double tpot, double itl, double throughput) {
        System.out.println(String.format(Locale.ROOT, "validation %s: TTFT %s (configured %.1f), TPOT %s "
                        + "(configured %.2f), ITL %s (configured %.1f), output %.1f tok/s (expected %.1f)",
                r.profile(), show(r.timeToFirstToken()), ttft, show(r.timePerOutputToken()), tpot,
                show(r.interTokenLatency()), itl, r.outputTokenThroughput(), throughput));
    }

    private static String show(LatencyStats s) {
        return String.format(Locale.ROOT, "mean %.2f p50 %.2f p99 %.2f ms", s.mean(), s.p50(), s.p99());
    }
}
