package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected values are Python 3.11's str.lower() / str.isspace() / re \w, checked by hand. A by-hand sweep over every
 * code point up to U+2FFFF (alone, after a letter and around "the") against Debian's python3 3.11.2 found differences
 * in lower() and normalize_answer only for the code points Unicode 14 added, which Java 17 does not know.
 */
class PythonTextTest {

    @Test
    void lower_finalSigma_usesPythonsContextRule() {
        // Java's toLowerCase decides by word breaks and gives σ before a hyphen; Python gives the final ς
        assertThat(PythonText.lower("AΣ-B")).isEqualTo("aς-b");
        assertThat("AΣ-B".toLowerCase(Locale.ROOT)).isEqualTo("aσ-b");
        assertThat(PythonText.lower("ΑΣ'Β")).isEqualTo("ασ'β");
        assertThat(PythonText.lower("AΣ:B")).isEqualTo("aσ:b");
        assertThat(PythonText.lower("ΟΔΟΣ. Σ")).isEqualTo("οδος. σ");
    }

    @Test
    void lower_asciiOnly_returnsTheSameString() {
        String text = "already lower 123";
        assertThat(PythonText.lower(text)).isSameAs(text);
        assertThat(PythonText.lower("MiXeD")).isEqualTo("mixed");
    }

    @Test
    void isSpace_pythonWhitespace_includesSeparatorsButNotZeroWidthSpace() {
        assertThat(PythonText.isSpace(0x1C)).isTrue();
        assertThat(PythonText.isSpace(0x85)).isTrue();
        assertThat(PythonText.isSpace(0x3000)).isTrue();
        assertThat(PythonText.isSpace(0x200B)).isFalse();
        assertThat(PythonText.isSpace(0x180E)).isFalse();
    }

    @Test
    void isWordChar_marksAreNotWordCharacters() {
        assertThat(PythonText.isWordChar(0x0301)).isFalse();
        assertThat(PythonText.isWordChar('_')).isTrue();
        assertThat(PythonText.isWordChar('²')).isTrue();
        assertThat(PythonText.isWordChar('中')).isTrue();
    }
}
