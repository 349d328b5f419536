package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static dev.raq.stats.JudgeAgreement.FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every statistic of {@link JudgeAgreement} on small cases computed by hand. Labels: 1 = first answer, 2 = second,
 * 0 = tie. The Wilson bounds were checked with scipy 1.17.1 {@code binomtest(k, n).proportion_ci(method='wilson')};
 * the majority votes with PandaLM's {@code get_majority_vote} run in Python 3.
 */
class JudgeAgreementTest {

    private static final int[] LABELS = {1, 2, 0};
    private static final int[] GOLD = {1, 1, 2, 2, 0, 1};
    private static final int[] ORIGINAL = {1, 2, 2, FAILED, 0, FAILED};
    private static final int[] SWAPPED = {1, 1, 2, 1, 2, FAILED};

    private static JudgeAgreement handCase() {
        return JudgeAgreement.of(LABELS, GOLD, ORIGINAL, SWAPPED);
    }

    @Test
    void accuracy_failedCallNeverEqualsGold() {
        JudgeAgreement a = handCase();
        assertThat(a.items()).isEqualTo(6);
        // original: items 0, 2, 4 right; 1 wrong; 3 and 5 failed
        assertThat(a.original().accuracy().count()).isEqualTo(3);
        assertThat(a.original().accuracy().value()).isEqualTo(0.5);
        assertThat(a.original().failed()).isEqualTo(2);
        // swapped: items 0, 1, 2 right; 5 failed
        assertThat(a.swapped().orElseThrow().accuracy().count()).isEqualTo(3);
        assertThat(a.swapped().orElseThrow().failed()).isEqualTo(1);
    }

    @Test
    void accuracy_hasTheWilsonInterval() {
        // scipy: binomtest(3, 6).proportion_ci(method='wilson') = (0.18761630648265054, 0.8123836935173494)
        ConfidenceInterval ci = handCase().original().accuracy().interval();
        assertThat(ci.lower()).isCloseTo(0.18761630648265054, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.8123836935173494, within(1e-12));
        assertThat(ci.level()).isCloseTo(0.95, within(1e-15));
    }

    @Test
    void bothOrders_bothCorrectConsistencyAndMean() {
        JudgeAgreement.BothOrders both = handCase().bothOrders().orElseThrow();
        // both correct: items 0 and 2. scipy wilson(2, 6) = (0.09677141110578047, 0.700006684861608)
        assertThat(both.bothCorrect().count()).isEqualTo(2);
        assertThat(both.bothCorrect().interval().lower()).isCloseTo(0.09677141110578047, within(1e-12));
        assertThat(both.bothCorrect().interval().upper()).isCloseTo(0.700006684861608, within(1e-12));
        // consistent: item 0 (1, 1), item 2 (2, 2), and item 5 whose two calls both failed (LLMBar's equal);
        // item 3 (failed, 1) is not
        assertThat(both.consistent().count()).isEqualTo(3);
        assertThat(both.meanAccuracy()).isEqualTo(0.5);
        assertThat(both.meanAccuracyInterval().contains(0.5)).isTrue();
    }

