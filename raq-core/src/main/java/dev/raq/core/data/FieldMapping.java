package dev.raq.core.data;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * Which JSON fields of a dataset record hold a sample's id, question, context and reference answers.
 *
 * <p>The {@link #defaults() default} mapping reads {@code id}, {@code question}, {@code context} and the reference
 * answers from {@code answers} (or, when a record has no {@code answers} field, from {@code references}). Change one
 * field at a time: {@code FieldMapping.defaults().withQuestion("prompt").withReferences("gold")}.
 *
 * <p>How values are read: the id may be a JSON string or an integer; the question must be a string; the context a
 * string or null (absent means no context); the references a string (one reference), an array of strings, or null
 * (absent means no references). Every other top-level field holding a string, number or boolean becomes sample
 * metadata under its own name.
 *
 * @param id         the field holding the sample id (required in every record)
 * @param question   the field holding the question (required in every record)
 * @param context    the field holding the context passage, or null when contexts are not read at all
 * @param references the field holding the reference answers, or null when references are not read at all
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FieldMapping(String id, String question, @Nullable String context, @Nullable String references) {

    /** The field the default mapping falls back to for references when a record has no {@code answers} field. */
    static final String FALLBACK_REFERENCES = "references";

    private static final FieldMapping DEFAULTS = new FieldMapping("id", "question", "context", "answers");

    /**
     * Validates the field names.
     *
     * @throws IllegalArgumentException if a field name is blank or two components name the same field
     */
    public FieldMapping {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        requireNotBlank("id", id);
        requireNotBlank("question", question);
        if (context != null) {
            requireNotBlank("context", context);
        }
        if (references != null) {
            requireNotBlank("references", references);
        }
        String[] names = {id, question, context, references};
        String[] roles = {"id", "question", "context", "references"};
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                if (names[i] != null && names[i].equals(names[j])) {
                    throw new IllegalArgumentException(roles[i] + " and " + roles[j] + " must name different fields "
                            + "but both are '" + names[i] + "'");
                }
            }
        }
    }

    /** The default mapping: {@code id}, {@code question}, {@code context}, {@code answers} (or {@code references}). */
    public static FieldMapping defaults() {
        return DEFAULTS;
    }

    /** This mapping with the id read from {@code field}. */
    public FieldMapping withId(String field) {
        return new FieldMapping(field, question, context, references);
    }

    /** This mapping with the question read from {@code field}. */
    public FieldMapping withQuestion(String field) {
        return new FieldMapping(id, field, context, references);
    }

    /** This mapping with the context read from {@code field}, or contexts not read at all when null. */
    public FieldMapping withContext(@Nullable String field) {
        return new FieldMapping(id, question, field, references);
    }

    /** This mapping with the references read from {@code field}, or references not read at all when null. */
    public FieldMapping withReferences(@Nullable String field) {
        return new FieldMapping(id, question, context, field);
    }

    /** True for the default mapping, which also accepts {@code references} when {@code answers} is absent. */
    boolean fallsBackToReferences() {
        return equals(DEFAULTS);
    }

    private static void requireNotBlank(String role, String field) {
        Preconditions.checkArgument(!field.isBlank(), () -> role + " field name must not be blank");
    }
}
