package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.List;

/**
 * Splits a text into the tokens ROUGE compares; stemming, when enabled, is applied by {@link Rouge} afterwards.
 *
 * <p>Two tokenizers ship: {@link #rougeScore()}, the default, which reproduces Google's rouge-score 0.1.2 exactly and
 * keeps only ASCII letters and digits, and {@link #unicode()}, which keeps letters and digits of every script and
 * makes each CJK ideograph a token of its own. Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RougeTokenizer {

    /**
     * Tokenizes {@code text}.
     *
     * @param text the text, possibly empty
     * @return the tokens in order, none empty; an empty list when the text has none
     */
    List<String> tokenize(String text);

    /**
     * The tokenizer of rouge-score 0.1.2 ({@code tokenize.tokenize}): lowercase as Python's {@code str.lower()},
     * treat every run of characters outside {@code [a-z0-9]} as a separator, keep what is left. Accented letters,
     * every non-Latin script and emoji therefore vanish, so texts in those scripts score 0 — by design of the
     * reference. The Kelvin sign and the capital I with dot above lowercase to ASCII letters in Python and are kept.
     *
     * @return the rouge-score compatible tokenizer (the default of {@link Rouge.Builder#tokenizer})
     */
    static RougeTokenizer rougeScore() {
        return RougeScoreTokenizer.INSTANCE;
    }

    /**
     * A Unicode-aware tokenizer for texts beyond ASCII; not part of rouge-score, so its scores are RAQ's own.
     *
     * <p>The text is NFKC-normalized (full-width letters and digits become ASCII, ligatures split) and lowercased as
     * Python's {@code str.lower()} does. A token is then a maximal run of letters, digits and other numbers of any
     * script, including the combining marks that follow them (so "café" and Devanagari words stay whole). Each CJK
     * ideograph, Hiragana and Katakana character is a token of its own, because those scripts do not separate words
     * with spaces; Hangul syllables group into words like Latin letters. Everything else (punctuation, symbols,
     * emoji, whitespace) separates tokens.
     *
     * @return the Unicode-aware tokenizer
     */
    static RougeTokenizer unicode() {
        return UnicodeTokenizer.INSTANCE;
    }
}
