package dev.raq.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads samples from JSON Lines one line at a time: only the current line and the ids seen so far (to report
 * duplicates) are held in memory. Blank lines are skipped. Not thread-safe.
 */
final class JsonlSampleReader implements Iterator<Sample>, AutoCloseable {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final String file;
    private final BufferedReader reader;
    private final FieldMapping mapping;
    private final Map<String, Integer> lineOfId = new HashMap<>();
    private int lineNumber;
    private @Nullable Sample next;

    JsonlSampleReader(String file, BufferedReader reader, FieldMapping mapping) {
        this.file = file;
        this.reader = reader;
        this.mapping = mapping;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public Sample next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more samples in " + file);
        }
        Sample sample = Objects.requireNonNull(next);
        next = null;
        return sample;
    }

    private @Nullable Sample readNext() {
        String line;
        do {
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " after line " + lineNumber, e);
            }
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank());
        int current = lineNumber;
        JsonNode record;
        try {
            record = MAPPER.readTree(lineNumber == 1 ? stripBom(line) : line);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, current, "malformed JSON: " + e.getOriginalMessage());
        }
        Sample sample = new RecordReader(mapping, problem -> new DatasetFormatException(file, current, problem))
                .read(record);
        Integer first = lineOfId.putIfAbsent(sample.id(), current);
        if (first != null) {
            throw new DatasetFormatException(file, current, "duplicate sample id '" + sample.id()
                    + "' (first used on line " + first + ")");
        }
        return sample;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
