package dev.raq.metrics.extract;

import dev.raq.commons.Preconditions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The option letter a reply chooses, tried in this order (the first rule that finds a letter wins; within a rule, the
 * last occurrence, since a reply that reasons first states its answer last):
 * <ol>
 *   <li>a stated answer: {@code Answer: B}, {@code answer is (B)}, {@code the correct answer is b.},
 *       {@code Answer - [B]} (letter in any case);</li>
 *   <li>a reply that is only a letter, with optional brackets and punctuation: {@code B}, {@code (b)}, {@code B.};</li>
 *   <li>a bracketed letter anywhere: {@code (B)}, {@code [b]};</li>
 *   <li>the last capital option letter standing alone as a word ({@code I pick B because}); lower case is not read
 *       here, so the article "a" never counts as option A.</li>
 * </ol>
 * The letter is returned in upper case. Letters outside the options are not read.
 */
final class ChoiceExtractor implements AnswerExtractor {

    private final String letters;
    private final Pattern stated;
    private final Pattern alone;
    private final Pattern bracketed;
    private final Pattern capital;

    ChoiceExtractor(String letters) {
        Preconditions.checkArgument(letters.matches("[A-Z]{2,26}"), () -> "option letters must be 2 to 26 capital "
                + "letters, such as \"ABCD\", but were \"" + letters + "\"");
        this.letters = letters;
        String set = "[" + letters + letters.toLowerCase(Locale.ROOT) + "]";
        this.stated = Pattern.compile("(?i)\\banswer\\s*(?:is|:|-|=)?\\s*(?:option\\s*)?[(\\[]?\\s*(" + set
                + ")\\s*[)\\]]?(?![\\p{L}\\p{N}])");
        this.alone = Pattern.compile("^\\s*[(\\[]?\\s*(" + set + ")\\s*[)\\].:]?\\s*$");
        this.bracketed = Pattern.compile("[(\\[]\\s*(" + set + ")\\s*[)\\]]");
        this.capital = Pattern.compile("(?<![\\p{L}\\p{N}])([" + letters + "])(?![\\p{L}\\p{N}])");
    }

    @Override
    public Optional<String> extract(String reply) {
        for (Pattern rule : new Pattern[] {stated, alone, bracketed, capital}) {
            Matcher m = rule.matcher(reply);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last != null) {
                return Optional.of(last.toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "choice(" + letters + ")";
    }
}
