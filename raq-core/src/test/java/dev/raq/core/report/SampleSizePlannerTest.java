package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleSizePlannerTest {

    /** A pilot of 40 samples in which "a" is ranked above "b" in a share {@code aWins} of them. */
    private static EvaluationReport pilot(double aWins) {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j")).seed(3);
        for (int i = 0; i < 40; i++) {
            List<String> order = i < aWins * 40 ? List.of("a", "b") : List.of("b", "a");
            b.add(new SampleResult(i, Sample.of("s" + i, "Q?", "R"), List.of(
                    AnswerRecord.answered("a", Completion.of("x"), false),
                    AnswerRecord.answered("b", Completion.of("y"), false)),
                    List.of(Judgment.of("j", "s" + i, List.of(JudgeCall.ranked(order, null, Ranking.fromOrder(order),
                            Map.of())))), null));
        }
        return b.build();
    }

    @Test
    void plan_signTestOnA70PercentPreference_nearTheClosedForm() {
        // closed form for a sign test: ((1.96 * 0.5 + 0.84 * sqrt(0.21)) / 0.2)^2 = 46.6 decisive samples
        SampleSizePlan plan = SampleSizePlanner.plan(pilot(0.7), "a", "b", SignificanceTests.signTest(PAdjust.HOLM),
                0.8, 400, 11);
        assertThat(plan.reached()).isTrue();
        assertThat(plan.samples()).isBetween(35, 70);
        assertThat(plan.power()).isGreaterThanOrEqualTo(0.8);
        assertThat(plan.pilotDifference()).isCloseTo(-0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(plan.toString()).contains("a vs b with Sign test (holm): about " + plan.samples() + " samples");
        assertThat(SampleSizePlanner.plan(pilot(0.7), "a", "b", SignificanceTests.signTest(PAdjust.HOLM), 0.8, 400,
                11)).isEqualTo(plan);
    }

    @Test
    void plan_strongerEffect_needsFewerSamples_noDifference_refused() {
        int weak = SampleSizePlanner.plan(pilot(0.7), "a", "b", SignificanceTests.recommended(), 0.8, 200, 5)
                .samples();
        int strong = SampleSizePlanner.plan(pilot(0.9), "a", "b", SignificanceTests.recommended(), 0.8, 200, 5)
                .samples();
        assertThat(strong).isLessThan(weak);
        assertThatThrownBy(() -> SampleSizePlanner.plan(pilot(0.5), "a", "b", SignificanceTests.recommended(), 0.8,
                200, 5)).hasMessageContaining("shows no difference");
        assertThatThrownBy(() -> SampleSizePlanner.plan(pilot(0.7), "a", "c", SignificanceTests.recommended(), 0.8,
                200, 5)).hasMessageContaining("must be two candidates");
    }
}
