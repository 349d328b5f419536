package dev.raq.metrics.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerExtractorTest {

    private static final AnswerExtractor CHOICE = AnswerExtractor.choice("ABCD");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Answer: B|B",
        "The answer is (c).|C",
        "the correct answer is d|D",
        "Answer - [A]|A",
        "Let me think. A seems right, but B is wrong. Answer: C|C",
        "Answer: B. On reflection, the answer is D|D",
        "B|B",
        "(b)|B",
        " C. |C",
        "I would go with (B) here|B",
        "I pick B because it is a prime|B",
        "A cat is an animal; I choose C|C",
        "It is a tough one, a real puzzle|",
        "The answer is E|",
        "none of them|",
    })
    void choice_documentedOrder(String reply, String expected) {
        assertThat(CHOICE.extract(reply)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Natalia sold 48 clips in April and 24 in May. 48 + 24 = 72. #### 72|72",
        "#### 1,000|1000",
        "So the answer is $18.|18",
        "The answer is 3.50 dollars|3.5",
        "She has 5 apples, then 7, so 12 apples in total|12",
        "The result is -4|-4",
        "72.00|72",
        "no number here|",
    })
    void finalNumber_gsm8kStyle(String reply, String expected) {
        assertThat(AnswerExtractor.finalNumber().extract(reply)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void regexMapAndFallback_compose() {
        AnswerExtractor boxed = AnswerExtractor.regex("\\\\boxed\\{([^}]*)\\}").map(Normalizers.number())
                .or(AnswerExtractor.finalNumber());
        assertThat(boxed.extract("so \\boxed{1,024}")).hasValue("1024");
        assertThat(boxed.extract("it is 7")).hasValue("7");
        assertThat(boxed.extract("no idea")).isEmpty();
        assertThat(boxed.name()).isEqualTo("regex(\\\\boxed\\{([^}]*)\\})+normalized|final-number");
        assertThat(AnswerExtractor.whole().map(Normalizers.lowerCase()).extract("  Paris ")).hasValue("paris");
        assertThat(AnswerExtractor.regex("x=(\\d+)").map(Normalizers.number()).extract("x=abc")).isEmpty();
    }

    @Test
    void badOptionLetters_refusedNamingThem() {
        assertThatThrownBy(() -> AnswerExtractor.choice("abcd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"abcd\"");
    }
}
