package dev.raq.report.html;

import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ReportWriters;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the Markdown report with its charts as SVG files beside it ({@code report.md} and
 * {@code report-charts/*.svg}), linked from a "Charts" section at its end, so that GitHub and other Markdown viewers
 * show the pictures the HTML report has.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkdownWithCharts {

    private MarkdownWithCharts() {
    }

    /**
     * Writes {@code markdown} and its chart folder (named after it, {@code -charts}), replacing earlier charts.
     *
     * @return the chart files written
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> write(EvaluationReport report, Path markdown) {
        Objects.requireNonNull(report, "report");
        String name = markdown.getFileName().toString();
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        Path folder = markdown.resolveSibling(stem + "-charts");
        List<Path> written = new ArrayList<>();
        StringBuilder links = new StringBuilder("\n## Charts\n\n");
        try {
            Files.createDirectories(folder);
            try (var old = Files.list(folder)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".svg")).toList()) {
                    Files.delete(p);
                }
            }
            for (ReportCharts.Chart chart : ReportCharts.all(report)) {
                Path file = folder.resolve(chart.id() + ".svg");
                Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg() + "\n",
                        StandardCharsets.UTF_8);
                written.add(file);
                links.append("![").append(altText(chart.title())).append("](").append(stem).append("-charts/")
                        .append(chart.id()).append(".svg)\n\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the charts in " + folder, e);
        }
        report.write(markdown, (r, out) -> {
            ReportWriters.markdown().write(r, out);
            out.write(links.toString());
        });
        return written;
    }

    /** The title as Markdown image text: no brackets, parentheses, pipes, backticks, angle brackets or line breaks. */
    static String altText(String title) {
        return title.replaceAll("[\\[\\]()|`<>\\r\\n]", " ").replaceAll(" +", " ").strip();
    }
}
