package dev.raq.core.internal;

import org.apiguardian.api.API;

/**
 * Escapes untrusted text (model output, judge output, error messages, candidate names) for Markdown, so that it
 * renders as the text it is: no HTML, no table breaks, no code spans, no line breaks. Internal: public only so that
 * the report and significance packages share it; not API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * The text on one line, safe in a paragraph, a list item or a table cell: line breaks become spaces, HTML
     * metacharacters become entities, and the characters that break a table or make a code span or a link
     * ({@code | ` [ ] \}) are backslash-escaped. Emphasis characters are left alone (names like {@code a_b}).
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r', '\n', '\u2028', '\u2029' -> sb.append(' ');
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '`', '[', ']', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A number for a table cell: three decimals at most, trailing zeros dropped ({@code 0.5}, {@code 12}). */
    public static String number(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
