package dev.raq.core.report;

import dev.raq.core.pairwise.PairwiseJudge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.InconsistencyRule;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.PositionBias;
import dev.raq.core.pairwise.VerdictLabels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PairwiseReportTest {

    private static final List<Sample> SAMPLES = IntStream.range(0, 40)
            .mapToObj(i -> Sample.of("q" + i, "Question " + i + "?", "answer " + i)).toList();

    /** Candidates answer with their own quality tag; the judge model prefers the higher tag. */
    private static ModelClient answering(int quality) {
        return request -> Completion.of("quality " + quality);
    }

    /**
     * A judge model that prefers the better answer, except that it gives ties between equal answers and, on every
     * third request, prefers whatever is shown first (a position bias the report must reveal).
     */
    private static ModelClient judge() {
        int[] calls = {0};
        return request -> {
            int n;
            synchronized (calls) {
                n = calls[0]++;
            }
            int a = quality(request, "A");
            int b = quality(request, "B");
            if (n % 3 == 0) {
                return Completion.of("[[A>B]]");
            }
            return Completion.of(a > b ? "A wins [[A>B]]" : a < b ? "B wins [[B>A]]" : "[[A=B]]");
        };
    }

    private static int quality(ChatRequest request, String side) {
        String user = request.lastUserMessage();
        String start = "<|The Start of Assistant " + side + "'s Answer|>\nquality ";
        int i = user.indexOf(start) + start.length();
        return Character.getNumericValue(user.charAt(i));
    }

    @Test
    void run_withPairwiseJudgeAgainstBaseline_reportsLeaderboardAndPositionBias() throws Exception {
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES)
                .candidate("base", answering(2))
                .candidate("better", answering(3))
                .candidate("worse", answering(1))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(judge()).labels(VerdictLabels.WITH_TIES).againstBaseline("base")
                        .swapPositions().inconsistencyRule(InconsistencyRule.SEPARATE_GAMES))
                .concurrency(1)
                .seed(7)
                .build()
                .run();

        assertThat(report.leaderboardError()).isEmpty();
        Leaderboard board = report.leaderboard().orElseThrow();
        assertThat(board.options().baseline()).isEqualTo("base");
        assertThat(board.entries()).extracting(Leaderboard.Entry::model).containsExactly("better", "base", "worse");
        assertThat(board.entry("better").score()).isGreaterThan(50);
        assertThat(board.isSignificant("better", "worse")).isTrue();

        PositionBias bias = report.judgeSummaries().get(0).positionBias();
        assertThat(bias).isNotNull();
        assertThat(bias.swappedPairs()).isEqualTo(80);
        assertThat(bias.inconsistentPairs()).isPositive();
        assertThat(bias.firstPositionRate()).isGreaterThan(0.5);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.at("/leaderboard/models/0/model").asText()).isEqualTo("better");
        assertThat(json.at("/judgeSummaries/0/positionBias/swappedPairs").asInt()).isEqualTo(80);
        assertThat(report.toMarkdown()).contains("## Pairwise leaderboard").contains("anchored at baseline base")
                .contains("Position bias of");
    }

    @Test
    void run_withRankingJudgeOnly_hasNoLeaderboardOrPositionBias() {
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES.subList(0, 3))
                .candidate("a", answering(1))
                .candidate("b", answering(2))
                .promptTemplate("{question}")
                .judge(Judges.score((answer, refs) -> answer.length()))
                .build()
                .run();
        assertThat(report.leaderboard()).isEmpty();
        assertThat(report.leaderboardError()).isEmpty();
        assertThat(report.judgeSummaries().get(0).positionBias()).isNull();
    }

    @Test
    void run_candidateThatNeverWins_reportsWhyThereIsNoLeaderboard() {
        ModelClient fairJudge = request -> Completion.of(
                quality(request, "A") > quality(request, "B") ? "[[A>B]]" : "[[B>A]]");
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES.subList(0, 5))
                .candidate("good", answering(3))
                .candidate("bad", answering(1))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(fairJudge))
                .build()
                .run();
        assertThat(report.leaderboard()).isEmpty();
        assertThat(report.leaderboardError()).hasValueSatisfying(e -> assertThat(e).contains("'bad' never won"));
        assertThat(report.toMarkdown()).contains("The pairwise leaderboard could not be fitted");
    }
}
