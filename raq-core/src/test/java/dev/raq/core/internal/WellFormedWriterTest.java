package dev.raq.core.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class WellFormedWriterTest {

    private static String through(WellFormedWriter w, StringWriter sink, String... pieces) throws IOException {
        for (String p : pieces) {
            w.write(p);
        }
        w.close();
        return sink.toString();
    }

    @Test
    void pairsPassEvenWhenSplitAcrossWrites_loneSurrogatesBecomeReplacementCharactersAndAreCounted()
            throws IOException {
        StringWriter sink = new StringWriter();
        WellFormedWriter w = new WellFormedWriter(sink);

        String out = through(w, sink, "a \uD83D", "\uDE00 b \uDE00 c \uD83D", " d \uD83D");

        assertThat(out).isEqualTo("a \uD83D\uDE00 b \uFFFD c \uFFFD d \uFFFD");
        assertThat(w.replaced()).isEqualTo(3);
        assertThat(Utf16.loneSurrogates("a \uD83D\uDE00 b \uDE00 c \uD83D d \uD83D")).isEqualTo(3);
        assertThat(Utf16.wellFormed("a \uD83D\uDE00 b \uDE00 c \uD83D d \uD83D")).isEqualTo(out);
    }

    @Test
    void wellFormedText_passesUnchanged() throws IOException {
        StringWriter sink = new StringWriter();
        WellFormedWriter w = new WellFormedWriter(sink);
        assertThat(through(w, sink, "plain ", "日本語 \uD83D\uDE00")).isEqualTo("plain 日本語 \uD83D\uDE00");
        assertThat(w.replaced()).isZero();
    }
}
