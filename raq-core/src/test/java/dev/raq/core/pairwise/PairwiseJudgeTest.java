package dev.raq.core.pairwise;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class PairwiseJudgeTest {

    private static final Sample SAMPLE = Sample.of("q1", "What is pi to two decimals?", "3.14");

    /** A judge model that prefers the answer containing "3.14", wherever it is shown. */
    private static final Function<ChatRequest, String> PREFERS_CORRECT = request -> {
        String user = request.firstUserMessage().replaceAll(" #[0-9a-f]{8}\\|>", "|>"); // without the frame id
        String a = between(user, "<|The Start of Assistant A's Answer|>\n", "\n<|The End of Assistant A's Answer|>");
        return a.contains("3.14") ? "A is correct. [[A>B]]" : "B is correct. [[B>A]]";
    };

    private static JudgeInput input(String... namesAndAnswers) {
        List<CandidateAnswer> answers = new ArrayList<>();
        for (int i = 0; i < namesAndAnswers.length; i += 2) {
            answers.add(new CandidateAnswer(namesAndAnswers[i], namesAndAnswers[i + 1]));
        }
        return new JudgeInput(SAMPLE, answers, 7L);
    }

    private static ModelClient scripted(Function<ChatRequest, String> replies, List<ChatRequest> seen) {
        return request -> {
            synchronized (seen) {
                seen.add(request);
            }
            return Completion.of(replies.apply(request));
        };
    }

    @Test
    void judge_allPairs_ranksEachPairWithTheJudgesPreference() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(PREFERS_CORRECT, seen))
                .judge(input("good", "3.14", "bad", "3.0", "worse", "about 3"));
        assertThat(j.calls()).hasSize(3);
        assertThat(seen).hasSize(3);
        assertThat(j.rankings()).allSatisfy(r -> assertThat(r.size()).isEqualTo(2));
        assertThat(j.rankings()).filteredOn(r -> r.contains("good"))
                .allSatisfy(r -> assertThat(r.rank("good")).isEqualTo(1.0));
    }

    @Test
    void judge_promptCarriesReferenceAndAnswersVerbatim() {
        List<ChatRequest> seen = new ArrayList<>();
        PairwiseJudge.of(scripted(PREFERS_CORRECT, seen)).judge(input("x", "It is 3.14!", "y", "3,14 (comma)"));
        String user = seen.get(0).lastUserMessage();
        assertThat(user).contains("<|Reference Answer|>\n3.14").contains("It is 3.14!").contains("3,14 (comma)");
        assertThat(seen.get(0).messages().get(0).content()).contains("[[A>B]], [[A=B]] or [[B>A]]");
    }

    @Test
    void judge_swapWithConsistentJudge_keepsTheVerdictAndMarksItConsistent() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(PREFERS_CORRECT, seen)).swapPositions()
                .judge(input("good", "3.14", "bad", "3.0"));
        assertThat(seen).hasSize(2);
        assertThat(j.calls()).hasSize(1);
        JudgeCall call = j.calls().get(0);
        assertThat(call.attributes()).containsEntry(PairwiseJudge.ATTR_CONSISTENT, "true");
        assertThat(call.ranking().orElseThrow().rank("good")).isEqualTo(1.0);
        assertThat(call.output().orElseThrow()).contains("game 2 (positions swapped)");
    }

    @Test
    void judge_swapWithPositionBiasedJudge_countsTheInconsistentPairAsTie() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(r -> "[[A>B]]", seen)).swapPositions()
                .judge(input("x", "one", "y", "two"));
        JudgeCall call = j.calls().get(0);
        assertThat(call.attributes()).containsEntry(PairwiseJudge.ATTR_CONSISTENT, "false");
        assertThat(call.ranking().orElseThrow().rank("x")).isEqualTo(1.5);
    }

    @Test
    void judge_swapWithSeparateGames_keepsBothGamesAsBattles() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(r -> "[[A>B]]", seen)).swapPositions()
                .inconsistencyRule(InconsistencyRule.SEPARATE_GAMES)
                .judge(input("x", "one", "y", "two"));
        assertThat(j.calls()).hasSize(2);
        assertThat(j.calls().get(0).attributes()).containsEntry(PairwiseJudge.ATTR_GAME, "1")
                .containsEntry(PairwiseJudge.ATTR_POSITION_A, "x");
        assertThat(j.calls().get(1).attributes()).containsEntry(PairwiseJudge.ATTR_GAME, "2")
                .containsEntry(PairwiseJudge.ATTR_POSITION_A, "y");
        assertThat(j.rankings().get(0).rank("x")).isEqualTo(1.0);
        assertThat(j.rankings().get(1).rank("y")).isEqualTo(1.0);
    }

    @Test
    void judge_replyWithoutLabel_isAFailedCallWithRawOutputNeverATie() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(r -> "Both are fine.", seen)).judge(input("x", "1", "y", "2"));
        assertThat(j.failed()).isTrue();
        JudgeCall call = j.calls().get(0);
        assertThat(call.error()).hasValueSatisfying(e -> assertThat(e).contains("no verdict label"));
        assertThat(call.output()).contains("Both are fine.");
    }

    @Test
    void judge_judgeClientThrows_isRecordedAsFailedCall() {
        ModelClient failing = request -> {
            throw new RetriableModelCallException(RetriableModelCallException.Reason.RATE_LIMITED, "judge-model", 3,
                    429, null, null, null);
        };
        Judgment j = PairwiseJudge.of(failing).judge(input("x", "1", "y", "2"));
        assertThat(j.calls().get(0).error()).hasValueSatisfying(e ->
                assertThat(e).contains("judge call failed").contains("rate limited").contains("HTTP 429"));
    }

    @Test
    void judge_againstBaseline_comparesEveryOtherCandidateWithTheBaselineShownFirst() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = PairwiseJudge.of(scripted(PREFERS_CORRECT, seen)).againstBaseline("base")
                .judge(input("base", "3.0", "m1", "3.14", "m2", "3"));
        assertThat(j.calls()).hasSize(2);
        assertThat(j.calls()).allSatisfy(c -> assertThat(c.attributes()).containsEntry(PairwiseJudge.ATTR_POSITION_A,
                "base"));
    }

    @Test
    void judge_sameSeed_sameOrder() {
        List<ChatRequest> first = new ArrayList<>();
        List<ChatRequest> second = new ArrayList<>();
        JudgeInput in = input("a", "1", "b", "2", "c", "3", "d", "4");
        Judgment j1 = PairwiseJudge.of(scripted(PREFERS_CORRECT, first)).judge(in);
        Judgment j2 = PairwiseJudge.of(scripted(PREFERS_CORRECT, second)).judge(in);
        assertThat(j1.calls().stream().map(JudgeCall::shownOrder).toList())
                .isEqualTo(j2.calls().stream().map(JudgeCall::shownOrder).toList());
    }

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start) + start.length();
        return s.substring(i, s.indexOf(end, i));
    }

    @Test
    void judgesPairwise_isThePairwiseJudgeEntryPoint() {
        List<ChatRequest> seen = new ArrayList<>();
        Judgment j = dev.raq.core.pairwise.PairwiseJudge.of(scripted(PREFERS_CORRECT, seen))
                .judge(input("good", "3.14", "bad", "3.0"));
        assertThat(j.rankings()).singleElement().satisfies(r -> assertThat(r.rank("good")).isEqualTo(1.0));
    }
}
