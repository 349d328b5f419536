package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edge cases and validation; the expected values were computed with sacreBLEU 2.6.0. */
class ChrfTest {

    @Test
    void sentence_differentEmojiSharingHighSurrogate_doNotMatch() {
        // U+1F600 and U+1F601 share their first UTF-16 unit; Python sees one character each
        assertThat(Chrf.chrf().sentence("\uD83D\uDE00", List.of("\uD83D\uDE01")).score()).isZero();
        assertThat(Chrf.chrf().sentence("\uD83D\uDE00x", List.of("\uD83D\uDE00x")).score()).isEqualTo(100.0);
    }

    @Test
    void sentence_multipleReferences_usesBest() {
        double best = Chrf.chrf().sentence("the cat sat", List.of("a dog ran", "the cat sat")).score();

        assertThat(best).isEqualTo(100.0);
    }

    @Test
    void sentence_emptyHypothesis_scoresZero() {
        assertThat(Chrf.chrfPlusPlus().sentence("", List.of("reference")).score()).isZero();
    }

    @Test
    void chrfPlusPlus_nameHasPluses() {
        ChrfScore s = Chrf.chrfPlusPlus().sentence("a", List.of("a"));

        assertThat(s.name()).isEqualTo("chrF2++");
        assertThat(s.wordOrder()).isEqualTo(2);
        assertThat(Scorers.chrf(Chrf.chrfPlusPlus()).name()).isEqualTo("chrf++");
        assertThat(Scorers.chrf().name()).isEqualTo("chrf");
    }

    @Test
    void asScorer_returnsSentenceScore() {
        assertThat(Scorers.chrf().score("the cat", List.of("the hat")))
                .isEqualTo(Chrf.chrf().sentence("the cat", List.of("the hat")).score());
    }

    @Test
    void lowercase_ignoresCase() {
        assertThat(Chrf.builder().lowercase(true).build().sentence("ABC", List.of("abc")).score()).isEqualTo(100.0);
        assertThat(Chrf.chrf().sentence("ABC", List.of("abc")).score()).isZero();
    }

    @Test
    void builder_invalidOrders_areRejected() {
        assertThatThrownBy(() -> Chrf.builder().charOrder(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("charOrder must be >= 1 but was 0");
        assertThatThrownBy(() -> Chrf.builder().wordOrder(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wordOrder");
        assertThatThrownBy(() -> Chrf.builder().beta(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
    }

    @Test
    void corpus_mismatchedStream_isRejected() {
        assertThatThrownBy(() -> Chrf.chrf().corpus(List.of("a"), List.of(Arrays.asList("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referenceStreams[0] has 2 segments but hypotheses has 1");
    }
}
