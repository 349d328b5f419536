package dev.raq.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.report.CandidateSummary;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.metrics.Scorers;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed evaluation in Spark's local mode ({@code local[2]}, four partitions) against a loopback
 * OpenAI-compatible server: the merged report equals the single-JVM report on the same samples and seed, no call is
 * made twice, and the results table survives a round trip through Parquet.
 */
class SparkEvaluationTest {

    private static final int SAMPLES = 240;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer server;
    private static SparkSession spark;

    /** "good" always answers right, "half" on even questions, "poor" on every fifth. */
    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "loopback-model");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            CALLS.incrementAndGet();
            String model = body.path("model").asText();
            String prompt = body.path("messages").get(0).path("content").asText();
            int n = Integer.parseInt(prompt.replaceAll("\\D", ""));
            boolean right = model.equals("good") || model.equals("half") && n % 2 == 0 || n % 5 == 0;
            String reply = JSON.writeValueAsString(JSON.createObjectNode().put("model", model).set("choices",
                    JSON.createArrayNode().add(JSON.createObjectNode().put("finish_reason", "stop").set("message",
                            JSON.createObjectNode().put("role", "assistant").put("content",
                                    right ? "answer " + n : "not sure")))));
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        spark = SparkSession.builder().master("local[2]").appName("raq-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<Sample> samples() {
        return IntStream.range(0, SAMPLES).mapToObj(i -> Sample.of("q" + i, "Question " + i + "?", "answer " + i))
                .toList();
    }

    /** The evaluation, as each executor builds it: three candidates on the loopback server, a metric judge. */
    static Evaluation evaluation(String url, List<Sample> dataset) {
        Evaluation.Builder b = Evaluation.builder().dataset(dataset).promptTemplate("{question}")
                .judge(Judges.score(Scorers.squadF1())).seed(7).concurrency(4);
        for (String model : List.of("good", "half", "poor")) {
            b.candidate(model, OpenAiCompatibleClient.local(url).model(model).build());
        }
        return b.build();
    }

    @Test
    void mergedReport_equalsTheSingleJvmReport_withoutRepeatedCalls(@TempDir Path dir) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        EvaluationReport single = evaluation(url, samples()).run();

        CALLS.set(0);
        SparkEvaluation distributed = SparkEvaluation.of(() -> evaluation(url, List.of(Sample.of("unused", "?"))))
                .samplesInFlight(4).partitions(4);
        Dataset<Row> table = SparkEvaluation.samples(spark, samples());
        Dataset<Row> results = distributed.results(table).cache();
        EvaluationReport merged = distributed.report(results);
        assertThat(CALLS.get()).as("calls, once per sample and candidate").isEqualTo(3 * SAMPLES);

        assertSameEvidence(merged, single);

        results.write().parquet(dir.resolve("results").toString());
        EvaluationReport fromParquet = distributed.report(spark.read().parquet(dir.resolve("results").toString()));
        assertSameEvidence(fromParquet, single);
        assertThat(fromParquet.toJson()).isEqualTo(merged.toJson()); // the rows keep everything, timings included
        assertThat(results.rdd().getNumPartitions()).isEqualTo(4);

        // a driver that keeps only the statistics: the same numbers, no samples held
        EvaluationReport lean = distributed.keepSamplesInReport(false).report(results);
        assertThat(lean.samples()).isEmpty();
        assertThat(lean.sampleCount()).isEqualTo(SAMPLES);
        assertThat(lean.rankings()).isEqualTo(merged.rankings());
        assertThat(lean.pairDifferences()).isEqualTo(merged.pairDifferences());
        assertThat(lean.candidateSummaries()).isEqualTo(merged.candidateSummaries());
        assertThat(lean.manifest().datasetFingerprint()).isEqualTo(merged.manifest().datasetFingerprint());
    }

    @Test
    void storeDirectory_aRetriedPartitionReopensItsStore_andCallsNothingTwice(@TempDir Path dir) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        SparkEvaluation distributed = SparkEvaluation.of(() -> evaluation(url, List.of(Sample.of("unused", "?"))))
                .samplesInFlight(4).partitions(4).storeDirectory(dir.resolve("stores").toString());
        Dataset<Row> table = SparkEvaluation.samples(spark, samples());
        CALLS.set(0);
        EvaluationReport first = distributed.report(distributed.results(table));
        assertThat(CALLS.get()).isEqualTo(3 * SAMPLES);
        assertThat(dir.resolve("stores").toFile().list()).contains("partition-0.jsonl", "partition-3.jsonl");
        // running the partitions again, as a retry would: every answer comes from the partitions' stores
        CALLS.set(0);
        EvaluationReport again = distributed.report(distributed.results(table));
        assertThat(CALLS.get()).as("calls made again").isZero();
        assertThat(again.manifest().reusedAnswers()).isEqualTo(3L * SAMPLES);
        assertThat(again.rankings()).isEqualTo(first.rankings());
    }

    /** Everything but the timings (the two runs' latencies differ): samples' judgments, ranks, the test. */
    private static void assertSameEvidence(EvaluationReport actual, EvaluationReport expected) {
        assertThat(actual.samples()).hasSize(SAMPLES);
        assertThat(actual.samples().stream().map(SampleResult::judgments).toList())
                .isEqualTo(expected.samples().stream().map(SampleResult::judgments).toList());
        assertThat(actual.rankings()).isEqualTo(expected.rankings());
        assertThat(actual.significance().orElseThrow().pairs()).isEqualTo(expected.significance().orElseThrow().pairs());
        for (CandidateSummary c : expected.candidateSummaries()) {
            assertThat(actual.candidate(c.name()).rank()).isEqualTo(c.rank());
            assertThat(actual.candidate(c.name()).meanWords()).isEqualTo(c.meanWords());
        }
        assertThat(actual.pairDifferences()).hasSameSizeAs(expected.pairDifferences());
        for (int i = 0; i < expected.pairDifferences().size(); i++) {
            assertThat(actual.pairDifferences().get(i).difference()).isEqualTo(expected.pairDifferences().get(i)
                    .difference());
        }
        assertThat(actual.manifest().datasetFingerprint()).isEqualTo(expected.manifest().datasetFingerprint());
    }
}
