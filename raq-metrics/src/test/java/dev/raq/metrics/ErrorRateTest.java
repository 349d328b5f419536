package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorRateTest {

    @Test
    void wer_substitutionAndDeletion_countedByHand() {
        EditCounts c = ErrorRate.WER.align("the cat sat on the mat", "the cat sit on mat");

        assertThat(c).isEqualTo(new EditCounts(1, 1, 0, 6));
        assertThat(c.hits()).isEqualTo(4);
        assertThat(c.hypothesisLength()).isEqualTo(5);
        assertThat(c.rate()).isEqualTo(2.0 / 6);
    }

    @Test
    void wer_insertion_raisesTheRate() {
        assertThat(ErrorRate.WER.align("a b", "a x b")).isEqualTo(new EditCounts(0, 0, 1, 2));
        assertThat(ErrorRate.WER.rate("a", "x y z")).isEqualTo(3.0);
    }

    @Test
    void wer_unicodeWhitespace_separatesWords() {
        assertThat(ErrorRate.WER.rate("a\u00A0b\u3000c", " a b\tc ")).isZero();
    }

    @Test
    void cer_kittenSitting_twoSubstitutionsOneInsertion() {
        EditCounts c = ErrorRate.CER.align("kitten", "sitting");

        assertThat(c).isEqualTo(new EditCounts(2, 0, 1, 6));
        assertThat(c.rate()).isEqualTo(0.5);
    }

    @Test
    void cer_emojiModifier_isOneCodePoint() {
        assertThat(ErrorRate.CER.align("👍🏽", "👍")).isEqualTo(new EditCounts(0, 1, 0, 2));
    }

    @Test
    void rate_emptyReference_definedOnlyForEmptyHypothesis() {
        assertThat(ErrorRate.WER.rate("", "")).isZero();
        EditCounts c = ErrorRate.WER.align("", "x y");

        assertThat(c.isDefined()).isFalse();
        assertThatThrownBy(c::rate).isInstanceOf(IllegalStateException.class).hasMessageContaining("undefined");
    }

    @Test
    void corpus_segments_sumCountsBeforeDividing() {
        EditCounts c = ErrorRate.WER.corpus(List.of("a b", "c d e f"), List.of("a", "c d e f"));

        assertThat(c).isEqualTo(new EditCounts(0, 1, 0, 6));
        assertThat(c.rate()).isEqualTo(1.0 / 6);
    }

    @Test
    void corpus_mismatchedLengths_areRejectedByName() {
        assertThatThrownBy(() -> ErrorRate.CER.corpus(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("references has 2 entries but hypotheses has 1");
    }

    @Test
    void scorer_references_oneMinusTheBestClippedRate() {
        AnswerScorer wer = Scorers.errorRate(ErrorRate.WER);

        assertThat(wer.score("the cat", List.of("the dog", "the cat"))).isEqualTo(1.0);
        assertThat(wer.score("the cat", List.of("the dog"))).isEqualTo(0.5);
        assertThat(wer.score("x y z w", List.of("a"))).isZero();
        assertThat(wer.score("", List.of(""))).isEqualTo(1.0);
        assertThat(wer.score("x", List.of(""))).isZero();
        assertThat(wer.name()).isEqualTo("wer");
        assertThat(Scorers.errorRate(ErrorRate.CER).name()).isEqualTo("cer");
        assertThatThrownBy(() -> wer.score("x", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("references is empty");
    }

    @Test
    void editCounts_inconsistentCounts_areRejected() {
        assertThatThrownBy(() -> new EditCounts(2, 1, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not exceed referenceLength 2");
        assertThatThrownBy(() -> new EditCounts(-1, 0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
