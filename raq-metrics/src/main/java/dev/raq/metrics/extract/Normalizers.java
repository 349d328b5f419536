package dev.raq.metrics.extract;

import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Normalizers for {@link AnswerExtractor#map}: what two answers must agree on after extraction. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Normalizers {

    private Normalizers() {
    }

    /** Lower case (Locale.ROOT) and stripped. */
    public static UnaryOperator<String> lowerCase() {
        return s -> s.strip().toLowerCase(Locale.ROOT);
    }

    /** Runs of white space as one space, stripped. */
    public static UnaryOperator<String> whiteSpace() {
        return s -> s.strip().replaceAll("\\s+", " ");
    }

    /**
     * A number in canonical form: currency signs, thousands separators, white space and a trailing full stop or unit
     * removed, trailing zeros after the decimal point dropped ({@code "$1,000.50"} → {@code "1000.5"},
     * {@code "72.00"} → {@code "72"}); text that holds no number becomes empty.
     */
    public static UnaryOperator<String> number() {
        return s -> {
            String t = s.replaceAll("[\\s$€£,]", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^-?\\d+(?:\\.\\d+)?").matcher(t);
            if (!m.find()) {
                return "";
            }
            BigDecimal value = new BigDecimal(m.group()).stripTrailingZeros();
            return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
        };
    }
}
