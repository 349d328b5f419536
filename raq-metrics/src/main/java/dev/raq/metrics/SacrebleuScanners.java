package dev.raq.metrics;

/**
 * Hand-written scanners that produce exactly what sacreBLEU's regular expressions produce.
 *
 * <p>Each {@code re.sub} of sacreBLEU whose pattern is one or two single-character classes is a left-to-right,
 * non-overlapping scan: at each position either the pattern matches (the replacement is written and the scan skips
 * the matched characters) or the character is copied. The passes run in sacreBLEU's order on the output of the
 * previous pass, because inserted spaces change what later patterns see.
 */
final class SacrebleuScanners {

    private SacrebleuScanners() {
    }

    // ---------------------------------------------------------------- 13a / zh (TokenizerRegexp) and tercom

    /** sacreBLEU {@code Tokenizer13a}: mteval-v13a's escapes and punctuation splitting. */
    static String mteval13a(String line) {
        if (line.indexOf('<') >= 0) {
            line = line.replace("<skipped>", "");
        }
        if (line.indexOf('\n') >= 0) {
            line = line.replace("-\n", "").replace("\n", " ");
        }
        line = unescapeXml(line);
        return regexpPost(" " + line + " ");
    }

    /** The four {@code &quot; &amp; &lt; &gt;} replacements, in sacreBLEU's order, each over the whole string. */
    static String unescapeXml(String line) {
        if (line.indexOf('&') < 0) {
            return line;
        }
        return line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    /** sacreBLEU {@code TokenizerRegexp.__call__}: the four substitutions, then single spaces, no ends. */
    static String regexpPost(String line) {
        char[] a = line.toCharArray();
        int n = a.length;
        char[] b = new char[3 * n];
        n = padPunctuation(a, n, b);
        a = new char[2 * n];
        n = splitPeriodCommaAfterNonDigit(b, n, a);
        b = new char[2 * n];
        n = splitPeriodCommaBeforeNonDigit(a, n, b);
        a = new char[2 * n];
        n = splitDashAfterDigit(b, n, a);
        return SacrebleuStrings.joinSplit(a, n);
    }

    /** {@code [\{-\~\[-\` -\&\(-\+\:-\@\/]}: the ASCII punctuation mteval pads with spaces (not {@code ' - . ,}). */
    static boolean isMtevalPunct(char c) {
        return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') || (c >= '(' && c <= '+')
                || (c >= ':' && c <= '@') || c == '/';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPeriodOrComma(char c) {
        return c == '.' || c == ',';
    }

    /** {@code re.sub(r'([\{-\~\[-\` -\&\(-\+\:-\@\/])', r' \1 ', s)}; {@code out} holds 3 * n chars. */
    static int padPunctuation(char[] in, int n, char[] out) {
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (isMtevalPunct(c)) {
                out[o++] = ' ';
                out[o++] = c;
                out[o++] = ' ';
            } else {
                out[o++] = c;
            }
        }
        return o;
    }

    /** {@code re.sub(r'([^0-9])([\.,])', r'\1 \2 ', s)}; {@code out} holds 2 * n chars. */
    static int splitPeriodCommaAfterNonDigit(char[] in, int n, char[] out) {
        int o = 0;
        int i = 0;
        while (i < n) {
            if (i + 1 < n && !isAsciiDigit(in[i]) && isPeriodOrComma(in[i + 1])) {
                out[o++] = in[i];
                out[o++] = ' ';
                out[o++] = in[i + 1];
                out[o++] = ' ';
                i += 2;
            } else {
                out[o++] = in[i++];
            }
        }
        return o;
    }

    /** {@code re.sub(r'([\.,])([^0-9])', r' \1 \2', s)}; {@code out} holds 2 * n chars. */
    static int splitPeriodCommaBeforeNonDigit(char[] in, int n, char[] out) {
        int o = 0;
        int i = 0;
        while (i < n) {
            if (i + 1 < n && isPeriodOrComma(in[i]) && !isAsciiDigit(in[i + 1])) {
                out[o++] = ' ';
                out[o++] = in[i];
                out[o++] = ' ';
                out[o++] = in[i + 1];
                i += 2;
            } else {
                out[o++] = in[i++];
            }
        }
        return o;
    }

    /** {@code re.sub(r'([0-9])(-)', r'\1 \2 ', s)}; {@code out} holds 2 * n chars. */
    static int splitDashAfterDigit(char[] in, int n, char[] out) {
        int o = 0;
        int i = 0;
        while (i < n) {
            if (i + 1 < n && isAsciiDigit(in[i]) && in[i + 1] == '-') {
                out[o++] = in[i];
                out[o++] = ' ';
                out[o++] = '-';
                out[o++] = ' ';
                i += 2;
            } else {
                out[o++] = in[i++];
            }
        }
        return o;
    }

    // ---------------------------------------------------------------- zh

    /** sacreBLEU {@code TokenizerZh}: strip, pad every "Chinese" character with spaces, then {@link #regexpPost}. */
    static String zh(String line) {
        line = SacrebleuStrings.strip(line);
        StringBuilder s = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isZhChar(c)) {
                s.append(' ').append(c).append(' ');
            } else {
                s.append(c);
            }
        }
        return regexpPost(s.toString());
    }

