package dev.raq.core.report;

import dev.raq.core.internal.WellFormedWriter;
import org.apiguardian.api.API;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes an {@link EvaluationReport} in one format; the report itself knows no format. {@link ReportWriters} has
 * the built-in JSON and Markdown writers; other modules add their own (an HTML report, JUnit XML for CI). A writer
 * streams: it writes as it goes, so a report of any size can be written. Implementations are stateless and
 * thread-safe.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReportWriter {

    /**
     * Writes the report to {@code out} (not closed).
     *
     * @throws IOException if {@code out} fails
     */
    void write(EvaluationReport report, Writer out) throws IOException;

    /**
     * Writes the report to a file as UTF-8, creating parent directories. A lone UTF-16 surrogate in any text (model
     * output can hold one) is written as U+FFFD, never an error that would lose the report; how many were replaced
     * is logged (WARNING) with the file's name.
     *
     * @throws UncheckedIOException if the file cannot be written, naming it
     */
    default void write(EvaluationReport report, Path file) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            WellFormedWriter out = new WellFormedWriter(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(file), StandardCharsets.UTF_8)));
            try (out) {
                write(report, out);
            }
            if (out.replaced() > 0) {
                System.getLogger(ReportWriter.class.getName()).log(System.Logger.Level.WARNING, "replaced "
                        + out.replaced() + " lone UTF-16 surrogate(s) in the report's text with U+FFFD in " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report to " + file, e);
        }
    }

    /** The report as one string (for small reports and tests; files and streams need none). */
    default String render(EvaluationReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter failed", e);
        }
        return out.toString();
    }
}
