package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SequentialOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SequentialEvaluationTest {

    private static final List<Sample> SAMPLES = IntStream.range(0, 400)
            .mapToObj(i -> Sample.of("s" + i, "Q" + i + "?", "R")).toList();

    /** Ranks a > b > c on every sample, or shuffles them (a seeded coin per sample) when {@code fair}. */
    private static dev.raq.core.judge.Judge judge(boolean fair) {
        return input -> {
            List<String> order = new ArrayList<>(List.of("a", "b", "c"));
            if (fair) {
                long coin = new SplittableRandom(input.seed()).nextLong();
                java.util.Collections.shuffle(order, new java.util.Random(coin));
            }
            return Judgment.of("j", input.sample().id(), List.of(JudgeCall.ranked(order, null,
                    Ranking.fromOrder(order), Map.of())));
        };
    }

    private static Evaluation.Builder evaluation(boolean fair, ScriptedClient a) {
        return Evaluation.builder().dataset(SAMPLES).candidate("a", a).candidate("b", EvaluationTest.echo("b"))
                .candidate("c", EvaluationTest.echo("c")).judge(judge(fair))
                .sequential(SequentialDesign.obrienFleming(50));
    }

    @Test
    void aClearDifference_stopsAtAnEarlyLook_andTheReportHoldsExactlyTheSamplesItTested() {
        ScriptedClient a = EvaluationTest.echo("a");
        EvaluationReport report = evaluation(false, a).build().run();

        SequentialOutcome outcome = report.sequential().orElseThrow();
        assertThat(outcome.stoppedEarly()).isTrue();
        assertThat(outcome.samples()).isLessThan(400).isEqualTo(50 * outcome.look());
        assertThat(report.samples()).hasSize(outcome.samples());
        assertThat(a.calls.get()).as("no sample beyond the look was asked").isEqualTo(outcome.samples());
        assertThat(report.alpha()).as("the run's alpha").isEqualTo(0.05);
        assertThat(report.significance().orElseThrow().alpha()).as("the look's level").isEqualTo(outcome.level())
                .isLessThan(0.05);
        assertThat(report.significance().orElseThrow().pairs()).allMatch(p -> p.significant());
        assertThat(report.toMarkdown()).contains("Sequential evaluation: Stopped early at look " + outcome.look());
        assertThat(report.toJson()).contains("\"stoppedEarly\" : true");
    }

    @Test
    void noDifference_runsToTheEnd_andItsLastLookGetsWhatTheEarlierLooksLeft() {
        EvaluationReport report = evaluation(true, EvaluationTest.echo("a")).build().run();

        SequentialOutcome outcome = report.sequential().orElseThrow();
        assertThat(outcome.stoppedEarly()).isFalse();
        assertThat(outcome.look()).isEqualTo(8);
        assertThat(report.samples()).hasSize(400);
        assertThat(outcome.level()).isCloseTo(0.05 - SequentialDesign.spent(350 / 400.0, 0.05), within(1e-15));
    }

    @Test
    void theLevelsOfAllLooks_addUpToAlpha_andEarlyLooksSpendAlmostNothing() {
        double sum = 0;
        for (int n = 50; n <= 400; n += 50) {
            sum += SequentialDesign.level(n - 50, n, 400, 0.05);
        }
        assertThat(sum).isCloseTo(0.05, within(1e-15));
        assertThat(SequentialDesign.spent(0.25, 0.05)).isLessThan(1e-4);
        assertThat(SequentialDesign.spent(1, 0.05)).isEqualTo(0.05);
        assertThatThrownBy(() -> SequentialDesign.obrienFleming(5)).hasMessageContaining("lookEvery must be >= 10");
    }
}
