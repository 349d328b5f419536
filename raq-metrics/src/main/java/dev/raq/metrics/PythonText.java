package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3 string semantics that the reference scripts rely on and Java does differently: {@code str.lower()},
 * {@code str.isspace()} (what {@code str.split()} splits on) and the Unicode word characters of {@code re}'s
 * {@code \w}/{@code \b}. Character properties come from the JDK's Unicode tables (Unicode 13 on Java 17); the
 * reference ran with Unicode 14, which differs only for characters added in 14. Public for raq-meteor; not an API.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class PythonText {

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final int CAPITAL_I_WITH_DOT = 0x0130;

    private PythonText() {
    }

    /** Python's {@code text.split()}: the runs of non-whitespace, in order; none for a blank text. */
    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int length = text.length();
        int start = -1;
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /**
     * Python's {@code str.lower()}: the simple lowercase mapping of every code point, except U+0130 (capital I with
     * dot above, lowercased to "i" + U+0307 as in SpecialCasing.txt) and U+03A3 (capital sigma, lowercased to the
     * final form U+03C2 in the Final_Sigma context exactly as CPython decides it). Java's {@code toLowerCase} uses
     * word breaks for Final_Sigma and therefore differs.
     */
    public static String lower(String text) {
        int length = text.length();
        int first = 0;
        while (first < length) {
            char c = text.charAt(first);
            if (c < 0x80 ? (c >= 'A' && c <= 'Z') : changesOnLower(text.codePointAt(first))) {
                break;
            }
            first++;
        }
        if (first == length) {
            return text;
        }
        char[] out = new char[length + 8];
        text.getChars(0, first, out, 0);
        int size = first;
        for (int i = first; i < length; ) {
            if (size + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            int cp = text.codePointAt(i);
            size = appendLower(text, i, cp, out, size);
            i += Character.charCount(cp);
        }
        return new String(out, 0, size);
    }

    /**
     * Writes Python's lowercase of the code point {@code cp} found at {@code index} of {@code text} (the text is the
     * context of a capital sigma) to {@code out} at {@code size}, which must leave room for two chars.
     *
     * @return the new size
     */
    static int appendLower(String text, int index, int cp, char[] out, int size) {
        if (cp < 0x80) {
            out[size] = cp >= 'A' && cp <= 'Z' ? (char) (cp + ('a' - 'A')) : (char) cp;
            return size + 1;
        }
        if (cp == CAPITAL_I_WITH_DOT) {
            out[size] = 'i';
            out[size + 1] = '\u0307';
            return size + 2;
        }
        if (cp == CAPITAL_SIGMA) {
            out[size] = isFinalSigma(text, index) ? '\u03C2' : '\u03C3';
            return size + 1;
        }
        return size + Character.toChars(Character.toLowerCase(cp), out, size);
    }

    private static boolean changesOnLower(int cp) {
        return cp == CAPITAL_I_WITH_DOT || Character.toLowerCase(cp) != cp;
    }

    /** CPython's rule: a cased letter before (skipping case-ignorables), and no cased letter after. */
    private static boolean isFinalSigma(String text, int index) {
        int j = index;
        int before = -1;
        while (j > 0) {
            int cp = text.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                before = cp;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        j = index + 1;
        while (j < text.length()) {
            int cp = text.codePointAt(j);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
            j += Character.charCount(cp);
        }
        return true;
    }

    /** Unicode's derived property Cased: Lowercase, Uppercase or titlecase letter. */
    static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Unicode's derived property Case_Ignorable: general category Mn, Me, Cf, Lm or Sk, or Word_Break MidLetter,
     * MidNumLet or Single_Quote.
     */
    static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                break;
        }
        switch (cp) {
            case '\'': case '.': case ':': case 0x00B7: case 0x0387: case 0x055F: case 0x05F4: case 0x2018:
            case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55: case 0xFF07: case 0xFF0E:
            case 0xFF1A:
                return true;
            default:
                return false;
        }
    }

    /** Python's {@code str.isspace()} for one code point: the separators {@code str.split()} splits on. */
    public static boolean isSpace(int cp) {
        if (cp <= 0x20) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * Python's {@code re} word character ({@code \w} on str patterns): a letter (Lu, Ll, Lt, Lm, Lo), a character
     * with a numeric value (Nd, Nl, No) or the underscore. Combining marks are not word characters in Python.
     */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
