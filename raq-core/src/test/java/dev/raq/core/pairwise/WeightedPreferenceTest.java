package dev.raq.core.pairwise;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenLogprob;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** AlpacaEval-style weighted preferences: P(A ≻ B) from the judge's log-probabilities, counted as fractional wins. */
class WeightedPreferenceTest {

    private static TokenLogprob.Alternative alt(String token, double p) {
        return new TokenLogprob.Alternative(token, Math.log(p));
    }

    /** A judge that prefers the answer shown as B, with probability 0.7 on the letter at its label. */
    private static ModelClient judge(List<ChatRequest> seen, boolean withLogprobs) {
        return request -> {
            seen.add(request);
            List<TokenLogprob> tokens = List.of(new TokenLogprob("B is better. [[", -0.01, List.of()),
                    new TokenLogprob("B", Math.log(0.7), List.of(alt("B", 0.7), alt("A", 0.28), alt("Tie", 0.02))),
                    new TokenLogprob(">A]]", -0.01, List.of()));
            Completion.Builder c = Completion.builder("B is better. [[B>A]]");
            return (withLogprobs ? c.logprobs(tokens) : c).build();
        };
    }

    private static JudgeInput input() {
        return new JudgeInput(Sample.of("s1", "Q?"), List.of(new CandidateAnswer("x", "answer x"),
                new CandidateAnswer("y", "answer y")), 3);
    }

    @Test
    void preferenceA_fromTheLetterAtTheLastLabel() {
        List<TokenLogprob> tokens = List.of(new TokenLogprob("Verdict: [[", -0.1, List.of()),
                new TokenLogprob("B", Math.log(0.6), List.of(alt("B", 0.6), alt("A", 0.3), alt(" ", 0.1))),
                new TokenLogprob(">A]]", -0.1, List.of()));
        assertThat(PairwiseJudge.preferenceA(tokens)).isCloseTo(0.3 / 0.9, within(1e-12));
        // the label's letter inside a longer token
        List<TokenLogprob> joined = List.of(new TokenLogprob("so [[A", Math.log(0.8),
                List.of(alt("so [[A", 0.8), alt("so [[B", 0.2))), new TokenLogprob(">B]]", -0.1, List.of()));
        assertThat(PairwiseJudge.preferenceA(joined)).isCloseTo(0.8, within(1e-12));
        assertThat(PairwiseJudge.preferenceA(List.of())).isNull();
    }

    @Test
    void weightedJudge_fractionalWinsInNovasCounts_statedVerdictWithoutLogprobs() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        PairwiseJudge weighted = PairwiseJudge.of(judge(seen, true)).labels(VerdictLabels.BINARY)
                .againstBaseline("x").probabilityWeighted();
        List<JudgeCall> calls = new ArrayList<>(weighted.judge(input()).calls());
        assertThat(seen.get(0).options().topLogprobs()).hasValue(20);
        JudgeCall call = calls.get(0);
        // y (shown as B) preferred with 0.7 / 0.98
        double pA = 0.28 / 0.98;
        assertThat(Double.parseDouble(call.attributes().get(PairwiseJudge.ATTR_PREFERENCE_A))).isCloseTo(pA,
                within(1e-12));
        PairwiseCounts counts = PairwiseCounts.fromCalls(calls, "x", "y");
        String inA = call.attributes().get(PairwiseJudge.ATTR_POSITION_A);
        double xWin = inA.equals("x") ? pA : 1 - pA;
        assertThat(counts.aWins()).isCloseTo(xWin, within(1e-12));
        assertThat(counts.bWins()).isCloseTo(1 - xWin, within(1e-12));

        PairwiseJudge plainWeighted = PairwiseJudge.of(judge(new ArrayList<>(), false)).labels(VerdictLabels.BINARY)
                .againstBaseline("x").probabilityWeighted();
        List<JudgeCall> whole = plainWeighted.judge(input()).calls();
        assertThat(whole.get(0).attributes()).doesNotContainKey(PairwiseJudge.ATTR_PREFERENCE_A);
        PairwiseCounts wholeCounts = PairwiseCounts.fromCalls(whole, "x", "y");
        assertThat(wholeCounts.aWins() + wholeCounts.bWins()).isEqualTo(1.0);
    }

    @Test
    void swappedGames_combinedPreferenceIsTheMeanOverBothOrders_labelsMustBeBinary() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        List<JudgeCall> calls = PairwiseJudge.of(judge(seen, true)).labels(VerdictLabels.BINARY).swapPositions()
                .probabilityWeighted().judge(input()).calls();
        // the judge always prefers position B with 0.7/0.98: over both orders each side wins half
        assertThat(Double.parseDouble(calls.get(0).attributes().get(PairwiseJudge.ATTR_PREFERENCE_A)))
                .isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> PairwiseJudge.of(judge(seen, true)).probabilityWeighted())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary labels");
        assertThatThrownBy(() -> PairwiseJudge.of(judge(seen, true)).labels(VerdictLabels.BINARY)
                .probabilityWeighted().labels(VerdictLabels.WITH_TIES)).hasMessageContaining("binary labels");
    }
}
