package dev.raq.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns one JSON record into a {@link Sample} following a {@link FieldMapping}; problems become exceptions. */
final class RecordReader {

    private final FieldMapping mapping;
    private final Function<String, DatasetFormatException> problem;

    /**
     * @param mapping the field mapping
     * @param problem turns a problem description into an exception that names the file and line
     */
    RecordReader(FieldMapping mapping, Function<String, DatasetFormatException> problem) {
        this.mapping = mapping;
        this.problem = problem;
    }

    Sample read(JsonNode record) {
        if (!record.isObject()) {
            throw problem.apply("expected a JSON object but was " + describe(record));
        }
        String id = id(record);
        String question = requiredString(record, mapping.question());
        String context = mapping.context() == null ? null : optionalString(record, mapping.context());
        String referencesField = mapping.references();
        if (referencesField != null && mapping.fallsBackToReferences() && !record.has(referencesField)) {
            referencesField = FieldMapping.FALLBACK_REFERENCES;
        }
        List<String> references = referencesField == null ? List.of() : references(record, referencesField);
        Map<String, String> metadata = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (isMapped(name, referencesField) || !e.getValue().isValueNode() || e.getValue().isNull()) {
                continue;
            }
            metadata.put(name, e.getValue().asText());
        }
        return new Sample(id, question, context, references, metadata);
    }

    private boolean isMapped(String name, @Nullable String referencesField) {
        return name.equals(mapping.id()) || name.equals(mapping.question()) || name.equals(mapping.context())
                || name.equals(referencesField);
    }

    private String id(JsonNode record) {
        JsonNode node = record.get(mapping.id());
        if (node == null || node.isNull()) {
            throw problem.apply("missing field '" + mapping.id() + "'");
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw problem.apply("field '" + mapping.id() + "' must be a string or an integer but was "
                    + describe(node));
        }
        String id = node.asText();
        if (id.isBlank()) {
            throw problem.apply("field '" + mapping.id() + "' must not be blank");
        }
        return id;
    }

    private String requiredString(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            throw problem.apply("missing field '" + field + "'");
        }
        if (!node.isTextual()) {
            throw problem.apply("field '" + field + "' must be a string but was " + describe(node));
        }
        return node.textValue();
    }

    private @Nullable String optionalString(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem.apply("field '" + field + "' must be a string but was " + describe(node));
        }
        return node.textValue();
    }

    private List<String> references(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw problem.apply("field '" + field + "' must be a string or an array of strings but was "
                    + describe(node));
        }
        List<String> references = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw problem.apply("field '" + field + "[" + i + "]' must be a string but was " + describe(element));
            }
            references.add(element.textValue());
        }
        return references;
    }

    /** "a number (42)", "an array", "null" … for error messages. */
    static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            case BOOLEAN:
                return "a boolean (" + node.asText() + ")";
            case NUMBER:
                return "a number (" + node.asText() + ")";
            case STRING:
                return "a string";
            default:
                return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
