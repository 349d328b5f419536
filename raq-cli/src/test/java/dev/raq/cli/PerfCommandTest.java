package dev.raq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.raq.cli.RunCommandTest.raq;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code raq perf} against a streaming server on the loopback interface. */
class PerfCommandTest {

    @TempDir
    Path dir;

    @Test
    void perf_concurrencySweep_printsTheTable_andWritesJsonAndMarkdown() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(2), Duration.ZERO, 8, 1, 0);
        try (TimedSseServer server = new TimedSseServer(b)) {
            Path json = dir.resolve("perf.json");
            Path md = dir.resolve("perf.md");
            Path html = dir.resolve("perf.html");
            RunCommandTest.Run r = raq("perf", "--url", server.baseUrl(), "--model", "M", "--concurrency", "1,8,64",
                    "--input-tokens", "512", "--output-tokens", "128", "--requests", "64", "--json", json.toString(),
                    "--markdown", md.toString(), "--html", html.toString());

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(server.requests()).isEqualTo(3 * 64);
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("raq perf: M at " + server.baseUrl() + " (openai, streaming)");
            assertThat(lines.get(1)).startsWith("Load").contains("Req", "OK", "Fail", "QPS", "Lat ms", "TTFT ms",
                    "P99 TTFT", "TPOT ms", "ITL ms", "Out tok/s", "In tok/req", "Out tok/req", "Pkg/req");
            assertThat(lines.get(2)).matches("[- ]+");
            for (int i = 0; i < 3; i++) {
                String[] cells = lines.get(3 + i).trim().split("\\s+");
                assertThat(cells[0] + " " + cells[1]).isEqualTo("conc " + List.of(1, 8, 64).get(i));
                assertThat(cells[2]).isEqualTo("64"); // requests
                assertThat(cells[3]).isEqualTo("64"); // succeeded
                assertThat(cells[4]).isEqualTo("0"); // failed
                assertThat(cells[cells.length - 4]).isEqualTo("512.0"); // input tokens per request, the server's
                assertThat(cells[cells.length - 3]).isEqualTo("128.0"); // output tokens per request
                assertThat(cells[cells.length - 2]).isEqualTo("128.0"); // packages per request
            }
            assertThat(r.out()).contains("measurement overhead:").contains("wrote " + json).contains("wrote " + md);
            assertThat(r.err()).contains("concurrency 64: 64/64 done, 0 failed");

            JsonNode reports = new ObjectMapper().readTree(json.toFile());
            assertThat(reports).hasSize(3);
            assertThat(reports.get(2).path("concurrency").asInt()).isEqualTo(64);
            assertThat(reports.get(2).path("averageOutputTokensPerRequest").asDouble()).isEqualTo(128);
            assertThat(reports.get(2).path("timeToFirstTokenMs").path("p99").asDouble()).isPositive();
            assertThat(Files.readString(md)).contains("| conc 64 | 64 | 64 | 0 |").contains("### concurrency 8");
            String page = Files.readString(html);
            assertThat(page).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy").doesNotContain("<script")
                    .contains("Requests per second (succeeded) by load").contains("End-to-end latency percentiles")
                    .contains("Distribution of time to first token").contains("<svg");
        }
    }

    @Test
    void perf_slaSearch_andFailures_areReported() throws IOException {
        TimedSseServer.Behaviour b = new TimedSseServer.Behaviour(Duration.ofMillis(2), Duration.ZERO, 4, 1, 10);
        try (TimedSseServer server = new TimedSseServer(b)) {
            RunCommandTest.Run r = raq("perf", "--url", server.baseUrl(), "--model", "M", "--concurrency", "4,1",
                    "-n", "20", "--sla-ttft", "2000", "--sla-tpot", "1000", "--sla-search", "--no-progress");
            // every tenth request fails: 10% is above the SLA's 1%, so not even concurrency 1 passes
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Goodput").contains("SLA %")
                    .contains("failed 2 of 20: 2 server error")
                    .contains("no load in the range met the SLA (TTFT <= 2000 ms, TPOT <= 1000 ms, p99), not even "
                            + "concurrency 1");
            assertThat(r.err()).isEmpty();
        }
        TimedSseServer.Behaviour fine = new TimedSseServer.Behaviour(Duration.ofMillis(2), Duration.ZERO, 4, 1, 0);
        try (TimedSseServer server = new TimedSseServer(fine)) {
            RunCommandTest.Run r = raq("perf", "--url", server.baseUrl(), "--model", "M", "--concurrency", "1,4",
                    "-n", "8", "--sla-ttft", "2000", "--sla-tpot", "1000", "--sla-search", "--no-progress");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("highest load within the SLA (TTFT <= 2000 ms, TPOT <= 1000 ms, p99): "
                    + "concurrency 4");
        }
    }

    @Test
    void perf_mistakes_exitWith2() {
        assertThat(raq("perf", "--model", "M").err()).contains("give either --url URL or --simulate TTFT_MS,GAP_MS");
        RunCommandTest.Run both = raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--rate", "2",
                "--concurrency", "4");
        assertThat(both.code()).isEqualTo(Raq.USAGE);
        assertThat(both.err()).contains("not both");
        assertThat(raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--sla-search").err())
                .contains("--sla-search needs --sla-ttft and --sla-tpot");
        assertThat(raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--sla-ttft", "5").err())
                .contains("needs both --sla-ttft and --sla-tpot");
        assertThat(raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--api", "gemini").err())
                .contains("--api must be openai or anthropic");
        assertThat(raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--duration", "soon").err())
                .contains("--duration must look like 30s");
        assertThat(raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "--input-tokens", "8",
                "--prompts", "p.txt").err()).contains("give one of --input-tokens, --prompts and --dataset");
    }

    @Test
    void perf_unreachableServer_everyRequestFails_exit3() {
        RunCommandTest.Run r = raq("perf", "--url", "http://127.0.0.1:9/v1", "--model", "M", "-n", "3",
                "--no-progress");
        assertThat(r.code()).isEqualTo(Raq.INCOMPLETE);
        assertThat(r.out()).contains("failed 3 of 3: 3 connection");
        assertThat(r.err()).contains("every request failed");
    }

    @Test
    void simulate_runsAgainstABuiltInServer_withItsTimings_andUrlOrSimulateIsRequired() {
        RunCommandTest.Run r = raq("perf", "--simulate", "30,5", "--model", "demo", "--concurrency", "1,4",
                "--output-tokens", "16", "--requests", "12", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("raq perf: simulating a server (TTFT 30 ms, a token every 5 ms) in this JVM")
                .contains("raq perf: demo at http://127.0.0.1:").contains("conc 4");
        assertThat(raq("perf", "--model", "demo").code()).isEqualTo(Raq.USAGE);
        assertThat(raq("perf", "--simulate", "30", "--model", "demo").err()).contains("--simulate must be TTFT_MS,GAP_MS");
    }
}
