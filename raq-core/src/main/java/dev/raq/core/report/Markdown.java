package dev.raq.core.report;

/**
 * Escapes untrusted text (model output, judge output, error messages, candidate names) for Markdown, so that it
 * renders as the text it is: no HTML, no table breaks, no code spans, no line breaks.
 */
final class Markdown {

    private Markdown() {
    }

    /**
     * The text on one line, safe in a paragraph, a list item or a table cell: line breaks become spaces, HTML
     * metacharacters become entities, and Markdown's inline syntax characters are backslash-escaped.
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r', '\n', '\u2028', '\u2029' -> sb.append(' ');
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '`', '*', '_', '[', ']', '\\', '#', '~' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
