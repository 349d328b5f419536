package dev.raq.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file with a header row into samples: each row becomes a record of its columns (text), read by the
 * same rules as a JSON Lines record; a references cell holding a JSON array ({@code ["a", "b"]}) gives several
 * references, any other text one. Errors name the file and the row's line.
 */
final class CsvSamples {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CsvSamples() {
    }

    static List<Sample> read(Path file, FieldMapping mapping) {
        String name = file.toString();
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                     .readValues(reader)) {
            while (true) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    line = rows.getCurrentLocation().getLineNr();
                    row = rows.nextValue();
                } catch (JsonProcessingException e) {
                    throw new DatasetFormatException(name, e.getLocation() == null ? line
                            : e.getLocation().getLineNr(), "malformed CSV: " + e.getOriginalMessage());
                }
                int current = line;
                ObjectNode record = JSON.createObjectNode();
                row.forEach((column, value) -> record.set(column.startsWith("\uFEFF") ? column.substring(1) : column,
                        cell(name, current, column, value, mapping)));
                Sample sample = new RecordReader(mapping, problem -> new DatasetFormatException(name, current,
                        problem)).read(record);
                Integer first = lineOfId.putIfAbsent(sample.id(), current);
                if (first != null) {
                    throw new DatasetFormatException(name, current, "duplicate sample id '" + sample.id()
                            + "' (first used on line " + first + ")");
                }
                samples.add(sample);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return samples;
    }

    /** A cell as JSON: the references column's JSON array as an array, an empty optional cell as null. */
    private static JsonNode cell(String file, int line, String column, String value, FieldMapping mapping) {
        boolean references = column.equals(mapping.references());
        if (references && value.strip().startsWith("[")) {
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                throw new DatasetFormatException(file, line, "column '" + column + "' starts like a JSON array but "
                        + "is not one: " + e.getOriginalMessage());
            }
        }
        if (value.isEmpty() && (references || column.equals(mapping.context()))) {
            return JSON.nullNode();
        }
        return JSON.getNodeFactory().textNode(value);
    }
}
