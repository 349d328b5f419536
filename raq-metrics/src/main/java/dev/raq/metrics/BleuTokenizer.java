package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The tokenizers of sacreBLEU 2.6.0 that need no external model, producing exactly its output.
 *
 * <p>{@link #tokenize(String)} returns the tokens joined by single spaces, as sacreBLEU's tokenizer objects do
 * (for {@link #CHAR} and {@link #NONE} whitespace inside the input survives, as in sacreBLEU). The tokenizers are
 * applied to the raw text: BLEU itself first lowercases (if asked) and right-strips each segment. They are
 * hand-written scanners, not regular expressions, and work on Unicode code points like Python does.
 * Unicode categories ({@link #INTL}) come from the running JDK (Unicode 13 in Java 17); the reference uses the
 * {@code regex} module's newer tables, so characters assigned after Unicode 13 may tokenize differently.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum BleuTokenizer {

    /** No tokenization: the text is only split on whitespace ({@code tokenize="none"}). */
    NONE("none"),

    /**
     * mteval-v13a, the WMT standard and sacreBLEU's default ({@code tokenize="13a"}): XML escapes, ASCII
     * punctuation split off, periods and commas split off unless between digits, a dash split after a digit.
     */
    MTEVAL_13A("13a"),

    /**
     * mteval-v14 international ({@code tokenize="intl"}): Unicode punctuation (category P) split off unless between
     * digits (category N), every symbol (category S) split off.
     */
    INTL("intl"),

    /** Every character a token ({@code tokenize="char"}), for languages without spaces. */
    CHAR("char"),

    /** Chinese ({@code tokenize="zh"}): every CJK character a token, the rest tokenized like 13a. */
    ZH("zh");

    private final String sacrebleuName;

    BleuTokenizer(String sacrebleuName) {
        this.sacrebleuName = sacrebleuName;
    }

    /** The name sacreBLEU uses for this tokenizer ({@code "13a"}, {@code "intl"}, ...). */
    public String sacrebleuName() {
        return sacrebleuName;
    }

    /**
     * The tokenizer sacreBLEU calls {@code name}.
     *
     * @param name one of {@code none}, {@code 13a}, {@code intl}, {@code char}, {@code zh}
     * @return the tokenizer
     * @throws IllegalArgumentException for any other name (such as {@code ja-mecab}, which needs a dictionary)
     */
    public static BleuTokenizer of(String name) {
        Objects.requireNonNull(name, "name");
        for (BleuTokenizer t : values()) {
            if (t.sacrebleuName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "tokenizer must be one of none, 13a, intl, char, zh but was '" + name + "'");
    }

    /**
     * Tokenizes one line exactly as sacreBLEU 2.6.0's tokenizer of the same name.
     *
     * @param line the text (may be empty)
     * @return the tokens joined by single spaces (for {@link #NONE} the line itself)
     */
    public String tokenize(String line) {
        Objects.requireNonNull(line, "line");
        switch (this) {
            case NONE:
                return line;
            case MTEVAL_13A:
                return SacrebleuScanners.mteval13a(line);
            case INTL:
                return SacrebleuScanners.intl(line);
            case CHAR:
                return SacrebleuScanners.chars(line);
            case ZH:
                return SacrebleuScanners.zh(line);
            default:
                throw new AssertionError(this);
        }
    }
}
