package dev.raq.core.data;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A prompt with named placeholders that {@link #render(Sample) renders} one sample into the text a candidate model
 * is asked: {@code "Answer briefly.\nContext: {context}\nQuestion: {question}"}.
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code {question}} — the question;</li>
 *   <li>{@code {context}} — the context passage (the sample must have one);</li>
 *   <li>{@code {references}} — every reference answer, one per line (the sample must have at least one);</li>
 *   <li>{@code {reference}} — the first reference answer (the sample must have at least one);</li>
 *   <li>any other name — the sample's metadata value under that key (the four names above take precedence).</li>
 * </ul>
 * Names consist of letters, digits, {@code _}, {@code -} and {@code .}. Write <code>&#123;&#123;</code> and
 * <code>&#125;&#125;</code> for literal braces. The template's syntax (unbalanced braces, empty or malformed names)
 * is checked when it is created; whether a sample can fill every placeholder (a metadata key, a context,
 * references) can only be checked when it is rendered, and a sample that cannot throws an
 * {@link IllegalArgumentException} naming the placeholder and the sample id. Values are inserted verbatim.
 * Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PromptTemplate {

    /** The placeholder for the question. */
    public static final String QUESTION = "question";
    /** The placeholder for the context passage. */
    public static final String CONTEXT = "context";
    /** The placeholder for all reference answers, one per line. */
    public static final String REFERENCES = "references";
    /** The placeholder for the first reference answer. */
    public static final String REFERENCE = "reference";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String template;
    /** Literal text and placeholder names, alternating: literal, name, literal, … , literal. */
    private final List<String> parts;

    private PromptTemplate(String template, List<String> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Parses a template.
     *
     * @param template the text with {@code {name}} placeholders and <code>&#123;&#123;</code> /
     *                 <code>&#125;&#125;</code> escapes
     * @throws IllegalArgumentException if a brace is unbalanced or a placeholder name is empty or malformed, naming
     *                                  the position
     */
    public static PromptTemplate of(String template) {
        Objects.requireNonNull(template, "template");
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' at index " + i + " of prompt template (write '}}' "
                        + "for a literal brace)");
            } else if (c == '{') {
                int end = template.indexOf('}', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' at index " + i + " of prompt template (write "
                        + "'{{' for a literal brace)");
                }
                String name = template.substring(i + 1, end);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("placeholder {" + name + "} at index " + i + " of prompt "
                            + "template is not a name (letters, digits, '_', '-', '.')");
                }
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(name);
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        parts.add(literal.toString());
        return new PromptTemplate(template, List.copyOf(parts));
    }

    /** The template text as given. */
    public String template() {
        return template;
    }

    /** The placeholder names in order of first appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /**
     * Renders a sample: every placeholder replaced by the sample's value, escapes turned into braces.
     *
     * @throws IllegalArgumentException if a placeholder is neither a built-in name nor a metadata key of the
     *                                  sample, or the sample has no value for it ({@code {context}} without a
     *                                  context, {@code {reference}} without references); the message names the
     *                                  placeholder and the sample id
     */
    public String render(Sample sample) {
        Objects.requireNonNull(sample, "sample");
        StringBuilder out = new StringBuilder(template.length() + 256);
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : value(parts.get(i), sample));
        }
        return out.toString();
    }

    private static String value(String name, Sample sample) {
        switch (name) {
            case QUESTION:
                return sample.question();
            case CONTEXT:
                if (sample.context() == null) {
                    throw cannotFill(name, sample, "the sample has no context");
                }
                return sample.context();
            case REFERENCES:
            case REFERENCE:
                if (!sample.hasReferences()) {
                    throw cannotFill(name, sample, "the sample has no reference answers");
                }
                return name.equals(REFERENCE) ? sample.references().get(0) : String.join("\n", sample.references());
            default:
                return Preconditions.checkPresent(sample.metadata().get(name), () ->
                        "unknown placeholder {" + name + "} for sample '" + sample.id()
                        + "': not question, context, references, reference or a metadata key of the sample "
                        + "(its metadata keys: " + new java.util.TreeSet<>(sample.metadata().keySet()) + ")");
        }
    }

    private static IllegalArgumentException cannotFill(String name, Sample sample, String why) {
        return new IllegalArgumentException("placeholder {" + name + "} cannot be filled for sample '" + sample.id()
                + "': " + why);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PromptTemplate && template.equals(((PromptTemplate) o).template));
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return "PromptTemplate{" + (template.length() > 80 ? template.substring(0, 77) + "..." : template) + "}";
    }
}
