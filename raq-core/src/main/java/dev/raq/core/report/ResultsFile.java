package dev.raq.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.internal.Utf16;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every sample's answers and judgments in a JSON Lines file, one {@link SampleResultCodec} object per line, written
 * as each sample finishes (so in finishing order, each line carrying its sample's index). An evaluation streams its
 * results here instead of keeping them in memory ({@code Evaluation.Builder#resultsFile}); {@link #forEach} reads
 * them back one at a time, so that a report of any size can be rebuilt ({@link EvaluationReport#readJson}).
 *
 * <p>Writing is buffered and thread-safe; {@link #close()} flushes. A lone UTF-16 surrogate in model text is written
 * as U+FFFD, as the result store does.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ResultsFile implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    private ResultsFile(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates (or empties) a results file.
     *
     * @throws UncheckedIOException if it cannot be created
     */
    public static ResultsFile create(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new ResultsFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create results file " + file, e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /**
     * Appends one sample's results as a line.
     *
     * @throws UncheckedIOException if the line cannot be written
     */
    public synchronized void append(SampleResult result) {
        try {
            out.write(Utf16.wellFormed(MAPPER.writeValueAsString(SampleResultCodec.toJson(result))));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to results file " + file, e);
        }
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Reads every sample result of a results file, one line at a time, in the file's order.
     *
     * @throws IllegalArgumentException naming the file and line of a line that is not a sample result
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static void forEach(Path file, Consumer<SampleResult> action) {
        Objects.requireNonNull(action, "action");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                SampleResult result;
                try {
                    result = SampleResultCodec.fromJson(MAPPER.readTree(line));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + " is not a sample result: "
                            + e.getMessage(), e);
                }
                action.accept(result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file, e);
        }
    }
}
