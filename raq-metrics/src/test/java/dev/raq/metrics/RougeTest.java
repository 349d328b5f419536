package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RougeTest {

    private static final Rouge ROUGE = Rouge.builder().build();

    @Test
    void score_handComputedSentence_matchesCountsByHand() {
        // target 6 tokens, prediction 5 tokens; unigram overlap 5, bigram overlap 3 of 5 and 4, LCS 5
        Map<RougeType, RougeScore> s = ROUGE.score("The cat sat on the mat.", "the cat on the mat");

        assertThat(s.get(RougeType.ROUGE_1)).isEqualTo(new RougeScore(1.0, 5.0 / 6, 10.0 / 11));
        assertThat(s.get(RougeType.ROUGE_2).precision()).isEqualTo(3.0 / 4);
        assertThat(s.get(RougeType.ROUGE_2).recall()).isEqualTo(3.0 / 5);
        assertThat(s.get(RougeType.ROUGE_L).recall()).isEqualTo(5.0 / 6);
        assertThat(s.keySet()).containsExactlyElementsOf(Rouge.DEFAULT_TYPES);
    }

    @Test
    void score_argumentOrder_precisionIsRelativeToPrediction() {
        RougeScore s = ROUGE.score("a b c d", "a b").get(RougeType.ROUGE_1);

        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(0.5);
    }

    @Test
    void score_sentencesInOtherOrder_lsumRewardsWhatLcsMisses() {
        Map<RougeType, RougeScore> s = ROUGE.score("x y\na b", "a b\nx y");

        assertThat(s.get(RougeType.ROUGE_L).fmeasure()).isEqualTo(0.5);
        assertThat(s.get(RougeType.ROUGE_LSUM).fmeasure()).isEqualTo(1.0);
    }

    @Test
    void score_withStemmer_matchesInflectedForms() {
        Rouge stemmed = Rouge.builder().types(RougeType.ROUGE_1).useStemmer(true).build();
        Rouge plain = Rouge.builder().types(RougeType.ROUGE_1).build();

        assertThat(stemmed.score("running dogs", "dogs running").get(RougeType.ROUGE_1).fmeasure()).isEqualTo(1.0);
        assertThat(stemmed.score("runs quickly", "running quick").get(RougeType.ROUGE_1).fmeasure()).isEqualTo(0.5);
        assertThat(plain.score("runs quickly", "running quick").get(RougeType.ROUGE_1).fmeasure()).isZero();
        assertThat(stemmed.tokenize("The dogs were running")).containsExactly("the", "dog", "were", "run");
    }

    @Test
    void score_emptyTexts_scoreZero() {
        assertThat(ROUGE.score("", "").values()).containsOnly(RougeScore.ZERO);
        assertThat(ROUGE.score("a cat", "").values()).containsOnly(RougeScore.ZERO);
        assertThat(ROUGE.score("", "a cat").values()).containsOnly(RougeScore.ZERO);
    }

    @Test
    void score_trigram_countsClippedOverlap() {
        Rouge rouge3 = Rouge.builder().types(RougeType.rougeN(3)).build();

        RougeScore s = rouge3.score("a b c a b c", "a b c d a b c").get(RougeType.rougeN(3));

        // target trigrams: abc bca cab abc (4); prediction: abc bcd cda dab abc (5); overlap abc x2
        assertThat(s.precision()).isEqualTo(2.0 / 5);
        assertThat(s.recall()).isEqualTo(2.0 / 4);
    }

    @Test
    void score_chineseWithDefaultTokenizer_isZeroByDesign() {
        Map<RougeType, RougeScore> s = ROUGE.score("北京是中国的首都。", "中国的首都是北京。");

        assertThat(s.values()).containsOnly(RougeScore.ZERO);
    }

    @Test
    void score_chineseWithUnicodeTokenizer_comparesIdeographs() {
        Rouge unicode = Rouge.builder().tokenizer(RougeTokenizer.unicode()).build();

        // 8 ideographs each, the same multiset; the longest common subsequence is 中国的首都 (5 of 8)
        Map<RougeType, RougeScore> s = unicode.score("北京是中国的首都。", "中国的首都是北京。");

        assertThat(s.get(RougeType.ROUGE_1).fmeasure()).isEqualTo(1.0);
        assertThat(s.get(RougeType.ROUGE_L).fmeasure()).isEqualTo(5.0 / 8);
        assertThat(s.get(RougeType.ROUGE_2).fmeasure()).isEqualTo(5.0 / 7);
    }

    @Test
    void score_chineseSentencesWithUnicodeTokenizer_givesPartialCredit() {
        Rouge unicode = Rouge.builder().types(RougeType.ROUGE_1, RougeType.ROUGE_L)
                .tokenizer(RougeTokenizer.unicode()).build();

        Map<RougeType, RougeScore> s = unicode.score("长城是中国古代的军事防御工程。", "长城是古代中国修建的防御工程。");

        assertThat(s.get(RougeType.ROUGE_1).fmeasure()).isBetween(0.7, 1.0);
        assertThat(s.get(RougeType.ROUGE_L).fmeasure()).isGreaterThan(0.5);
        assertThat(ROUGE.score("长城是中国古代的军事防御工程。", "长城是古代中国修建的防御工程。").get(RougeType.ROUGE_L))
                .isEqualTo(RougeScore.ZERO);
    }

    @Test
    void scoreMulti_severalTargets_takesTheBestFmeasurePerType() {
        Rouge rouge = Rouge.builder().types(RougeType.ROUGE_1).build();

        Map<RougeType, RougeScore> s = rouge.scoreMulti(List.of("something else", "the cat sat"), "the cat sat");

        assertThat(s.get(RougeType.ROUGE_1).fmeasure()).isEqualTo(1.0);
    }

    @Test
    void scoreMulti_badTargets_areRejectedByName() {
        assertThatThrownBy(() -> ROUGE.scoreMulti(null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets");
        assertThatThrownBy(() -> ROUGE.scoreMulti(List.of(), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets is empty");
        assertThatThrownBy(() -> ROUGE.scoreMulti(Arrays.asList("a", null), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets[1] is null");
    }

    @Test
    void scorer_references_scoresAgainstTheBestReference() {
        AnswerScorer scorer = Scorers.rouge(ROUGE, RougeType.ROUGE_L);

        assertThat(scorer.score("the cat", List.of("a dog", "the cat"))).isEqualTo(1.0);
        assertThat(scorer.score("the cat", List.of("the cat sat"))).isCloseTo(0.8, within(1e-15));
        assertThat(scorer.name()).isEqualTo("rougeL");
        assertThat(Scorers.rouge(Rouge.builder().useStemmer(true).build(), RougeType.ROUGE_1).name())
                .isEqualTo("rouge1-stemmed");
        assertThatThrownBy(() -> scorer.score("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_badTypes_areRejected() {
        assertThatThrownBy(() -> Rouge.builder().types(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("types is empty");
        assertThatThrownBy(() -> Rouge.builder().types(RougeType.ROUGE_1, RougeType.ROUGE_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("types[1] repeats rouge1");
    }

    @Test
    void builder_afterBuild_staysReusable() {
        Rouge.Builder builder = Rouge.builder().types(RougeType.ROUGE_L);
        Rouge first = builder.build();
        Rouge second = builder.useStemmer(true).build();

        assertThat(first.usesStemmer()).isFalse();
        assertThat(second.usesStemmer()).isTrue();
        assertThat(second.types()).containsExactly(RougeType.ROUGE_L);
    }

    @Test
    void rougeType_names_roundTrip() {
        assertThat(RougeType.of("rouge3")).isEqualTo(RougeType.rougeN(3));
        assertThat(RougeType.of("rougeLsum")).isSameAs(RougeType.ROUGE_LSUM);
        assertThat(RougeType.rougeN(2).name()).isEqualTo("rouge2");
        assertThat(RougeType.ROUGE_L.ngramOrder()).isZero();
        assertThatThrownBy(() -> RougeType.of("rouge0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RougeType.of("rougeW")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rougeW'");
        assertThatThrownBy(() -> RougeType.rougeN(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be at least 1 but was 0");
    }

    @Test
    void rougeScore_outOfRange_isRejected() {
        assertThatThrownBy(() -> new RougeScore(1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precision must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> new RougeScore(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
