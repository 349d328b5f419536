package dev.raq.core.report;

import dev.raq.core.Evaluation;
import dev.raq.core.FailurePolicy;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.metrics.Scorers;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JSON report read back gives the same report: the same JSON, statistics included. */
class ReportReaderTest {

    @TempDir
    Path dir;

    @Test
    void readBack_writesTheSameJson() throws IOException {
        List<Sample> samples = IntStream.range(0, 40).mapToObj(i -> Sample.of("q" + i, "Question " + i + "?",
                "answer " + i, "other " + i)).toList();
        EvaluationReport report = Evaluation.builder().dataset(samples)
                .candidate("good", request -> Completion.of("answer " + request.lastUserMessage().replaceAll("\\D", "")))
                .candidate("flaky", request -> {
                    int i = Integer.parseInt(request.lastUserMessage().replaceAll("\\D", ""));
                    if (i == 7) {
                        throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.NOT_FOUND,
                                "flaky", 1, null, "gone", null);
                    }
                    return Completion.builder(i % 2 == 0 ? "answer " + i : "no").modelId("flaky-1").build();
                })
                .candidate("short", request -> Completion.of("a"))
                .promptTemplate("{question}").judge(Judges.score(Scorers.squadF1()))
                .significance(SignificanceTests.wilcoxon(PAdjust.BONFERRONI)).failurePolicy(FailurePolicy.tolerant())
                .clock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC)).seed(11).build().run();
        Path file = dir.resolve("r.json");
        report.writeJson(file);
        EvaluationReport read = EvaluationReport.readJson(file);
        assertThat(read.toJson()).isEqualTo(report.toJson());
        assertThat(read.significance().orElseThrow().test()).isEqualTo("Wilcoxon (bonferroni)");
        assertThat(read.answerErrors()).isEqualTo(1);
        assertThat(read.manifest()).isEqualTo(report.manifest());
    }

    @Test
    void aSequentialReport_keepsTheLevelItsTestRanAt() throws IOException {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j"))
                .significance(SignificanceTests.signTest(PAdjust.HOLM))
                .sequential(new SequentialOutcome(1, 30, 200, 0.0015, 0.05, true));
        for (int i = 0; i < 30; i++) {
            b.add(new SampleResult(i, Sample.of("s" + i, "Q?"), List.of(), List.of(dev.raq.core.judge.Judgment.of("j",
                    "s" + i, List.of(dev.raq.core.judge.JudgeCall.ranked(List.of("a", "b"), null,
                            dev.raq.core.judge.Ranking.fromOrder(i % 4 == 0 ? List.of("b", "a") : List.of("a", "b")),
                            java.util.Map.of())))), null));
        }
        EvaluationReport report = b.build();
        Path file = dir.resolve("s.json");
        report.writeJson(file);
        EvaluationReport read = EvaluationReport.readJson(file);
        assertThat(read.sequential()).isEqualTo(report.sequential());
        assertThat(read.toJson()).isEqualTo(report.toJson());
    }

    @Test
    void notAReport_isNamed() throws IOException {
        Path other = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        assertThatThrownBy(() -> EvaluationReport.readJson(other)).hasMessageContaining("x.json is not a RAQ JSON report");
        Path broken = Files.writeString(dir.resolve("y.json"), "{\"schema\": \"raq-report/2\", \"candidates\": [\"a\", "
                + "\"b\"], \"samples\": [{\"index\": 0}]}");
        assertThatThrownBy(() -> EvaluationReport.readJson(broken)).hasMessageContaining("y.json: samples[0].id is missing");
        Path unknownTest = Files.writeString(dir.resolve("z.json"), "{\"schema\": \"raq-report/2\", \"candidates\": "
                + "[\"a\", \"b\"], \"significance\": {\"test\": \"t-test\"}}");
        assertThatThrownBy(() -> EvaluationReport.readJson(unknownTest))
                .hasMessageContaining("significance test 't-test' is not one RAQ knows");
    }
}
