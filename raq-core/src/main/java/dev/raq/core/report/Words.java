package dev.raq.core.report;

/**
 * Counts words in any script. A word is a maximal run of letters, digits and combining marks (with apostrophes and
 * hyphens allowed between them, so "don't" and "state-of-the-art" are one word each); every Han ideograph, Hiragana and
 * Katakana character counts as a word of its own, because those scripts do not separate words by spaces.
 */
final class Words {

    private Words() {
    }

    static int count(String text) {
        int words = 0;
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (perCharacter(cp)) {
                words++;
                inWord = false;
            } else if (wordPart(cp)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && (cp == '\'' || cp == '\u2019' || cp == '-') && next < text.length()
                    && wordPart(text.codePointAt(next)) && !perCharacter(text.codePointAt(next))) {
                // an inner apostrophe or hyphen keeps the word going
                inWord = true;
            } else {
                inWord = false;
            }
            i = next;
        }
        return words;
    }

    static boolean wordPart(int cp) {
        if (cp < 0x80) { // ASCII, most of most answers: no Unicode table lookup
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** No Han, Hiragana or Katakana code point comes before U+2E80 (the CJK radicals), so the lookup starts there. */
    static final int FIRST_PER_CHARACTER = 0x2E80;

    static boolean perCharacter(int cp) {
        if (cp < FIRST_PER_CHARACTER) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }
}
