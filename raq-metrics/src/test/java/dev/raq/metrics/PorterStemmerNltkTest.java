package dev.raq.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Stems as NLTK 3.8's {@code PorterStemmer().stem(word)} returns them (values computed with NLTK). */
class PorterStemmerNltkTest {

    @ParameterizedTest
    @CsvSource({
            "caresses, caress", "ponies, poni", "ties, tie", "cried, cri", "dies, die",
            "hopping, hop", "running, run", "agreed, agre", "feed, feed",
            "happy, happi", "enjoy, enjoy", "relational, relat", "conditional, condit", "radically, radic",
            "generalizations, gener", "analogousli, analog", "controll, control", "roll, roll",
            // NLTK's irregular forms
            "dying, die", "sky, sky", "skies, sky", "news, news",
            // whole METEOR tokens: punctuation stays, two-letter words are left alone
            "'broncos.', 'broncos.'", "'63%', '63%'", "is, is"})
    void stem_matchesNltk(String word, String stem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({
            // an emoji is one code point, as in Python: "😀s" has two letters and is left alone
            "😀s, 😀s", "a😀s, a😀", "o😀ing, o😀e"})
    void stem_countsCodePoints_asPythonDoes(String word, String stem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
    }
}
