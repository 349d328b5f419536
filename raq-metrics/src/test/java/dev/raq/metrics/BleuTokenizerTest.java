package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BleuTokenizerTest {

    @Test
    void of_sacrebleuNames_roundTrip() {
        for (BleuTokenizer t : BleuTokenizer.values()) {
            assertThat(BleuTokenizer.of(t.sacrebleuName())).isSameAs(t);
        }
    }

    @Test
    void of_unsupportedName_isRejected() {
        assertThatThrownBy(() -> BleuTokenizer.of("ja-mecab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ja-mecab'");
    }

    @Test
    void tokenize13a_splitsPunctuationButKeepsNumbers() {
        assertThat(BleuTokenizer.MTEVAL_13A.tokenize("Hello, world! It costs 3.50 &amp; 1,000 -- 12-3."))
                .isEqualTo("Hello , world ! It costs 3.50 & 1,000 -- 12 - 3 .");
    }

    @Test
    void tokenizeChar_usesCodePoints() {
        assertThat(BleuTokenizer.CHAR.tokenize("a\uD83D\uDE00b")).isEqualTo("a \uD83D\uDE00 b");
    }

    @Test
    void tokenizeZh_separatesHanCharacters() {
        assertThat(BleuTokenizer.ZH.tokenize(" 我爱北京。OK, fine ")).isEqualTo("我 爱 北 京 。 OK , fine");
    }

    @Test
    void tokenizeIntl_splitsUnicodePunctuationAndSymbols() {
        assertThat(BleuTokenizer.INTL.tokenize("«Bonjour», dit-il: 5€ 3,5")).isEqualTo("« Bonjour » , dit - il : 5 € 3,5");
    }

    @Test
    void tokenizeNone_returnsLine() {
        assertThat(BleuTokenizer.NONE.tokenize(" a  b ")).isEqualTo(" a  b ");
    }
}
