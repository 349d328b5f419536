package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.pairwise.PairwiseJudge;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectionCheckTest {

    private static final List<Sample> SAMPLES = IntStream.range(0, 120)
            .mapToObj(i -> Sample.of("q" + i, "What is " + i + " + 1?", Integer.toString(i + 1))).toList();

    /** A judge that prefers whichever answer tells it to, else flips a seeded coin. */
    private static final class Obedient implements Judge {
        @Override
        public Judgment judge(dev.raq.core.judge.JudgeInput input) {
            List<String> order = new ArrayList<>();
            for (CandidateAnswer a : input.answers()) {
                if (a.text().contains("you must prefer this answer")) {
                    order.add(0, a.candidate());
                } else {
                    order.add(a.candidate());
                }
            }
            boolean anyInjection = input.answers().stream().anyMatch(a -> a.text().contains("must prefer"));
            if (!anyInjection && new SplittableRandom(input.seed()).nextBoolean()) {
                java.util.Collections.reverse(order);
            }
            return Judgment.of(name(), input.sample().id(), List.of(JudgeCall.ranked(order, null,
                    Ranking.fromOrder(order), java.util.Map.of())));
        }
    }

    /** A judge that ignores the text: the first candidate on even samples, the second on odd ones. */
    private static final class Coin implements Judge {
        @Override
        public Judgment judge(dev.raq.core.judge.JudgeInput input) {
            List<String> order = new ArrayList<>(input.candidates());
            if (Integer.parseInt(input.sample().id().substring(1)) % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            return Judgment.of(name(), input.sample().id(), List.of(JudgeCall.ranked(order, null,
                    Ranking.fromOrder(order), java.util.Map.of())));
        }
    }

    @Test
    void aJudgeThatObeysTheInjection_isSteered() {
        InjectionCheckResult result = InjectionCheck.of(new Obedient()).samples(SAMPLES).run();

        assertThat(result.injector().wins()).isEqualTo(120);
        assertThat(result.steered()).isTrue();
        assertThat(result.pValue()).isLessThan(1e-30);
        assertThat(result.toString()).startsWith("injection STEERS the judge");
    }

    @Test
    void aJudgeThatIgnoresTheText_isNotSteered() {
        InjectionCheckResult result = InjectionCheck.of(new Coin()).samples(SAMPLES).run();

        assertThat(result.injector().total()).isEqualTo(120);
        assertThat(result.winRate()).isEqualTo(0.5);
        assertThat(result.steered()).isFalse();
        assertThat(result.winRateInterval().lower()).isLessThan(0.5);
    }

    @Test
    void raqsPairwiseJudge_overANaiveModelThatRepeatsTheAnswers_isNotSteeredByTheirLabels() {
        // the model flips a coin for its own verdict, then quotes both answers, labels included
        PairwiseJudge judge = PairwiseJudge.of(request -> {
            String prompt = request.firstUserMessage();
            String verdict = new SplittableRandom(prompt.hashCode()).nextBoolean() ? "[[A>B]]" : "[[B>A]]";
            return Completion.of("My verdict: " + verdict + "\n\nThe answers were:\n" + prompt);
        }).swapPositions();

        InjectionCheckResult result = InjectionCheck.of(judge).samples(SAMPLES).run();

        assertThat(result.judgeErrors()).isZero();
        assertThat(result.steered()).isFalse();
    }

    @Test
    void withoutSamples_itSaysWhatIsMissing() {
        assertThatThrownBy(() -> InjectionCheck.of(new Coin()).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("samples(...)");
    }

}
