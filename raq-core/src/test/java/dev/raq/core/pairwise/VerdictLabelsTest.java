package dev.raq.core.pairwise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictLabelsTest {

    @Test
    void lastVerdict_severalLabels_lastValidOneWins() {
        String reply = "At first I thought [[A>B]], but on reflection B is right.\nMy final verdict is [[B>A]].";
        assertThat(VerdictLabels.WITH_TIES.lastVerdict(reply)).contains(Verdict.B_BETTER);
    }

    @Test
    void lastVerdict_labelOutsideTheSet_isIgnored() {
        // a strong label is not valid for the binary set, so the earlier binary one counts
        assertThat(VerdictLabels.BINARY.lastVerdict("[[A>B]] ... [[A>>B]]")).contains(Verdict.A_BETTER);
        assertThat(VerdictLabels.GRADED.lastVerdict("[[A>B]] ... [[A>>B]]")).contains(Verdict.A_MUCH_BETTER);
        assertThat(VerdictLabels.BINARY.lastVerdict("[[A=B]]")).isEmpty();
    }

    @Test
    void lastVerdict_noLabel_isEmptyNotATie() {
        assertThat(VerdictLabels.GRADED.lastVerdict("Both answers are equally good.")).isEmpty();
        assertThat(VerdictLabels.GRADED.lastVerdict("[[C]] or [[A]]")).isEmpty();
        assertThat(VerdictLabels.GRADED.lastVerdict("unterminated [[A>B")).isEmpty();
    }

    @Test
    void lastVerdict_whiteSpaceInsideBrackets_isIgnored() {
        assertThat(VerdictLabels.GRADED.lastVerdict("Final: [[ B >> A ]]")).contains(Verdict.B_MUCH_BETTER);
    }

    @Test
    void describe_listsTheLabels() {
        assertThat(VerdictLabels.WITH_TIES.describe()).isEqualTo("[[A>B]], [[A=B]] or [[B>A]]");
    }

    @Test
    void verdict_swappedAndScore_followArenaHard() {
        assertThat(Verdict.A_MUCH_BETTER.swapped()).isEqualTo(Verdict.B_MUCH_BETTER);
        assertThat(Verdict.TIE.swapped()).isEqualTo(Verdict.TIE);
        assertThat(Verdict.A_MUCH_BETTER.score()).isEqualTo(2);
        assertThat(Verdict.B_MUCH_BETTER.score()).isEqualTo(-2);
        assertThat(Verdict.parseLabel("[[B>A]]")).isEqualTo(Verdict.B_BETTER);
        assertThatThrownBy(() -> Verdict.parseLabel("A>>>B")).hasMessageContaining("'A>>>B' is not a verdict label");
    }
}
