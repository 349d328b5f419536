package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RougeTokenizerTest {

    @Test
    void rougeScore_nonAscii_vanishesAndSeparates() {
        assertThat(RougeTokenizer.rougeScore().tokenize("Café crème, 3.14 — naïve!"))
                .containsExactly("caf", "cr", "me", "3", "14", "na", "ve");
    }

    @Test
    void rougeScore_pythonLowercaseSpecials_keepAsciiLetters() {
        // Python lowercases the Kelvin sign to 'k' and capital I with dot to 'i' + a combining dot (a separator)
        assertThat(RougeTokenizer.rougeScore().tokenize("\u212Aelvin İstanbul")).containsExactly("kelvin", "i", "stanbul");
    }

    @Test
    void unicode_lettersOfAnyScript_formWords() {
        assertThat(RougeTokenizer.unicode().tokenize("Café crème, ΟΔΟΣ нет! नमस्ते दुनिया"))
                .containsExactly("café", "crème", "οδος", "нет", "नमस्ते", "दुनिया");
    }

    @Test
    void unicode_decomposedAndFullWidth_normalizeFirst() {
        assertThat(RougeTokenizer.unicode().tokenize("cafe\u0301 ＡＢＣ１２３")).containsExactly("café", "abc123");
    }

    @Test
    void unicode_cjk_everyIdeographAndKanaIsAToken() {
        assertThat(RougeTokenizer.unicode().tokenize("GPT-4在2023年发布。すし"))
                .containsExactly("gpt", "4", "在", "2023", "年", "发", "布", "す", "し");
        assertThat(RougeTokenizer.unicode().tokenize("한국어 문장")).containsExactly("한국어", "문장");
    }

    @Test
    void unicode_emojiAndPunctuation_separate() {
        assertThat(RougeTokenizer.unicode().tokenize("hi👍🏽there…ok")).containsExactly("hi", "there", "ok");
        assertThat(RougeTokenizer.unicode().tokenize("")).isEmpty();
    }

    @Test
    void unicode_withStemmer_stemsOnlyAsciiWords() {
        Rouge rouge = Rouge.builder().tokenizer(RougeTokenizer.unicode()).useStemmer(true).build();

        assertThat(rouge.tokenize("Running cafés 跑步")).containsExactly("run", "cafés", "跑", "步");
    }
}
