package dev.raq.clients.http;

import dev.raq.commons.Preconditions;
import org.jspecify.annotations.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of everything a user sees: keys are normalized and checked where they are configured (so the
 * JDK's header check, whose message holds the whole header, can never fail on one), and every error body a server
 * sends passes {@link #redact} before it reaches an exception, a report or a log.
 */
final class Secrets {

    /** What a redacted secret is replaced with. */
    static final String MASK = "****";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=:-]{6,}");
    private static final Pattern API_KEY_FIELD = Pattern.compile(
            "(?i)((?:x-api-key|api[_-]?key|authorization)[\"']?\\s*[:=]\\s*[\"']?)(?!bearer\\s)[^\"'\\s,;}]{6,}");

    private Secrets() {
    }

    /**
     * The key without surrounding white space (as {@code Files.readString} or an environment variable may carry it).
     *
     * @param source where the key came from, for the message ("apiKey(...)", "environment variable X")
     * @throws IllegalArgumentException if the key is blank or holds a control character or inner white space; the
     *                                  message names the source and the position, never the key
     */
    static String normalizeKey(String key, String source) {
        String k = key.strip();
        Preconditions.checkArgument(!k.isEmpty(), () -> "the API key from " + source + " is blank");
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c > 0x7e) {
                throw new IllegalArgumentException("the API key from " + source + " holds "
                        + (Character.isWhitespace(c) || Character.isISOControl(c) ? "a control or space character"
                        : "a non-ASCII character") + String.format(" (U+%04X) at position %d of %d; an API key is "
                        + "sent in an HTTP header and must be printable ASCII", (int) c, i + 1, k.length()));
            }
        }
        return k;
    }

    /**
     * The text with the configured key, bearer tokens and {@code x-api-key}/{@code api_key}/{@code Authorization}
     * values replaced by {@value #MASK}.
     */
    static @Nullable String redact(@Nullable String text, @Nullable String key) {
        if (text == null) {
            return null;
        }
        String out = key == null || key.length() < 4 ? text : text.replace(key, MASK);
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = API_KEY_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return out;
    }
}
