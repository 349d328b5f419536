package dev.raq.core.pairwise;

import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Style counts follow Arena-Hard's add_markdown_info.py rules, outside fenced code. */
class AnswerStyleTest {

    @Test
    void markdownElements_areCountedAsArenaHardCountsThem() {
        String text = """
                # Title
                ## Part
                ####### not a header (seven #)
                #no space, not a header
                1. first
                  2. second, indented
                - dash
                * star
                + plus
                -no space
                Some **bold** and __also bold__ and **not
                closed** on one line.
                ```
                # inside code
                - inside code **x**
                ```
                """;
        AnswerStyle style = AnswerStyle.of(text);
        assertThat(style.headers()).isEqualTo(2);
        assertThat(style.lists()).isEqualTo(5);
        assertThat(style.bold()).isEqualTo(2);
        assertThat(style.characters()).isEqualTo(text.length());
    }

    @Test
    void tokens_areReportedOnesWhenTheServerGaveThem_estimatedOtherwise() {
        assertThat(AnswerStyle.of("Hello, world! 42 times.").tokens()).isEqualTo(7); // Hello , world ! 42 times .
        assertThat(AnswerStyle.of("한국어 답변입니다").tokens()).isEqualTo(2);
        Completion reported = Completion.builder("Hello, world!").usage(new TokenUsage(10, 3, false)).build();
        assertThat(AnswerStyle.of(reported).tokens()).isEqualTo(3);
        Completion estimated = Completion.builder("Hello, world!").usage(new TokenUsage(10, 99, true)).build();
        assertThat(AnswerStyle.of(estimated).tokens()).isEqualTo(4);
    }

    @Test
    void negativeCounts_areRejected() {
        assertThatThrownBy(() -> new AnswerStyle(1, -1, 0, 0, 0)).hasMessageContaining("must be >= 0");
    }
}
