package dev.raq.core.judge;

import dev.raq.core.data.Sample;
import dev.raq.metrics.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreJudgeTest {

    /** Exact match: 1 when the answer equals a reference, else 0. */
    private static final AnswerScorer EXACT = new AnswerScorer() {
        @Override
        public double score(String answer, List<String> references) {
            return references.contains(answer) ? 1 : 0;
        }

        @Override
        public String name() {
            return "exact";
        }
    };

    private static final List<CandidateAnswer> ANSWERS = List.of(new CandidateAnswer("a", "Paris"),
            new CandidateAnswer("b", "Lyon"), new CandidateAnswer("c", "paris"), new CandidateAnswer("d", "Paris"));

    @Test
    void judge_scoresEveryAnswer_ranksByScoreWithTiesAveraged() {
        Judgment judgment = Judges.score(EXACT).judge(new JudgeInput(Sample.of("q", "Capital?", "Paris"), ANSWERS, 1));

        assertThat(judgment.judge()).isEqualTo("score(exact)");
        assertThat(judgment.scores()).isEqualTo(Map.of("a", 1.0, "b", 0.0, "c", 0.0, "d", 1.0));
        assertThat(judgment.calls()).hasSize(1);
        JudgeCall call = judgment.calls().get(0);
        assertThat(call.output()).isEmpty();
        assertThat(call.shownOrder()).isEmpty();
        assertThat(call.ranking()).contains(new Ranking(Map.of("a", 1.5, "d", 1.5, "b", 3.5, "c", 3.5)));
    }

    @Test
    void judge_sampleWithoutReferences_failsSayingSo() {
        Judgment judgment = Judges.score(EXACT).judge(new JudgeInput(Sample.of("q", "Capital?"), ANSWERS, 1));

        assertThat(judgment.failed()).isTrue();
        assertThat(judgment.scores()).isEmpty();
        assertThat(judgment.calls().get(0).error()).contains("sample 'q' has no reference answers to score against");
    }

    @Test
    void judge_metricThrowsOrReturnsNaN_failsNamingTheCandidate() {
        AnswerScorer throwing = (answer, refs) -> {
            if (answer.equals("Lyon")) {
                throw new IllegalArgumentException("cannot tokenize");
            }
            return 1;
        };
        AnswerScorer nan = (answer, refs) -> answer.equals("paris") ? Double.NaN : 1;
        JudgeInput input = new JudgeInput(Sample.of("q", "Capital?", "Paris"), ANSWERS, 1);

        assertThat(Judges.score(throwing).judge(input).calls().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("failed on the answer of 'b': IllegalArgumentException: cannot tokenize"));
        assertThat(Judges.score(nan).judge(input).calls().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("returned NaN for the answer of 'c'"));
    }
}
