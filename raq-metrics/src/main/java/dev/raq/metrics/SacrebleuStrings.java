package dev.raq.metrics;

import java.util.Locale;

/**
 * Python {@code str} semantics that sacreBLEU relies on: {@code isspace()}, {@code strip()}, {@code rstrip()},
 * {@code split()} and {@code lower()}. Python splits on any Unicode whitespace (NBSP, em space, ideographic space
 * ...), which {@link Character#isWhitespace(char)} does not, so every sacreBLEU port goes through here.
 */
final class SacrebleuStrings {

    private SacrebleuStrings() {
    }

    /** The index of the first non-space character of {@code s} at or after {@code i} (its length if none). */
    static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the first space character of {@code s} at or after {@code i}: the end of the word at i. */
    static int skipWord(String s, int i) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Python's {@code str.isspace()} for one character (every such character is in the BMP). */
    static boolean isSpace(int c) {
        if (c <= ' ') {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Python's {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** Python's {@code s.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code s.lower()} (full Unicode lowercasing, final sigma included). */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code ' '.join(s.split())} over {@code length} chars of {@code a}. */
    static String joinSplit(char[] a, int length) {
        char[] out = new char[length];
        int o = 0;
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(a[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (o > 0) {
                out[o++] = ' ';
            }
            while (i < length && !isSpace(a[i])) {
                out[o++] = a[i++];
            }
        }
        return new String(out, 0, o);
    }

    /** Python's {@code ' '.join(s.split())}. */
    static String joinSplit(String s) {
        return joinSplit(s.toCharArray(), s.length());
    }

    /** Python's {@code ' '.join(s.split())} over {@code length} code points of {@code cps}. */
    static String joinSplit(int[] cps, int length) {
        StringBuilder out = new StringBuilder(length + 8);
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(cps[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            while (i < length && !isSpace(cps[i])) {
                out.appendCodePoint(cps[i++]);
            }
        }
        return out.toString();
    }
}
