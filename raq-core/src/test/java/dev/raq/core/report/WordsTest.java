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
}
