package dev.raq.metrics;

/**
 * sacreBLEU 2.6.0's {@code TercomTokenizer} (a port of Tercom's {@code Normalizer.java}), without regular
 * expressions: lowercasing unless case-sensitive, optional Western normalization (XML escapes, punctuation split
 * off like mteval-v13a, possessive {@code 's}) with optional CJK splitting, optional punctuation removal, then
 * single spaces.
 */
final class TercomNormalizer {

    private final boolean normalized;
    private final boolean noPunct;
    private final boolean asianSupport;
    private final boolean caseSensitive;

    TercomNormalizer(boolean normalized, boolean noPunct, boolean asianSupport, boolean caseSensitive) {
        this.normalized = normalized;
        this.noPunct = noPunct;
        this.asianSupport = asianSupport;
        this.caseSensitive = caseSensitive;
    }

    /** {@code TercomTokenizer.__call__}: the normalized words joined by single spaces. */
    String normalize(String sent) {
        if (sent.isEmpty()) {
            return "";
        }
        if (!caseSensitive) {
            sent = SacrebleuStrings.lower(sent);
        }
        if (normalized) {
            sent = western(sent);
            if (asianSupport) {
                sent = padAsian(sent);
            }
        }
        if (noPunct) {
            sent = removePunctuation(sent);
        }
        return SacrebleuStrings.joinSplit(sent);
    }

    private static String western(String sent) {
        if (sent.indexOf('\n') >= 0) {
            sent = sent.replace("\n-", "").replace("\n", " ");
        }
        sent = SacrebleuScanners.unescapeXml(sent);
        sent = " " + sent + " ";
        char[] a = sent.toCharArray();
        char[] b = new char[3 * a.length];
        int n = SacrebleuScanners.padPunctuation(a, a.length, b);
        sent = new String(b, 0, n);
        // "'s " -> " 's "; Tercom's "'s$" rule never fires here because the text now ends with a space
        sent = sent.replace("'s ", " 's ");
        a = sent.toCharArray();
        n = a.length;
        b = new char[2 * n];
        n = SacrebleuScanners.splitPeriodCommaAfterNonDigit(a, n, b);
        a = new char[2 * n];
        n = SacrebleuScanners.splitPeriodCommaBeforeNonDigit(b, n, a);
        b = new char[2 * n];
        n = SacrebleuScanners.splitDashAfterDigit(a, n, b);
        return new String(b, 0, n);
    }

    /**
     * Pads CJK ideographs, strokes, radicals, compatibility forms, enclosed letters and CJK punctuation with
     * spaces. sacreBLEU also has three kana rules anchored at the start of the text; after Western normalization
     * the text starts with a space, so they never fire and are left out.
     */
    private static String padAsian(String sent) {
        StringBuilder s = new StringBuilder(sent.length() + 16);
        for (int i = 0; i < sent.length(); i++) {
            char c = sent.charAt(i);
            if (isCjk(c) || isAsianPunct(c) || isFullWidthPunct(c)) {
                s.append(' ').append(c).append(' ');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean isCjk(char c) {
        return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x31c0 && c <= 0x31ef)
                || (c >= 0x2e80 && c <= 0x2eff) || (c >= 0x3300 && c <= 0x33ff) || (c >= 0xf900 && c <= 0xfaff)
                || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0x3200 && c <= 0x3f22);
    }

    /** sacreBLEU's {@code ASIAN_PUNCT}: U+3001, U+3002, U+3008..U+3011, U+3014..U+301F, U+FF61..U+FF65, U+30FB. */
    private static boolean isAsianPunct(char c) {
        return c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301f)
                || (c >= 0xff61 && c <= 0xff65) || c == 0x30fb;
    }

    /** sacreBLEU's {@code FULL_WIDTH_PUNCT}: full-width . , ? : ; ! " ( ). */
    private static boolean isFullWidthPunct(char c) {
        return c == 0xff0e || c == 0xff0c || c == 0xff1f || c == 0xff1a || c == 0xff1b || c == 0xff01
                || c == 0xff02 || c == 0xff08 || c == 0xff09;
    }

    private String removePunctuation(String sent) {
        StringBuilder s = new StringBuilder(sent.length());
        for (int i = 0; i < sent.length(); i++) {
            char c = sent.charAt(i);
            boolean western = c == '.' || c == ',' || c == '?' || c == ':' || c == ';' || c == '!' || c == '"'
                    || c == '(' || c == ')';
            boolean asian = asianSupport && (isAsianPunct(c) || isFullWidthPunct(c));
            if (!western && !asian) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
