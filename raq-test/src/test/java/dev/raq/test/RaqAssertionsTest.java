package dev.raq.test;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.significance.SignificanceTests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.raq.test.RaqAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaqAssertionsTest {

    /** 60 samples scored by a metric judge: "new" scores 0.9, "old" 0.6 on most and beats it on 2 of 3 samples. */
    private static EvaluationReport report(boolean withFailure) {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("new", "old")).judges(List.of("f1"))
                .significance(SignificanceTests.signTest(dev.raq.stats.PAdjust.HOLM));
        for (int i = 0; i < 60; i++) {
            double newScore = i % 3 == 0 ? 0.5 : 0.9;
            double oldScore = 0.6;
            Map<String, Double> scores = Map.of("new", newScore, "old", oldScore);
            AnswerRecord old = withFailure && i == 0 ? AnswerRecord.failed("old", "timeout")
                    : AnswerRecord.answered("old", Completion.of("o"), false);
            b.add(new SampleResult(i, Sample.of("s" + i, "Q?", "R"), List.of(
                    AnswerRecord.answered("new", Completion.of("n"), false), old),
                    List.of(new Judgment("f1", "s" + i, List.of(JudgeCall.ranked(List.of("new", "old"), null,
                            Ranking.fromScores(scores), Map.of())), scores)), null));
        }
        return b.build();
    }

    @Test
    void passingAssertions_passInOneLineEach() {
        EvaluationReport report = report(false);
        assertThat(report).hasNoErrors().candidate("new").isSignificantlyBetterThan("old");
        assertThat(report).candidate("new").hasMeanScoreAtLeast(0.7).hasMeanScoreAtLeast("f1", 0.7);
        assertThat(report).candidate("new").hasWinRateAgainst("old").withLowerBoundAbove(0.5);
        assertThat(report).pairedDifference("new", "old", "f1").excludesZero().wasPoweredToDetect(0.2);
        assertThat(report).pairedDifference("old", "new").excludesZero();
    }

    @Test
    void failingAssertions_sayWhyAndPrintTheTable() {
        EvaluationReport report = report(true);
        assertThatThrownBy(() -> assertThat(report).hasNoErrors()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no errors, but 1 of 180 calls failed (1 candidate, 0 judge)")
                .hasMessageContaining("| new |");
        assertThatThrownBy(() -> assertThat(report).candidate("old").isSignificantlyBetterThan("new"))
                .hasMessageContaining("expected old significantly better than new, but the test favours new (");
        assertThatThrownBy(() -> assertThat(report).candidate("new").hasMeanScoreAtLeast(0.95))
                .hasMessageContaining("mean score of new at least 0.95, but mean 0.766");
        assertThatThrownBy(() -> assertThat(report).candidate("old").hasWinRateAgainst("new")
                .withLowerBoundAbove(0.5)).hasMessageContaining("95% Wilson interval");
        assertThatThrownBy(() -> assertThat(report).pairedDifference("new", "old", "f1").wasPoweredToDetect(0.01))
                .hasMessageContaining("more samples are needed");
        assertThatThrownBy(() -> assertThat(report).candidate("nobody"))
                .hasMessageContaining("expected a candidate 'nobody'");
        assertThatThrownBy(() -> assertThat(report).hasErrorRateAtMost(0.001))
                .hasMessageContaining("expected error rate at most 0.1%, but 1 of 180 calls failed");
    }

    @Test
    void withoutATest_theReasonIsShown_notNoSuchElement() {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j"));
        b.add(new SampleResult(0, Sample.of("s0", "Q?", "R"), List.of(
                AnswerRecord.answered("a", Completion.of("x"), false),
                AnswerRecord.answered("b", Completion.of("y"), false)),
                List.of(Judgment.of("j", "s0", List.of(JudgeCall.ranked(List.of("a", "b"), null,
                        Ranking.fromOrder(List.of("a", "b")), Map.of())))), null));
        assertThatThrownBy(() -> assertThat(b.build()).candidate("a").isSignificantlyBetterThan("b"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no significance test ran: none was configured");
    }
}
