package dev.raq.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonTextSplitTest {

    @Test
    void split_splitsOnPythonWhitespace_only() {
        assertThat(PythonText.split("  a\tb\u00A0c\u3000d\u001Ce\r\n")).containsExactly("a", "b", "c", "d", "e");
        assertThat(PythonText.split("x\u200By")).containsExactly("x\u200By"); // zero-width space is no whitespace
        assertThat(PythonText.split(" \t ")).isEmpty();
        assertThat(PythonText.split("Denver Broncos.")).containsExactly("Denver", "Broncos.");
    }

    @Test
    void lower_followsPython() {
        assertThat(PythonText.lower("ΟΔΟΣ")).isEqualTo("οδος");
        assertThat(PythonText.lower("ΣΑ")).isEqualTo("σα");
        assertThat(PythonText.lower("İstanbul")).isEqualTo("i\u0307stanbul");
        String lower = "already lower";
        assertThat(PythonText.lower(lower)).isSameAs(lower);
        assertThat(PythonText.lower("ŚĘ")).isEqualTo("śę");
    }
}
