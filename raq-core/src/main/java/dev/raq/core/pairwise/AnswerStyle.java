package dev.raq.core.pairwise;

import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long and how formatted an answer is — the style features Arena-Hard controls for: tokens, Markdown headers,
 * list items and bold spans, plus characters (AlpacaEval's length). Markdown elements are counted as Arena-Hard's
 * {@code add_markdown_info.py} counts them, after removing fenced code blocks: lines starting {@code #}–{@code ######}
 * and a space, lines starting with a number and a dot or with {@code -}, {@code *} or {@code +} and a space, and
 * {@code **…**} or {@code __…__} spans on one line.
 *
 * <p>Tokens are the completion tokens the server reported when it did; otherwise an estimate (runs of letters or
 * digits, and every other visible character, as one token each), which is not a tokenizer's count but is used the
 * same way on both sides of every comparison, where only the ratio (a − b)/(a + b + 1) enters the fit.
 *
 * @param tokens     the answer's tokens
 * @param headers    Markdown headers
 * @param lists      list items, ordered and unordered
 * @param bold       bold spans
 * @param characters the answer's length in characters (UTF-16 units, as Java and Python strings count them for
 *                   text without astral characters)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AnswerStyle(long tokens, long headers, long lists, long bold, long characters) {

    private static final Pattern CODE_BLOCK = Pattern.compile("```[^`]*```");
    private static final Pattern HEADER = Pattern.compile("^#{1,6}\\s", Pattern.MULTILINE);
    private static final Pattern ORDERED = Pattern.compile("^\\s*\\d+\\.\\s", Pattern.MULTILINE);
    private static final Pattern UNORDERED = Pattern.compile("^\\s*[-*+]\\s", Pattern.MULTILINE);
    private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__");

    /** Validates that every count is at least 0. */
    public AnswerStyle {
        if (tokens < 0 || headers < 0 || lists < 0 || bold < 0 || characters < 0) {
            throw new IllegalArgumentException("style counts must be >= 0: " + tokens + ", " + headers + ", "
                    + lists + ", " + bold + ", " + characters);
        }
    }

    /** The style of a completion: its reported completion tokens if any (estimated ones are re-estimated). */
    public static AnswerStyle of(Completion completion) {
        Objects.requireNonNull(completion, "completion");
        AnswerStyle text = of(completion.text());
        return completion.usage().filter(u -> !u.estimated()).map(TokenUsage::completionTokens)
                .map(t -> new AnswerStyle(t, text.headers, text.lists, text.bold, text.characters)).orElse(text);
    }

    /** The style of an answer's text, with estimated tokens. */
    public static AnswerStyle of(String text) {
        Objects.requireNonNull(text, "text");
        String prose = CODE_BLOCK.matcher(text).replaceAll("");
        return new AnswerStyle(estimateTokens(text), count(HEADER, prose),
                count(ORDERED, prose) + count(UNORDERED, prose), count(BOLD, prose), text.length());
    }

    private static long count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Runs of letters or digits count one token each, every other non-space code point one token. */
    static long estimateTokens(String text) {
        long tokens = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    tokens++;
                }
                inWord = true;
            } else {
                inWord = false;
                if (!Character.isWhitespace(cp)) {
                    tokens++;
                }
            }
        }
        return tokens;
    }
}
