package dev.raq.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected stems are NLTK 3.8's {@code PorterStemmer().stem(word)} (run by hand with Debian's python3). */
class PorterStemmerTest {

    @ParameterizedTest
    @CsvSource({
            "caresses, caress", "ponies, poni", "ties, tie", "cats, cat", "feed, feed", "agreed, agre",
            "plastered, plaster", "motoring, motor", "conflated, conflat", "troubled, troubl", "sized, size",
            "hopping, hop", "falling, fall", "hissing, hiss", "filing, file", "happy, happi", "enjoy, enjoy",
            "relational, relat", "conditional, condit", "generalization, gener", "electrical, electr",
            "hopefulness, hope", "adoption, adopt", "controll, control", "dying, die", "skies, sky", "news, news",
            "cried, cri", "cries, cri", "analogously, analog", "archaeology, archaeolog", "fully, fulli",
            "generically, gener", "yyyy, yyyi", "sky, sky", "rolling, roll", "running, run", "by, by"})
    void stem_word_matchesNltk(String word, String stem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
    }
}
