package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleResultCodecTest {

    private static SampleResult result(int index) {
        Sample sample = new Sample("s" + index, "Q" + index + "?", "a context", List.of("R1", "R2"),
                Map.of("title", "Denver"));
        Completion a = Completion.builder("answer a").usage(new TokenUsage(10, 3, false))
                .latency(Duration.ofNanos(123_456_789)).timeToFirstToken(Duration.ofMillis(7)).finishReason("stop")
                .modelId("m-a").build();
        Judgment j = new Judgment("j", sample.id(), List.of(
                JudgeCall.ranked(List.of("b", "a"), "[2, 1]", Ranking.fromOrder(List.of("a", "b")),
                        Map.of("id.1", "a")),
                JudgeCall.failed(List.of("a", "b"), "??", "unreadable", FailureCause.UNUSABLE_REPLY, Map.of())),
                Map.of("a", 0.75, "b", 0.25));
        return new SampleResult(index, sample, List.of(AnswerRecord.answered("a", a, true),
                AnswerRecord.failed("b", "timed out [endpoint http://x]", FailureCause.TIMEOUT)), List.of(j), null);
    }

    @Test
    void roundTrip_everyFieldKept() {
        SampleResult r = result(3);
        assertThat(SampleResultCodec.fromJson(SampleResultCodec.toJson(r))).isEqualTo(r);
        SampleResult notJudged = new SampleResult(4, Sample.of("q", "Q?"), List.of(), List.of(), "only 0 answered");
        assertThat(SampleResultCodec.fromJson(SampleResultCodec.toJson(notJudged))).isEqualTo(notJudged);
    }

    @Test
    void merge_partialBuilders_sameReportAsOneBuilder() {
        EvaluationReport.Builder whole = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j")).seed(9);
        EvaluationReport.Builder left = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j")).seed(9);
        EvaluationReport.Builder right = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j")).seed(9);
        List<SampleResult> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SampleResult r = result(i);
            all.add(r);
            whole.add(r);
            // the right half travels as JSON, as a distributed run ships it
            (i % 2 == 0 ? left : right).add(i % 2 == 0 ? r : SampleResultCodec.fromJson(SampleResultCodec.toJson(r)));
        }
        EvaluationReport merged = left.merge(right).build();
        assertThat(merged.samples()).isEqualTo(whole.build().samples());
        assertThat(merged.toJson()).isEqualTo(whole.build().toJson());
        assertThatThrownBy(() -> left.merge(EvaluationReport.builder(List.of("a", "c"))))
                .hasMessageContaining("cannot merge results of candidates [a, c]");
    }
}
