package dev.raq.meteor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.metrics.AnswerScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** METEOR's stages, edge cases and configuration; expected values were computed with NLTK 3.8. */
class MeteorTest {

    private static final Meteor METEOR = Meteor.defaults();

    @Test
    void single_identicalTexts_loseOnlyTheOneChunkPenalty() {
        // 2 of 2 words in one chunk: (1 - 0.5 * (1/2)^3) * 1
        assertThat(METEOR.single("same same", "same same")).isEqualTo(0.9375);
        assertThat(METEOR.single("one", "one")).isEqualTo(0.5);
    }

    @Test
    void single_nltkDocstringExample_matches() {
        double score = METEOR.single(
                "It is a guide to action that ensures that the military will forever heed Party commands",
                "It is a guide to action which ensures that the military always obeys the commands of the party");
        assertThat(score).isEqualTo(0.6944444444444445);
    }

    @Test
    void single_lowercasesEveryWord() {
        assertThat(METEOR.single("The Cat sat", "the CAT sat")).isEqualTo(0.9814814814814815);
    }

    @Test
    void single_stemStage_alignsInflectedForms() {
        assertThat(METEOR.single("the cat", "the cats")).isEqualTo(0.9375);
        assertThat(METEOR.single("running", "runs")).isEqualTo(0.5);
    }

    @Test
    void single_punctuationStaysOnItsWord() {
        // "broncos." and "broncos" neither match nor share a stem: 1 of 2 words
        assertThat(METEOR.single("Denver Broncos.", "Denver Broncos")).isEqualTo(0.25);
    }

    @Test
    void single_wordNetStage_alignsSynonyms() {
        assertThat(METEOR.single("quick", "fast")).isEqualTo(0.5);
    }

    @Test
    void single_wordNetStage_looksUpStems_asNltkDoes() {
        // the stem stage has turned the reference's "large" into "larg", which is no lemma of "big"
        assertThat(METEOR.single("large", "big")).isZero();
    }

    @Test
    void single_greedyAlignmentFromTheEnd_decidesTheChunks() {
        // NLTK aligns the last "the" of the hypothesis with the reference's "the": 2 chunks, not 1
        assertThat(METEOR.single("the cat", "the cat the")).isEqualTo(0.4761904761904762);
    }

    @Test
    void single_noSharedWord_scoresZero() {
        assertThat(METEOR.single("completely different words", "nothing shared here")).isZero();
    }

    @Test
    void single_emptyOrBlankText_scoresZero_asNltkDoes() {
        assertThat(METEOR.single("", "a b")).isZero();
        assertThat(METEOR.single("a b", "")).isZero();
        assertThat(METEOR.single(" \t\u00A0\u3000", "a")).isZero();
        assertThat(METEOR.single("", "")).isZero();
    }

    @Test
    void score_takesTheBestReference() {
        assertThat(METEOR.score(List.of("x y", "the cat sat"), "the cat sat")).isEqualTo(0.9814814814814815);
        assertThat(METEOR.score(List.of("He walked home", "He went home on foot"), "he strolled to his house"))
                .isEqualTo(0.15625);
    }

    @Test
    void score_withoutReferences_isRejected() {
        assertThatThrownBy(() -> METEOR.score(List.of(), "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one reference");
        List<String> withNull = new ArrayList<>();
        withNull.add("a");
        withNull.add(null);
        assertThatThrownBy(() -> METEOR.score(withNull, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("references[1] is null");
        assertThatThrownBy(() -> METEOR.single("a", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("hypothesis");
    }

    @Test
    void builder_parametersChangeTheFormula() {
        assertThat(Meteor.builder().gamma(0).build().single("a b c", "c b a")).isEqualTo(1.0);
        Meteor custom = Meteor.builder().alpha(0.5).beta(1).gamma(0.3).build();
        assertThat(custom.single("a b c d", "a b")).isCloseTo(0.5666666666666667, within(1e-15));
        assertThat(custom).hasToString("Meteor{alpha=0.5, beta=1.0, gamma=0.3}");
    }

    @Test
    void defaults_areNltks() {
        assertThat(METEOR.alpha()).isEqualTo(0.9);
        assertThat(METEOR.beta()).isEqualTo(3.0);
        assertThat(METEOR.gamma()).isEqualTo(0.5);
    }

    @Test
    void builder_outOfRangeValues_areRejectedWithTheValue() {
        assertThatThrownBy(() -> Meteor.builder().alpha(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> Meteor.builder().beta(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta must be >= 0 and finite but was -1.0");
        assertThatThrownBy(() -> Meteor.builder().beta(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Meteor.builder().gamma(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gamma must be in [0, 1] but was NaN");
    }

    @Test
    void scorer_scoresTheAnswerAgainstTheReferences_andIsNamedMeteor() {
        AnswerScorer scorer = Meteor.scorer();
        assertThat(scorer.name()).isEqualTo("meteor");
        assertThat(scorer.score("the cat was sitting on the mat", List.of("the cat sat on the mat")))
                .isEqualTo(0.7934426229508196);
        assertThatThrownBy(() -> scorer.score("a", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void score_fromManyThreads_equalsTheSequentialScores() throws Exception {
        // the threads run first, so that (unless another test got there before) they load WordNet and fill the
        // synonym cache concurrently
        List<JsonNode> cases = MeteorGoldenTest.cases();
        List<Future<double[]>> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                int offset = t * 67;
                runs.add(pool.submit(() -> {
                    double[] actual = new double[cases.size()];
                    for (int k = 0; k < actual.length; k++) {
                        int i = (k + offset) % actual.length;
                        actual[i] = scoreOf(cases.get(i));
                    }
                    return actual;
                }));
            }
            double[] expected = new double[cases.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = cases.get(i).at("/expected/meteor").asDouble();
            }
            for (Future<double[]> run : runs) {
                assertThat(run.get()).containsExactly(expected, within(1e-12));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double scoreOf(JsonNode c) {
        List<String> references = new ArrayList<>();
        c.at("/input/references").forEach(r -> references.add(r.asText()));
        return METEOR.score(references, c.at("/input/hypothesis").asText());
    }
}
