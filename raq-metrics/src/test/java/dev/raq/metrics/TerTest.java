package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Edge cases and validation; the expected values were computed with sacreBLEU 2.6.0. */
class TerTest {

    @Test
    void sentence_rotatedWords_costOneShift() {
        TerScore s = Ter.defaults().sentence("b c a", List.of("a b c"));

        assertThat(s.numEdits()).isEqualTo(1);
        assertThat(s.refLength()).isEqualTo(3.0);
        assertThat(s.score()).isCloseTo(100.0 / 3, within(1e-12));
    }

    @Test
    void sentence_emptyReference_scoresHundred() {
        TerScore s = Ter.defaults().sentence("a b", List.of(""));

        assertThat(s.score()).isEqualTo(100.0);
        assertThat(s.numEdits()).isEqualTo(2);
        assertThat(s.refLength()).isZero();
    }

    @Test
    void sentence_bothEmpty_scoresZero() {
        assertThat(Ter.defaults().sentence("", List.of("")).score()).isZero();
    }

    @Test
    void sentence_caseSensitive_countsCaseChanges() {
        assertThat(Ter.defaults().sentence("The Cat", List.of("the cat")).numEdits()).isZero();
        assertThat(Ter.builder().caseSensitive(true).build().sentence("The Cat", List.of("the cat")).numEdits())
                .isEqualTo(2);
    }

    @Test
    void sentence_noPunct_removesPunctuation() {
        Ter ter = Ter.builder().noPunct(true).build();

        assertThat(ter.sentence("hello , world !", List.of("hello world")).numEdits()).isZero();
    }

    @Test
    void asScorer_negatesTer() {
        AnswerScorer scorer = Scorers.negatedTer();

        assertThat(scorer.name()).isEqualTo("neg-ter");
        assertThat(scorer.score("b c a", List.of("a b c"))).isCloseTo(-100.0 / 3, within(1e-12));
        assertThat(scorer.score("a b c", List.of("a b c"))).isGreaterThan(scorer.score("b c a", List.of("a b c")));
    }

    @Test
    void shifts_performShift_matchesPythonSlices() {
        int[] words = {0, 1, 2, 3, 4};

        assertThat(TercomShifts.performShift(words, 3, 2, 0)).containsExactly(3, 4, 0, 1, 2);
        assertThat(TercomShifts.performShift(words, 0, 2, 4)).containsExactly(2, 3, 0, 1, 4);
        assertThat(TercomShifts.performShift(words, 3, 2, 4)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void corpus_emptyHypotheses_isRejected() {
        assertThatThrownBy(() -> Ter.defaults().corpus(List.of(), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hypotheses is empty");
    }
}
