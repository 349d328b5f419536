package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected normalizations were produced with the official normalize_answer under Debian's python3 3.11. */
class SquadMetricsTest {

    @Test
    void normalize_greekFinalSigma_followsPython() {
        assertThat(SquadMetrics.normalize("ΟΔΟΣ ΣΑΣ")).isEqualTo("οδος σας");
        assertThat(SquadMetrics.normalize("ΌΣΟΣ.")).isEqualTo("όσος");
        assertThat(SquadMetrics.normalize("Σ")).isEqualTo("σ");
        assertThat(SquadMetrics.normalize("AΣ\u0301b")).isEqualTo("aσ\u0301b");
        assertThat(SquadMetrics.normalize("ΑΣ'Β")).isEqualTo("ασβ");
    }

    @Test
    void normalize_capitalIWithDot_becomesIAndCombiningDot() {
        assertThat(SquadMetrics.normalize("İstanbul")).isEqualTo("i\u0307stanbul");
    }

    @Test
    void normalize_articles_usePythonWordBoundaries() {
        // a combining mark is not a word character in Python's re, so "the" before it is an article
        assertThat(SquadMetrics.normalize("The\u0301 cat")).isEqualTo("\u0301 cat");
        assertThat(SquadMetrics.normalize("the_cat")).isEqualTo("thecat");
        assertThat(SquadMetrics.normalize("Ann and Theo, a-b")).isEqualTo("ann and theo ab");
        assertThat(SquadMetrics.normalize("THE\u200Bcat")).isEqualTo("\u200Bcat");
    }

    @Test
    void normalize_unicodeWhitespaceAndCurlyQuotes_asPython() {
        assertThat(SquadMetrics.normalize("a\u00A0cat\u3000and\u2003an ox")).isEqualTo("cat and ox");
        assertThat(SquadMetrics.normalize("“The” end")).isEqualTo("“ ” end");
    }

    @Test
    void f1_partialOverlap_isHarmonicMeanOfTokenPrecisionAndRecall() {
        // prediction tokens: denver broncos won (3); gold: broncos (1); overlap 1 -> P 1/3, R 1 -> F1 0.5
        assertThat(SquadMetrics.f1("the Denver Broncos won", "Broncos")).isEqualTo(0.5);
        assertThat(SquadMetrics.exactMatch("The Broncos!", "broncos")).isTrue();
    }

    @Test
    void f1_repeatedTokens_countAsAMultiset() {
        // shared: one x and one y -> P = R = 2/3
        assertThat(SquadMetrics.f1("x x y", "x y y")).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void f1_longAnswers_countTheSameAsShortOnes() {
        StringBuilder prediction = new StringBuilder();
        StringBuilder gold = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            prediction.append(" w").append(i);
            gold.append(" w").append(i + 50);
        }
        // 50 of 100 tokens shared on each side, and the same with duplicates on the map-based path
        assertThat(SquadMetrics.f1(prediction.toString(), gold.toString())).isEqualTo(0.5);
        assertThat(SquadMetrics.f1("x x y " + prediction, "x y y " + gold)).isCloseTo(52.0 / 103, within(1e-15));
    }

    @Test
    void score_bothNormalizeToNothing_exactMatchOneButF1Zero() {
        SquadScore s = SquadMetrics.score("the", List.of("a"));

        assertThat(s).isEqualTo(new SquadScore(1, 0));
    }

    @Test
    void score_severalGoldAnswers_takesTheMaximumOfEach() {
        SquadScore s = SquadMetrics.score("Denver", List.of("Denver Broncos", "Carolina"));

        assertThat(s.exactMatch()).isZero();
        assertThat(s.f1()).isEqualTo(2.0 / 3);
    }

    @Test
    void score_badGroundTruths_areRejectedByName() {
        assertThatThrownBy(() -> SquadMetrics.score("x", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groundTruths is empty");
        assertThatThrownBy(() -> SquadMetrics.score("x", Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groundTruths[1] is null");
    }

    @Test
    void evaluate_unansweredQuestion_scoresZero() {
        SquadScore s = SquadMetrics.evaluate(Arrays.asList("Broncos", null),
                List.of(List.of("Denver Broncos"), List.of("Panthers")));

        assertThat(s.exactMatch()).isZero();
        assertThat(s.f1()).isEqualTo(100.0 * (2.0 / 3) / 2);
    }

    @Test
    void evaluate_badInput_isRejectedWithArgumentAndIndex() {
        assertThatThrownBy(() -> SquadMetrics.evaluate(List.of("a"), List.of(List.of("a"), List.of("b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predictions has 1 entries but groundTruths has 2");
        assertThatThrownBy(() -> SquadMetrics.evaluate(List.of("a", "b"), List.of(List.of("a"), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groundTruths[1] is empty");
    }

    @Test
    void scorers_answerAndReferences_scoreOnTheUnitScale() {
        assertThat(Scorers.squadF1().score("Denver", List.of("Denver Broncos"))).isEqualTo(2.0 / 3);
        assertThat(Scorers.squadExactMatch().score("the Broncos", List.of("x", "Broncos"))).isEqualTo(1.0);
        assertThat(Scorers.squadF1().name()).isEqualTo("squad-f1");
        assertThat(Scorers.squadExactMatch().name()).isEqualTo("squad-em");
    }
}
