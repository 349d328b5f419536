package dev.raq.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An immutable, ordered list of {@link Sample}s with unique ids: what an evaluation runs on.
 *
 * <p>Read one from JSON Lines ({@link #fromJsonl(Path)}, one JSON object per line, any field names through a
 * {@link FieldMapping}) or from the official SQuAD v1.1 JSON ({@link #fromSquadJson(Path)}), or wrap samples built
 * in code ({@link #of(List)}). Reading problems throw a {@link DatasetFormatException} naming the file, the line and
 * the field, such as {@code "data.jsonl line 3: missing field 'question'"}. For files too large to hold,
 * {@link #streamJsonl(Path, FieldMapping)} reads one line at a time. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Dataset implements Iterable<Sample> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Sample> samples;

    private Dataset(List<Sample> samples) {
        this.samples = samples;
    }

    /**
     * A dataset of these samples, in this order.
     *
     * @param samples the samples; copied
     * @throws IllegalArgumentException if a sample is null or two samples share an id (naming both positions)
     */
    public static Dataset of(List<Sample> samples) {
        Objects.requireNonNull(samples, "samples");
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s == null) {
                throw new IllegalArgumentException("samples[" + i + "] is null");
            }
            Integer first = indexOfId.putIfAbsent(s.id(), i);
            if (first != null) {
                throw new IllegalArgumentException("samples[" + i + "] has id '" + s.id() + "' already used by samples["
                    + first + "]");
            }
        }
        return new Dataset(List.copyOf(samples));
    }

    /**
     * Reads a JSON Lines file (UTF-8, one JSON object per line, blank lines skipped) with the
     * {@link FieldMapping#defaults() default field mapping}: {@code id}, {@code question}, optional {@code context},
     * optional {@code answers} or {@code references} (a string or an array of strings). Other scalar fields become
     * metadata.
     *
     * @throws DatasetFormatException for malformed JSON, a missing or mistyped field, or a duplicate id
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static Dataset fromJsonl(Path file) {
        return fromJsonl(file, FieldMapping.defaults());
    }

    /**
     * Reads a JSON Lines file (UTF-8, one JSON object per line, blank lines skipped) with these field names.
     *
     * @throws DatasetFormatException for malformed JSON, a missing or mistyped field, or a duplicate id
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static Dataset fromJsonl(Path file, FieldMapping mapping) {
        try (Stream<Sample> stream = streamJsonl(file, mapping)) {
            return new Dataset(stream.toList());
        }
    }

    /**
     * Streams the samples of a JSON Lines file lazily, one line at a time, so that a large file need not fit in
     * memory (only the ids seen so far are kept, to report duplicates). Problems surface while the stream is
     * consumed, as in {@link #fromJsonl(Path, FieldMapping)}. Close the stream (try-with-resources) to close the
     * file.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Stream<Sample> streamJsonl(Path file, FieldMapping mapping) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mapping, "mapping");
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        JsonlSampleReader samples = new JsonlSampleReader(file.toString(), reader, mapping);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(samples,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(samples::close);
    }

    /**
     * Reads a CSV file (UTF-8, RFC 4180 quoting, a header row naming the columns) with these field names: each row
     * is read like a JSON Lines record whose fields are its columns; a references cell holding a JSON array
     * ({@code ["a", "b"]}) gives several references, any other text one; empty context and references cells are
     * absent; other columns become metadata.
     *
     * @throws DatasetFormatException for malformed CSV, a missing column value, or a duplicate id (naming file and
     *                                line)
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static Dataset fromCsv(Path file, FieldMapping mapping) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mapping, "mapping");
        return new Dataset(List.copyOf(CsvSamples.read(file, mapping)));
    }

    /**
     * Reads the official SQuAD v1.1 JSON ({@code data[].paragraphs[].qas[]}): every question becomes a sample with
     * the question's {@code id}, the paragraph's {@code context}, the {@code answers[].text} as references (verbatim,
     * duplicates kept, as the official evaluation script uses them) and the article's {@code title} as metadata
     * {@code "title"}. SQuAD 2.0 files read the same way; unanswerable questions get no references.
     *
     * @throws DatasetFormatException for malformed JSON, a missing or mistyped field (named by its JSON path, such
     *                                as {@code data[0].paragraphs[2].qas[1].question}), or a duplicate id
     * @throws UncheckedIOException   if the file cannot be read
     */
    public static Dataset fromSquadJson(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        JsonNode root;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = MAPPER.readTree(reader);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DatasetFormatException(name, Math.max(line, 0), "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Dataset(SquadReader.read(name, root));
    }

    /** The samples, in order; unmodifiable. */
    public List<Sample> samples() {
        return samples;
    }

    /** The number of samples. */
    public int size() {
        return samples.size();
    }

    /** True when the dataset has no samples. */
    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * The sample at {@code index}.
     *
     * @throws IndexOutOfBoundsException if the index is outside [0, size())
     */
    public Sample get(int index) {
        return samples.get(index);
    }

    /** The samples as a sequential stream, in order. */
    public Stream<Sample> stream() {
        return samples.stream();
    }

    @Override
    public Iterator<Sample> iterator() {
        return samples.iterator();
    }

    /**
     * The same samples in an order shuffled by {@code seed}: the same seed gives the same order on every JVM
     * ({@link Random} with this seed, Fisher–Yates as in {@link Collections#shuffle(List, Random)}).
     */
    public Dataset shuffled(long seed) {
        List<Sample> copy = new ArrayList<>(samples);
        Collections.shuffle(copy, new Random(seed));
        return new Dataset(List.copyOf(copy));
    }

    /**
     * The first {@code maxSamples} samples (all of them when there are fewer). Shuffle first for a random subset.
     *
     * @throws IllegalArgumentException if {@code maxSamples} is negative
     */
    public Dataset limit(int maxSamples) {
        Preconditions.checkArgument(maxSamples >= 0, () -> "maxSamples must be >= 0 but was " + maxSamples);
        return maxSamples >= samples.size() ? this : new Dataset(samples.subList(0, maxSamples));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Dataset && samples.equals(((Dataset) o).samples));
    }

    @Override
    public int hashCode() {
        return samples.hashCode();
    }

    @Override
    public String toString() {
        return "Dataset{" + samples.size() + " samples" + (samples.isEmpty() ? "" : ", first='" + samples.get(0).id()
                + "'") + "}";
    }
}
