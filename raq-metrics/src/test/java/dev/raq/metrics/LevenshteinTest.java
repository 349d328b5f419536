package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LevenshteinTest {

    @Test
    void distance_classicPairs_matchHandCounts() {
        assertThat(Levenshtein.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Levenshtein.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
        assertThat(Levenshtein.distance("same", "same")).isZero();
    }

    @Test
    void distance_supplementaryCharacters_countAsOne() {
        assertThat(Levenshtein.distance("a𠀀b", "ab")).isEqualTo(1);
    }

    @Test
    void similarity_normalizedByTheLongerString() {
        assertThat(Levenshtein.similarity("kitten", "sitting")).isEqualTo(1.0 - 3.0 / 7);
        assertThat(Levenshtein.similarity("", "")).isEqualTo(1.0);
        assertThat(Levenshtein.similarity("", "abc")).isZero();
    }

    @Test
    void similarityScorer_references_takesTheMostSimilar() {
        AnswerScorer scorer = Scorers.levenshteinSimilarity();

        assertThat(scorer.score("kitten", List.of("sitting", "kitten!"))).isEqualTo(1.0 - 1.0 / 7);
        assertThat(scorer.name()).isEqualTo("levenshtein-similarity");
        assertThatThrownBy(() -> scorer.score("x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("references must not be null");
    }
}
