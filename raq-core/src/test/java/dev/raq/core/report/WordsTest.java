package dev.raq.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void count_latinWithInnerApostrophesAndHyphens_oneWordEach() {
        assertThat(Words.count("don't stop-me now")).isEqualTo(3);
        assertThat(Words.count("état-major's plan, 42 times!")).isEqualTo(4);
        assertThat(Words.count("end- -start 'quoted'")).isEqualTo(3);
    }

    @Test
    void count_cjk_oneWordPerCharacter() {
        assertThat(Words.count("東京は大きい")).isEqualTo(6);
        assertThat(Words.count("hello世界")).isEqualTo(3);
        assertThat(Words.count("カタカナ")).isEqualTo(4);
    }

    @Test
    void count_otherScriptsAndCombiningMarks_runsOfLetters() {
        assertThat(Words.count("Привет мир")).isEqualTo(2);
        assertThat(Words.count("e\u0301te\u0301 a\u0300")).isEqualTo(2);
        assertThat(Words.count("안녕하세요 세계")).isEqualTo(2);
    }

    @Test
    void count_noLettersOrDigits_zero() {
        assertThat(Words.count("")).isZero();
        assertThat(Words.count("  ,,; -- ")).isZero();
    }

    @Test
    void fastPaths_agreeWithTheUnicodeTables() {
        for (int cp = 0; cp < Words.FIRST_PER_CHARACTER; cp++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            assertThat(script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA).as("U+%04X", cp).isFalse();
        }
        for (int cp = 0; cp < 0x80; cp++) {
            int type = Character.getType(cp);
            boolean general = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
            assertThat(Words.wordPart(cp)).as("U+%04X", cp).isEqualTo(general);
        }
        assertThat(Words.perCharacter(0x2E80)).isTrue();
    }
}