    @Test
    void classScores_perClassAndMacro_byHand() {
        JudgeAgreement.Order o = handCase().original();
        // class 1: support 3, predicted 1, TP 1 -> P 1, R 1/3, F1 2/(1 + 3)
        // class 2: support 2, predicted 2, TP 1 -> P 1/2, R 1/2, F1 1/2
        // class 0: support 1, predicted 1, TP 1 -> 1, 1, 1; the two failures are predicted as no class
        assertThat(o.classScores()).containsExactly(
                new JudgeAgreement.ClassScores(1, 3, 1, 1, 1.0, 1.0 / 3, 0.5),
                new JudgeAgreement.ClassScores(2, 2, 2, 1, 0.5, 0.5, 0.5),
                new JudgeAgreement.ClassScores(0, 1, 1, 1, 1.0, 1.0, 1.0));
        assertThat(o.macroPrecision()).isCloseTo(2.5 / 3, within(1e-15));
        assertThat(o.macroRecall()).isCloseTo(11.0 / 18, within(1e-15));
        assertThat(o.macroF1()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void classScores_classNeverPredicted_scoresZero() {
        // swapped never says tie (class 0): precision 0/0 -> 0 (zero_division=0), recall 0/1, F1 0
        JudgeAgreement.Order s = handCase().swapped().orElseThrow();
        assertThat(s.classScores()).containsExactly(
                new JudgeAgreement.ClassScores(1, 3, 3, 2, 2.0 / 3, 2.0 / 3, 2.0 / 3),
                new JudgeAgreement.ClassScores(2, 2, 2, 1, 0.5, 0.5, 0.5),
                new JudgeAgreement.ClassScores(0, 1, 0, 0, 0.0, 0.0, 0.0));
        assertThat(s.macroPrecision()).isCloseTo(7.0 / 18, within(1e-15));
        assertThat(s.macroF1()).isCloseTo(7.0 / 18, within(1e-15));
    }

    @Test
    void classScores_classNeitherTrueNorPredicted_countsAsZeroInTheMacroAverage() {
        // as sklearn's precision_recall_fscore_support(labels=[1, 2, 0], zero_division=0, average='macro')
        JudgeAgreement a = JudgeAgreement.of(LABELS, new int[] {1, 2}, new int[] {1, 2});
        assertThat(a.original().classScores().get(2)).isEqualTo(new JudgeAgreement.ClassScores(0, 0, 0, 0, 0, 0, 0));
        assertThat(a.original().macroF1()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(a.swapped()).isEmpty();
        assertThat(a.bothOrders()).isEmpty();
    }

    @Test
    void kappa_failureIsACategoryOfItsOwn() {
        JudgeAgreement a = handCase();
        // original: p_o = 3/6; marginals verdict {1:1, 2:2, 0:1, F:2}, gold {1:3, 2:2, 0:1}:
        // p_e = (3 + 4 + 1)/36 = 2/9; kappa = (1/2 − 2/9)/(7/9) = 5/14
        assertThat(a.original().kappa()).isCloseTo(5.0 / 14, within(1e-15));
        // swapped: p_o = 1/2; verdict {1:3, 2:2, F:1}: p_e = (9 + 4)/36; kappa = (5/36)/(23/36) = 5/23
        assertThat(a.swapped().orElseThrow().kappa()).isCloseTo(5.0 / 23, within(1e-15));
        assertThat(a.original().kappaInterval()).isPresent();
    }

    @Test
    void confusionMatrix_rowsGold_columnsVerdict_lastColumnFailures() {
        assertThat(handCase().original().confusionMatrix()).isDeepEqualTo(new int[][] {
                {1, 1, 0, 1},
                {0, 1, 0, 1},
                {0, 0, 1, 0}});
        int[][] copy = handCase().original().confusionMatrix();
        copy[0][0] = 99;
        assertThat(handCase().original().confusionMatrix()[0][0]).isEqualTo(1);
    }

    @Test
    void kappa_oneLabelEverywhere_isUndefinedWithoutInterval() {
        JudgeAgreement a = JudgeAgreement.of(new int[] {1, 2}, new int[] {1, 1, 1}, new int[] {1, 1, 1});
        assertThat(a.original().kappa()).isNaN();
        assertThat(a.original().kappaInterval()).isEmpty();
        assertThat(a.original().accuracy().value()).isEqualTo(1.0);
        // scipy wilson(3, 3) upper bound is 1
        assertThat(a.original().accuracy().interval().upper()).isEqualTo(1.0);
    }

    @Test
    void kappaInterval_roundsWithUndefinedKappa_areLeftOutAndCounted() {
        // a resample of items 0–2 only has one label everywhere: P = (3/4)^4 ≈ 0.32 of the rounds
        JudgeAgreement a = JudgeAgreement.of(new int[] {1, 2}, new int[] {1, 1, 1, 2}, new int[] {1, 1, 1, 2});
        assertThat(a.original().kappa()).isEqualTo(1.0);
        assertThat(a.original().kappaUndefinedRounds()).isBetween(250, 390);
        assertThat(a.original().kappaInterval().orElseThrow().lower()).isEqualTo(1.0);
    }

    @Test
    void kappaInterval_isSeeded_andCloseToTheAsymptoticInterval() {
        // 100 items, 85 right, balanced: kappa 0.7; Cohen's (1960) large-sample interval 0.7 ± 1.96·0.0714 =
        // [0.560, 0.840] (plain Python). The percentile bootstrap should land near it.
        int[] gold = new int[100];
        int[] verdicts = new int[100];
        for (int i = 0; i < 100; i++) {
            gold[i] = i < 50 ? 1 : 2;
            boolean flip = i < 7 || i >= 50 && i < 58;
            verdicts[i] = flip ? 3 - gold[i] : gold[i];
        }
        Bootstrap bootstrap = Bootstrap.builder().rounds(2000).seed(11).build();
        JudgeAgreement a = JudgeAgreement.of(new int[] {1, 2}, gold, verdicts, null, bootstrap);
        assertThat(a.original().kappa()).isCloseTo(0.7, within(1e-12));
        ConfidenceInterval ci = a.original().kappaInterval().orElseThrow();
        assertThat(ci.lower()).isCloseTo(0.560, within(0.04));
        assertThat(ci.upper()).isCloseTo(0.840, within(0.04));
        JudgeAgreement again = JudgeAgreement.of(new int[] {1, 2}, gold, verdicts, null, bootstrap);
        assertThat(again.original().kappaInterval()).contains(ci);
        JudgeAgreement parallel = JudgeAgreement.of(new int[] {1, 2}, gold, verdicts, null,
                Bootstrap.builder().rounds(2000).seed(11).parallel(true).build());
        assertThat(parallel.original().kappaInterval()).contains(ci);
    }

    @Test
    void majorityVote_firstVote_isPandaLmsRule() {
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 2, 0, 1)).isEqualTo(2);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 0, 1, 1)).isEqualTo(1);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 0, 1, 0)).isEqualTo(0);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 1, 2, 2, 1)).isEqualTo(1);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 2, 1, 1, 2)).isEqualTo(2);
        // 1 and 2 tie with two votes each; 1 was voted first
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 0, 1, 2, 2, 1)).isEqualTo(1);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.FIRST_VOTE, 5)).isEqualTo(5);
    }

    @Test
    void majorityVote_none_hasNoMajorityOnATie() {
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, 2, 0, 1))
                .isEqualTo(JudgeAgreement.NO_MAJORITY);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, 1, 2, 2, 1))
                .isEqualTo(JudgeAgreement.NO_MAJORITY);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, 0, 1, 1)).isEqualTo(1);
        assertThat(JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, 2, 2, 1, 0, 2)).isEqualTo(2);
    }

    @Test
    void majorityVote_badVotes_areRejected() {
        assertThatThrownBy(() -> JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("votes is empty");
        assertThatThrownBy(() -> JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("votes[1] was -1");
    }

    @Test
    void of_badInput_isRejectedWithTheValue() {
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 1}, new int[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels repeat 1");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {-1, 1}, new int[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[0] was -1");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gold[1] = 3 is not one of the labels [1, 2]");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[] {1, FAILED}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold[1] = -1");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("original[1] = 0 is not one of the labels [1, 2] or FAILED (-1)");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 2},
                new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("swapped must have 2 items (as gold) but had 1");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gold is empty");
        assertThatThrownBy(() -> JudgeAgreement.of(new int[] {1, 2}, new int[] {1}, new int[] {1}, null,
                Bootstrap.builder().method(Bootstrap.Method.BCA).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asks for BCA");
    }

    @Test
    void toString_isReadable() {
        assertThat(handCase().toString())
                .startsWith("JudgeAgreement[6 items, labels [1, 2, 0], original: accuracy 3/6")
                .contains("consistent 3/6");
    }
}
