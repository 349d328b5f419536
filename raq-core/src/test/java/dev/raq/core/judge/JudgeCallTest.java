package dev.raq.core.judge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeCallTest {

    @Test
    void truncate_emojiAcrossTheLimit_neverLeavesALoneSurrogate() {
        String output = "x".repeat(JudgeCall.MAX_OUTPUT_CHARS - 1) + "\uD83D\uDE00" + "tail";
        String cut = JudgeCall.truncate(output);
        assertThat(cut).startsWith("x".repeat(JudgeCall.MAX_OUTPUT_CHARS - 1) + "…[truncated 6 chars]");
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            assertThat(Character.isSurrogate(c)).as("index " + i).isFalse();
        }
    }

    @Test
    void truncate_shortOrNull_unchanged_longCutWithTheCount() {
        assertThat(JudgeCall.truncate(null)).isNull();
        assertThat(JudgeCall.truncate("short")).isEqualTo("short");
        String longOutput = "y".repeat(JudgeCall.MAX_OUTPUT_CHARS + 10);
        assertThat(JudgeCall.truncate(longOutput)).isEqualTo("y".repeat(JudgeCall.MAX_OUTPUT_CHARS)
                + "…[truncated 10 chars]");
    }
}