    /**
     * sacreBLEU's {@code _is_chinese_char}. Its table compares one-character strings, so code points above the BMP
     * (surrogate halves here) never match. Two entries are meant as U+20000 and U+2F800 but written with four-digit
     * escapes, which Python reads as two-character strings (U+2000 then '0'); by string comparison their ranges
     * are U+2001..U+2A6D and U+2F81..U+2FA1 (general punctuation such as the em dash included), as reproduced here.
     */
    static boolean isZhChar(char c) {
        if (Character.isSurrogate(c)) {
            return false;
        }
        return (c >= 0x3400 && c <= 0x4db5) || (c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x9fa6 && c <= 0x9fbb)
                || (c >= 0xf900 && c <= 0xfa2d) || (c >= 0xfa30 && c <= 0xfa6a) || (c >= 0xfa70 && c <= 0xfad9)
                || (c > 0x2000 && c <= 0x2a6d) || (c > 0x2f80 && c <= 0x2fa1) || (c >= 0xff00 && c <= 0xffef)
                || (c >= 0x2e80 && c <= 0x2eff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x31c0 && c <= 0x31ef)
                || (c >= 0x2f00 && c <= 0x2fdf) || (c >= 0x2ff0 && c <= 0x2fff) || (c >= 0x3100 && c <= 0x312f)
                || (c >= 0x31a0 && c <= 0x31bf) || (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe4f)
                || (c >= 0x2600 && c <= 0x26ff) || (c >= 0x2700 && c <= 0x27bf) || (c >= 0x3200 && c <= 0x32ff)
                || (c >= 0x3300 && c <= 0x33ff);
    }

    // ---------------------------------------------------------------- intl

    /**
     * sacreBLEU {@code TokenizerV14International}: {@code (\P{N})(\p{P}) -> '\1 \2 '}, then
     * {@code (\p{P})(\P{N}) -> ' \1 \2'}, then {@code (\p{S}) -> ' \1 '}, on code points, then single spaces.
     */
    static String intl(String line) {
        int[] a = line.codePoints().toArray();
        int n = a.length;
        int[] b = new int[2 * n];
        int o = 0;
        int i = 0;
        while (i < n) {
            if (i + 1 < n && !isNumber(a[i]) && isPunctuation(a[i + 1])) {
                b[o++] = a[i];
                b[o++] = ' ';
                b[o++] = a[i + 1];
                b[o++] = ' ';
                i += 2;
            } else {
                b[o++] = a[i++];
            }
        }
        n = o;
        a = new int[2 * n];
        o = 0;
        i = 0;
        while (i < n) {
            if (i + 1 < n && isPunctuation(b[i]) && !isNumber(b[i + 1])) {
                a[o++] = ' ';
                a[o++] = b[i];
                a[o++] = ' ';
                a[o++] = b[i + 1];
                i += 2;
            } else {
                a[o++] = b[i++];
            }
        }
        n = o;
        b = new int[3 * n];
        o = 0;
        for (i = 0; i < n; i++) {
            if (isSymbol(a[i])) {
                b[o++] = ' ';
                b[o++] = a[i];
                b[o++] = ' ';
            } else {
                b[o++] = a[i];
            }
        }
        return SacrebleuStrings.joinSplit(b, o);
    }

    /** Unicode general category N (Nd, Nl, No). */
    static boolean isNumber(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** Unicode general category P (Pc, Pd, Ps, Pe, Pi, Pf, Po). */
    static boolean isPunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    /** Unicode general category S (Sm, Sc, Sk, So). */
    static boolean isSymbol(int cp) {
        int t = Character.getType(cp);
        return t == Character.MATH_SYMBOL || t == Character.CURRENCY_SYMBOL || t == Character.MODIFIER_SYMBOL
                || t == Character.OTHER_SYMBOL;
    }

    // ---------------------------------------------------------------- char

    /** sacreBLEU {@code TokenizerChar}: every code point, separated by one space (whitespace included). */
    static String chars(String line) {
        StringBuilder s = new StringBuilder(2 * line.length());
        line.codePoints().forEach(cp -> {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.appendCodePoint(cp);
        });
        return s.toString();
    }
}
