package dev.raq.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * rouge-score 0.1.2's tokenizer as a single pass over the code points: after Python's {@code str.lower()} only
 * {@code [a-z0-9]} survive, and the only non-ASCII code points whose lowercase contains such a character are U+0130
 * (→ "i" followed by a combining dot, which separates) and the Kelvin sign U+212A (→ "k").
 */
final class RougeScoreTokenizer implements RougeTokenizer {

    static final RougeScoreTokenizer INSTANCE = new RougeScoreTokenizer();

    private RougeScoreTokenizer() {
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int length = text.length();
        char[] buffer = new char[Math.min(length, 64) + 1];
        int size = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char kept;
            boolean endsAfter = false;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                kept = c;
            } else if (c >= 'A' && c <= 'Z') {
                kept = (char) (c + ('a' - 'A'));
            } else if (c == '\u212A') {
                kept = 'k';
            } else if (c == '\u0130') {
                kept = 'i';
                endsAfter = true;
            } else {
                if (size > 0) {
                    tokens.add(new String(buffer, 0, size));
                    size = 0;
                }
                continue;
            }
            if (size == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = kept;
            if (endsAfter) {
                tokens.add(new String(buffer, 0, size));
                size = 0;
            }
        }
        if (size > 0) {
            tokens.add(new String(buffer, 0, size));
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "RougeTokenizer.rougeScore()";
    }
}
