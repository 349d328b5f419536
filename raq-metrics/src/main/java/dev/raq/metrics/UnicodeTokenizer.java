package dev.raq.metrics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** The Unicode-aware ROUGE tokenizer described at {@link RougeTokenizer#unicode()}. */
final class UnicodeTokenizer implements RougeTokenizer {

    static final UnicodeTokenizer INSTANCE = new UnicodeTokenizer();

    private UnicodeTokenizer() {
    }

    @Override
    public List<String> tokenize(String text) {
        String normalized = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String lower = PythonText.lower(normalized);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        int length = lower.length();
        for (int i = 0; i < length; ) {
            int cp = lower.codePointAt(i);
            int width = Character.charCount(cp);
            if (isSingleCharacterToken(cp)) {
                if (start >= 0) {
                    tokens.add(lower.substring(start, i));
                    start = -1;
                }
                tokens.add(lower.substring(i, i + width));
            } else if (isWordCharacter(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0 && !isMark(cp)) {
                tokens.add(lower.substring(start, i));
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            tokens.add(lower.substring(start));
        }
        return tokens;
    }

    private static boolean isSingleCharacterToken(int cp) {
        if (Character.isIdeographic(cp)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isWordCharacter(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    @Override
    public String toString() {
        return "RougeTokenizer.unicode()";
    }
}
