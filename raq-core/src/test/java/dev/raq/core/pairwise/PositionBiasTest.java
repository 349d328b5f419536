package dev.raq.core.pairwise;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.stats.Battles;
import dev.raq.stats.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionBiasTest {

    private static final JudgeInput INPUT = new JudgeInput(Sample.of("s", "q", "ref"),
            List.of(new CandidateAnswer("x", "1"), new CandidateAnswer("y", "2"), new CandidateAnswer("z", "3")), 1L);

    /** A judge that always prefers whatever is shown first: maximal position bias. */
    private static final ModelClient FIRST_ALWAYS = request -> Completion.of("[[A>>B]]");

    @Test
    void of_combinedGamesOfAFirstPositionJudge_contradictsItselfOnEveryPair() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).labels(VerdictLabels.GRADED).swapPositions().judge(INPUT);
        PositionBias bias = PositionBias.of(j.calls());
        assertThat(bias.swappedPairs()).isEqualTo(3);
        assertThat(bias.inconsistencyRate()).isEqualTo(1.0);
        assertThat(bias.firstPositionRate()).isEqualTo(1.0);
    }

    @Test
    void of_separateGames_arePairedByTheirSwappedPositions() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).labels(VerdictLabels.GRADED).swapPositions()
                .inconsistencyRule(InconsistencyRule.SEPARATE_GAMES).judge(INPUT);
        PositionBias bias = PositionBias.of(j.calls());
        assertThat(bias.swappedPairs()).isEqualTo(3);
        assertThat(bias.inconsistentPairs()).isEqualTo(3);
        assertThat(bias.decisiveVerdicts()).isEqualTo(6);
    }

    @Test
    void of_noSwappedPairs_reportsUndefinedRateNotZero() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).judge(INPUT);
        assertThat(PositionBias.of(j.calls()).inconsistencyRate()).isNaN();
    }

    @Test
    void fromJudgments_separateStrongGames_areThreeUnitBattlesEach() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).labels(VerdictLabels.GRADED).swapPositions()
                .inconsistencyRule(InconsistencyRule.SEPARATE_GAMES).judge(INPUT);
        Battles battles = PairwiseBattles.fromJudgments(List.of(j), 3);
        assertThat(battles.size()).isEqualTo(6 * 3);
        for (int i = 0; i < battles.size(); i++) {
            assertThat(battles.outcome(i)).isEqualTo(Outcome.A_WINS);
            assertThat(battles.weight(i)).isEqualTo(1.0);
        }
    }

    @Test
    void fromJudgments_fractionalStrongWeight_isOneWeightedBattleEach() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).labels(VerdictLabels.GRADED).swapPositions()
                .inconsistencyRule(InconsistencyRule.SEPARATE_GAMES).judge(INPUT);
        Battles battles = PairwiseBattles.fromJudgments(List.of(j), 2.5);
        assertThat(battles.size()).isEqualTo(6);
        for (int i = 0; i < battles.size(); i++) {
            assertThat(battles.outcome(i)).isEqualTo(Outcome.A_WINS);
            assertThat(battles.weight(i)).isEqualTo(2.5);
        }
    }

    @Test
    void fromJudgments_inconsistentCombinedPair_isOneUnweightedTie() {
        Judgment j = PairwiseJudge.of(FIRST_ALWAYS).labels(VerdictLabels.GRADED).swapPositions().judge(INPUT);
        Battles battles = PairwiseBattles.fromJudgments(List.of(j), 3);
        assertThat(battles.size()).isEqualTo(3);
        for (int i = 0; i < battles.size(); i++) {
            assertThat(battles.outcome(i)).isEqualTo(Outcome.TIE);
            assertThat(battles.weight(i)).isEqualTo(1.0);
        }
    }

    @Test
    void fromJudgments_noVerdict_isRejected() {
        Judgment failed = PairwiseJudge.of(request -> Completion.of("no label")).judge(INPUT);
        assertThatThrownBy(() -> PairwiseBattles.fromJudgments(List.of(failed), 3))
                .hasMessageContaining("no pairwise verdict");
    }
}
