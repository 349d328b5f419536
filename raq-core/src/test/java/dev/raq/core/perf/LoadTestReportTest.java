package dev.raq.core.perf;

import dev.raq.core.model.FailureCause;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every figure of a report, computed by hand from four observations. */
class LoadTestReportTest {

    private static final long MS = 1_000_000L;

    /** Two streamed answers, one answer that was not streamed, one timeout, over exactly 2 s. */
    private static List<Observation> observations() {
        return List.of(
                // 100 ms, TTFT 20 ms, 5 chunks 20 ms apart, 10 in / 9 out tokens
                Observation.success(0, 100 * MS, 100 * MS, 20 * MS,
                        new long[] {20 * MS, 40 * MS, 60 * MS, 80 * MS, 100 * MS}, 10, 9, false),
                // 400 ms, TTFT 100 ms, 3 chunks (gaps 50 and 250 ms), 30 in / 4 out tokens
                Observation.success(500 * MS, 900 * MS, 400 * MS, 100 * MS,
                        new long[] {100 * MS, 150 * MS, 400 * MS}, 30, 4, false),
                // not streamed: no TTFT, no chunks
                Observation.success(1000 * MS, 1300 * MS, 300 * MS, -1, new long[0], 20, 7, true),
                Observation.failure(1500 * MS, 2000 * MS, FailureCause.TIMEOUT));
    }

    @Test
    void of_computesEveryMetric() {
        LoadTestReport r = LoadTestReport.of(LoadProfile.concurrency(2), Sla.ofMillis(50, 30), observations(),
                400 * MS, 2, 0);

        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.requests()).isEqualTo(4);
        assertThat(r.succeeded()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failuresByCause()).isEqualTo(Map.of(FailureCause.TIMEOUT, 1L));
        assertThat(r.streamed()).isEqualTo(2);
        assertThat(r.requestThroughput()).isCloseTo(1.5, within(1e-9));
        assertThat(r.outputTokenThroughput()).isCloseTo(20 / 2.0, within(1e-9));
        assertThat(r.totalTokenThroughput()).isCloseTo((60 + 20) / 2.0, within(1e-9));
        assertThat(r.meanInputTokens()).isCloseTo(20, within(1e-9));
        assertThat(r.meanOutputTokens()).isCloseTo(20 / 3.0, within(1e-9));
        assertThat(r.estimatedTokenRequests()).isEqualTo(1);
        assertThat(r.latency().mean()).isCloseTo(800 / 3.0, within(1e-9));
        assertThat(r.latency().p50()).isEqualTo(300);
        assertThat(r.timeToFirstToken().mean()).isCloseTo(60, within(1e-9));
        // TPOT: (100 − 20) / 8 = 10 ms and (400 − 100) / 3 = 100 ms; the unstreamed answer has none
        assertThat(r.timePerOutputToken().count()).isEqualTo(2);
        assertThat(r.timePerOutputToken().mean()).isCloseTo(55, within(1e-9));
        // ITL pools the 4 + 2 gaps: 20, 20, 20, 20, 50, 250
        assertThat(r.interTokenLatency().count()).isEqualTo(6);
        assertThat(r.interTokenLatency().mean()).isCloseTo(380 / 6.0, within(1e-9));
        assertThat(r.interTokenLatency().p50()).isEqualTo(20);
        assertThat(r.interTokenLatency().p99()).isEqualTo(250);
        assertThat(r.chunksPerRequest()).isCloseTo(8 / 3.0, within(1e-9));
        // time per package: (100 − 20) / 4 = 20 and (400 − 100) / 2 = 150
        assertThat(r.timePerChunkMillis()).isCloseTo(85, within(1e-9));
        // only the first request meets TTFT <= 50 ms and TPOT <= 30 ms
        assertThat(r.goodput()).hasValue(0.5);
        assertThat(r.slaAttainment()).hasValue(0.25);
        // Little's law: (100 + 400 + 300 + 500) ms over 2 s
        assertThat(r.meanInFlight()).isCloseTo(0.65, within(1e-9));
        assertThat(r.cpuMillisPerRequest()).isCloseTo(100, within(1e-9));
        assertThat(r.loadGeneratorCpuShare()).isCloseTo(0.1, within(1e-9));
        assertThat(r.warnings()).singleElement().asString().contains("no token usage for 1 of 3 requests");
    }

    @Test
    void of_warnsWhenNothingStreamed_andWhenTheGeneratorSaturates() {
        List<Observation> plain = List.of(Observation.success(0, 100 * MS, 100 * MS, -1, new long[0], 5, 5, false));
        LoadTestReport r = LoadTestReport.of(LoadProfile.concurrency(1), null, plain, 190 * MS, 2, 0);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no answer was streamed"))
                .anySatisfy(w -> assertThat(w).contains("95% of the machine's 2 CPUs"));
        assertThat(r.goodput()).isEmpty();
        assertThat(r.timeToFirstToken().count()).isZero();
    }

    @Test
    void slaIsMetBy_p99sWithinLimits_andAtMostOnePercentFailed() {
        LoadTestReport r = LoadTestReport.of(LoadProfile.concurrency(1), null, observations().subList(0, 2), -1, 2, 0);
        // p99 TTFT 100 ms, p99 TPOT 100 ms
        assertThat(Sla.ofMillis(100, 100).isMetBy(r)).isTrue();
        assertThat(Sla.ofMillis(99, 100).isMetBy(r)).isFalse();
        assertThat(Sla.ofMillis(100, 99).isMetBy(r)).isFalse();
        LoadTestReport withFailure = LoadTestReport.of(LoadProfile.concurrency(1), null, observations(), -1, 2, 0);
        assertThat(Sla.ofMillis(1000, 1000).isMetBy(withFailure)).isFalse();
    }

    @Test
    void format_tableMarkdownAndJson_showTheFigures() {
        LoadTestReport r = LoadTestReport.of(LoadProfile.concurrency(2), Sla.ofMillis(50, 30), observations(),
                400 * MS, 2, 0);

        String table = LoadTestFormat.table(List.of(r));
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("Load").contains("QPS").contains("TTFT ms")
                .contains("~Out tok/s").contains("Goodput");
        assertThat(table).contains("conc 2").contains("1.50").contains("60.00").contains("55.00")
                .contains("failed 1 of 4: 1 timeout").contains("measurement overhead: 100.00 ms CPU per request");

        String md = LoadTestFormat.markdown(List.of(r));
        assertThat(md).contains("| Load | Req | OK | Fail |").contains("| conc 2 | 4 | 3 | 1 |")
                .contains("### concurrency 2").contains("| ITL | 6 | 63.33 | 20.00 | 20.00 |");

        String json = LoadTestFormat.json(List.of(r));
        assertThat(json).contains("\"concurrency\" : 2").contains("\"failuresByCause\" : {\n    \"TIMEOUT\" : 1")
                .contains("\"requestThroughput\" : 1.5").contains("\"goodput\" : 0.5");
    }
}
