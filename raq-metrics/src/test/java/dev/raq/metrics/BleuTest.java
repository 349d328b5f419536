package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Edge cases and validation; the expected values were computed with sacreBLEU 2.6.0. */
class BleuTest {

    @Test
    void sentence_identicalShortSegment_isPerfectWithEffectiveOrder() {
        BleuScore s = Bleu.defaults().sentence("a b", List.of("a b"));

        assertThat(s.score()).isCloseTo(100.0, within(1e-9));
        assertThat(s.totals()).containsExactly(2L, 1L, 0L, 0L);
    }

    @Test
    void corpus_identicalShortSegment_isZeroWithoutEffectiveOrder() {
        BleuScore s = Bleu.defaults().corpus(List.of("a b"), List.of(List.of("a b")));

        assertThat(s.score()).isZero();
        assertThat(s.counts()).containsExactly(2L, 1L, 0L, 0L);
    }

    @Test
    void corpus_nullReferenceInStream_usesOtherStreams() {
        BleuScore s = Bleu.defaults().corpus(List.of("the cat sat on the mat", "a dog"),
                List.of(Arrays.asList("the cat sat on the mat", null), List.of("x", "a dog barks")));

        assertThat(s.score()).isCloseTo(88.24969025845958, within(1e-9));
        assertThat(s.counts()).containsExactly(8L, 6L, 4L, 3L);
        assertThat(s.refLen()).isEqualTo(9);
    }

    @Test
    void sentence_charTokenizer_countsCharacters() {
        BleuScore s = Bleu.builder().tokenizer(BleuTokenizer.CHAR).build().sentence("abc", List.of("abd"));

        assertThat(s.counts()).containsExactly(2L, 1L, 0L, 0L);
        assertThat(s.sysLen()).isEqualTo(3);
        assertThat(s.precisions().get(0)).isCloseTo(200.0 / 3, within(1e-12));
    }

    @Test
    void sentence_emptyHypothesis_scoresZero() {
        BleuScore s = Bleu.defaults().sentence("", List.of("some reference"));

        assertThat(s.score()).isZero();
        assertThat(s.sysLen()).isZero();
        assertThat(s.bp()).isZero();
        assertThat(s.ratio()).isZero();
    }

    @Test
    void sentence_lowercase_ignoresCase() {
        Bleu lower = Bleu.builder().lowercase(true).build();

        assertThat(lower.sentence("THE CAT SAT", List.of("the cat sat")).score()).isCloseTo(100.0, within(1e-9));
        assertThat(Bleu.defaults().sentence("THE CAT SAT", List.of("the cat sat")).score()).isLessThan(100.0);
    }

    @Test
    void sentence_noReferences_isRejected() {
        assertThatThrownBy(() -> Bleu.defaults().sentence("x", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("references is empty");
    }

    @Test
    void sentence_nullReference_isRejectedWithIndex() {
        assertThatThrownBy(() -> Bleu.defaults().sentence("x", Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("references[1] is null");
    }

    @Test
    void corpus_streamOfOtherLength_isRejected() {
        assertThatThrownBy(() -> Bleu.defaults().corpus(List.of("a", "b", "c"), List.of(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referenceStreams[0] has 2 segments but hypotheses has 3");
    }

    @Test
    void corpus_segmentWithoutReference_isRejectedWithIndex() {
        assertThatThrownBy(() -> Bleu.defaults().corpus(List.of("a", "b"),
                List.of(Arrays.asList("a", null), Arrays.asList("a", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment 1 has no reference");
    }

    @Test
    void corpus_emptyOrNullInputs_areRejected() {
        assertThatThrownBy(() -> Bleu.defaults().corpus(List.of(), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hypotheses is empty");
        assertThatThrownBy(() -> Bleu.defaults().corpus(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceStreams is empty");
        assertThatThrownBy(() -> Bleu.defaults().corpus(Arrays.asList("a", null), List.of(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hypotheses[1] is null");
        assertThatThrownBy(() -> Bleu.defaults().corpus(null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("hypotheses");
    }

    @Test
    void asScorer_returnsSentenceScoreUnderName() {
        AnswerScorer scorer = Scorers.bleu();

        assertThat(scorer.name()).isEqualTo("bleu");
        assertThat(scorer.score("the cat sat", List.of("the cat sat down")))
                .isEqualTo(Bleu.defaults().sentence("the cat sat", List.of("the cat sat down")).score());
    }

    @Test
    void smoothing_invalidValues_areRejected() {
        assertThatThrownBy(() -> new BleuSmoothing(BleuSmoothing.Method.ADD_K, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole k");
        assertThatThrownBy(() -> BleuSmoothing.floor(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new BleuSmoothing(BleuSmoothing.Method.EXP, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no value");
        assertThat(BleuSmoothing.floor().value()).isEqualTo(0.1);
        assertThat(BleuSmoothing.addK().value()).isEqualTo(1.0);
    }

    @Test
    void score_wrongNumberOfOrders_isRejected() {
        assertThatThrownBy(() -> new BleuScore(0, List.of(1L), List.of(1L), List.of(1.0), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 elements");
    }
}
