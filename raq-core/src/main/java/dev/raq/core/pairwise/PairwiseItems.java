package dev.raq.core.pairwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads pairwise files in Nova's JSONL format ({@code {"prompt": …, "response_A": …, "response_B": …}}, field names
 * configurable), for judging existing outputs without calling any candidate, or for computing metrics over verdicts
 * some other tool already gave.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairwiseItems {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PairwiseItems() {
    }

    /**
     * Reads every non-blank line of {@code file}.
     *
     * @throws IllegalArgumentException naming the file, the line and the field for malformed JSON, a line that is
     *                                  not an object, a missing required field, or a field of the wrong type
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<PairwiseItem> readJsonl(Path file, PairwiseFields fields) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fields, "fields");
        List<PairwiseItem> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    items.add(parseLine(file, line, text, fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return items;
    }

    static PairwiseItem parseLine(Path file, int line, String text, PairwiseFields fields) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": malformed JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(file + " line " + line + ": expected a JSON object");
        }
        return new PairwiseItem(line,
                required(file, line, node, fields.prompt()),
                required(file, line, node, fields.responseA()),
                required(file, line, node, fields.responseB()),
                optional(file, line, node, fields.reference()),
                optional(file, line, node, fields.verdict()));
    }

    private static String required(Path file, int line, JsonNode node, String field) {
        return Preconditions.checkPresent(optional(file, line, node, field),
                () -> file + " line " + line + ": missing field '" + field + "'");
    }

    private static @Nullable String optional(Path file, int line, JsonNode node, @Nullable String field) {
        if (field == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(file + " line " + line + ": field '" + field + "' must be a string but was "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }
}
