package dev.raq.metrics.extract;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the final answer out of a reply, or finds none. Extractors compose: {@link #map} normalizes what was found
 * ({@link Normalizers}), {@link #or} falls back to another extractor when this one finds nothing. A reply with no
 * extractable answer is scored as wrong and reported as unextracted, never guessed. Implementations are stateless and
 * thread-safe.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface AnswerExtractor {

    /**
     * The answer in a reply.
     *
     * @param reply the model's text, verbatim
     * @return the answer, or empty when the reply holds none
     */
    Optional<String> extract(String reply);

    /** A short name for reports; the default is the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** This extractor with {@code normalizer} applied to what it finds (an empty result stays unextracted). */
    default AnswerExtractor map(UnaryOperator<String> normalizer) {
        Objects.requireNonNull(normalizer, "normalizer");
        AnswerExtractor self = this;
        return named(self.name() + "+normalized", reply -> self.extract(reply).map(normalizer)
                .filter(s -> !s.isEmpty()));
    }

    /** This extractor, or {@code fallback} when this one finds nothing. */
    default AnswerExtractor or(AnswerExtractor fallback) {
        Objects.requireNonNull(fallback, "fallback");
        AnswerExtractor self = this;
        return named(self.name() + "|" + fallback.name(), reply -> {
            Optional<String> found = self.extract(reply);
            return found.isPresent() ? found : fallback.extract(reply);
        });
    }

    /** The multiple-choice letter among {@code letters} ({@link ChoiceExtractor}), such as {@code "ABCD"}. */
    static AnswerExtractor choice(String letters) {
        return new ChoiceExtractor(letters);
    }

    /** The GSM8K-style final number, normalized ({@link FinalNumberExtractor}). */
    static AnswerExtractor finalNumber() {
        return FinalNumberExtractor.INSTANCE;
    }

    /**
     * The first match of {@code regex} in the reply: its first capturing group if it has one, else the whole match.
     */
    static AnswerExtractor regex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return named("regex(" + regex + ")", reply -> {
            Matcher m = pattern.matcher(reply);
            if (!m.find()) {
                return Optional.empty();
            }
            String found = m.groupCount() > 0 ? m.group(1) : m.group();
            return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
    }

    /** The whole reply, stripped: for answers that are nothing but the answer. */
    static AnswerExtractor whole() {
        return named("whole", reply -> reply.isBlank() ? Optional.empty() : Optional.of(reply.strip()));
    }

    /** An extractor with a name for reports. */
    static AnswerExtractor named(String name, AnswerExtractor extractor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extractor, "extractor");
        return new AnswerExtractor() {
            @Override
            public Optional<String> extract(String reply) {
                return extractor.extract(reply);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
