package dev.raq.report.html;

/** Escaping for HTML and SVG text and attribute values. */
final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} as character references and every control character but tab, line feed and
     * carriage return as U+FFFD, safe inside an element or a quoted attribute of HTML or SVG.
     */
    static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == 0xFFFE
                        || c == 0xFFFF ? "\uFFFD" : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** {@code text} cut to {@code max} characters (not splitting a surrogate pair), escaped, with a note of the rest. */
    static String clipped(String text, int max) {
        if (text.length() <= max) {
            return escape(text);
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return escape(text.substring(0, end)) + "<span class=\"clip\">… (" + (text.length() - end)
                + " more characters; the full text is in the JSON report)</span>";
    }
}
