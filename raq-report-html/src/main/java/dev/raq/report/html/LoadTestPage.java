package dev.raq.report.html;

import dev.raq.core.perf.LoadTestFormat;
import dev.raq.core.perf.LoadTestReport;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A load test's results as one self-contained HTML page ({@code raq perf --html}): the summary table, then SVG charts
 * of throughput against the load (requests and output tokens per second), latency percentiles against the load, and
 * the distribution of time to first token (its percentiles) per run. Like the evaluation report it runs no script
 * and loads nothing, under a Content-Security-Policy that admits only inline styles and data images; every text is
 * escaped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LoadTestPage {

    private LoadTestPage() {
    }

    /**
     * The page of a sweep (one report per load level, in order).
     *
     * @throws IllegalArgumentException if there is no report
     */
    public static String html(List<LoadTestReport> reports) {
        Objects.requireNonNull(reports, "reports");
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a load-test page needs at least one run");
        }
        List<String> loads = reports.stream().map(r -> r.profile().toString()).toList();
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                        + "'unsafe-inline'; img-src data:\">\n<meta name=\"referrer\" content=\"no-referrer\">"
                        + "<title>RAQ load test</title>\n<style>").append(PageStyle.CSS).append("</style></head>\n")
                .append("<body>\n<header><h1>RAQ load test</h1><p class=\"lead\">")
                .append(Html.escape(reports.size() + (reports.size() == 1 ? " run" : " runs") + ": "
                        + String.join(", ", loads))).append("</p></header>\n<main>\n");
        sb.append("<section><h2>Summary</h2><pre class=\"md\">").append(Html.escape(LoadTestFormat.table(reports)))
                .append("</pre></section>\n");
        sb.append("<section><h2>Throughput</h2>")
                .append(Charts.bars("Requests per second (succeeded) by load", "requests/s", loads,
                        List.of("requests/s"), List.of(values(reports, LoadTestReport::requestThroughput))))
                .append(Charts.bars("Output tokens per second by load", "tokens/s", loads, List.of("output tokens/s"),
                        List.of(values(reports, LoadTestReport::outputTokenThroughput))))
                .append("</section>\n");
        sb.append("<section><h2>Latency</h2>")
                .append(Charts.bars("End-to-end latency percentiles by load", "ms", loads,
                        List.of("p50", "p90", "p99"), List.of(values(reports, r -> r.latency().p50()),
                                values(reports, r -> r.latency().p90()), values(reports, r -> r.latency().p99()))))
                .append(Charts.bars("Time per output token percentiles by load", "ms", loads,
                        List.of("p50", "p90", "p99"), List.of(values(reports, r -> r.timePerOutputToken().p50()),
                                values(reports, r -> r.timePerOutputToken().p90()),
                                values(reports, r -> r.timePerOutputToken().p99()))))
                .append("</section>\n");
        sb.append("<section><h2>Time to first token</h2>")
                .append(Charts.bars("Distribution of time to first token (percentiles) by load", "ms", loads,
                        List.of("p50", "p90", "p95", "p99"), List.of(values(reports, r -> r.timeToFirstToken().p50()),
                                values(reports, r -> r.timeToFirstToken().p90()),
                                values(reports, r -> r.timeToFirstToken().p95()),
                                values(reports, r -> r.timeToFirstToken().p99()))))
                .append("</section>\n");
        sb.append("<p class=\"lead\">Definitions: docs/load-test.md (the names of EvalScope perf and vLLM "
                + "benchmark_serving).</p>\n</main>\n</body></html>\n");
        return sb.toString();
    }

    /** Writes {@link #html(List)} to a file. */
    public static void write(List<LoadTestReport> reports, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html(reports), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One value per run; a run without succeeded requests has none (NaN, left out of the chart). */
    private static double[] values(List<LoadTestReport> reports, Function<LoadTestReport, Double> value) {
        List<Double> out = new ArrayList<>();
        for (LoadTestReport r : reports) {
            out.add(r.succeeded() == 0 ? Double.NaN : value.apply(r));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
