package dev.raq.metrics.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final number of a GSM8K-style reply, tried in this order: the number after {@code ####} (GSM8K's own answer
 * line), then the number after "answer is" / "answer:", then the last number in the reply. Thousands separators,
 * currency signs and a trailing unit or full stop do not matter ({@code $1,000.50 dollars} is {@code 1000.5}); the
 * number is normalized by {@link Normalizers#number()} so that {@code 72}, {@code 72.0} and {@code 72.00} agree.
 */
final class FinalNumberExtractor implements AnswerExtractor {

    static final FinalNumberExtractor INSTANCE = new FinalNumberExtractor();

    private static final String NUMBER = "-?\\$?\\s*\\d[\\d,]*(?:\\.\\d+)?";
    private static final Pattern HASHES = Pattern.compile("####\\s*(" + NUMBER + ")");
    private static final Pattern STATED = Pattern.compile("(?i)answer\\s*(?:is|:|=)\\s*(" + NUMBER + ")");
    private static final Pattern ANY = Pattern.compile("(" + NUMBER + ")");

    private FinalNumberExtractor() {
    }

    @Override
    public Optional<String> extract(String reply) {
        for (Pattern rule : new Pattern[] {HASHES, STATED, ANY}) {
            Matcher m = rule.matcher(reply);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last != null) {
                String n = Normalizers.number().apply(last);
                if (!n.isEmpty()) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "final-number";
    }
}
