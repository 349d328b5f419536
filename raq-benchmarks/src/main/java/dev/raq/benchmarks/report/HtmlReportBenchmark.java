package dev.raq.benchmarks.report;

import dev.raq.core.report.EvaluationReport;
import dev.raq.examples.OfflineDemo;
import dev.raq.report.html.HtmlReportWriter;
import dev.raq.report.html.MarkdownWithCharts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the HTML report of the offline demo costs to render (300 samples, 5 candidates, its charts and the
 * drill-down), and the Markdown report with its SVG charts written to disk. The page's size is printed at setup.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests && java -jar
 * raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.report.HtmlReportBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HtmlReportBenchmark {

    /** The demo's F1 report with RAQ's default test. */
    @State(Scope.Benchmark)
    public static class Demo {
        EvaluationReport report;
        Path folder;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            folder = Files.createTempDirectory("raq-html-benchmark");
            report = java.util.Objects.requireNonNull(OfflineDemo.run(folder).get("squad-f1-friedman-conover-holm"));
            StringWriter out = new StringWriter();
            HtmlReportWriter.create().write(report, out);
            System.out.printf("%nHTML report of the demo: %,d characters%n", out.toString().length());
        }
    }

    /** The HTML page, in memory. */
    @Benchmark
    public int html(Demo demo) {
        StringWriter out = new StringWriter();
        try {
            HtmlReportWriter.create().write(demo.report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.getBuffer().length();
    }

    /** The Markdown report and its SVG chart files, on disk. */
    @Benchmark
    public int markdownWithCharts(Demo demo) {
        return MarkdownWithCharts.write(demo.report, demo.folder.resolve("report.md")).size();
    }
}
