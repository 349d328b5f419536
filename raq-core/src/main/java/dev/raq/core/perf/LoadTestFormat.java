package dev.raq.core.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.model.FailureCause;
import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes load-test reports: a table for the terminal (one row per run, as a sweep reads best), Markdown (the same
 * table, the percentiles and the failures) and JSON (every figure, in milliseconds and per second). The reports
 * know no format; this class is the one place that does. Stateless and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LoadTestFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadTestFormat() {
    }

    private record Column(String title, Function<LoadTestReport, String> value) {
    }

    private static List<Column> columns(List<LoadTestReport> reports) {
        boolean estimated = reports.stream().anyMatch(r -> r.estimatedTokenRequests() > 0);
        String est = estimated ? "~" : "";
        List<Column> c = new ArrayList<>();
        c.add(new Column("Load", r -> r.profile().isOpenLoop() ? "rate " + number(r.profile().rate())
                : "conc " + r.profile().concurrency()));
        c.add(new Column("Req", r -> Long.toString(r.requests())));
        c.add(new Column("OK", r -> Long.toString(r.succeeded())));
        c.add(new Column("Fail", r -> Long.toString(r.failed())));
        c.add(new Column("Time s", r -> fixed(r.duration().toNanos() / 1e9, 2)));
        c.add(new Column("QPS", r -> fixed(r.requestThroughput(), 2)));
        c.add(new Column("Lat ms", r -> ms(r.latency(), r.latency().mean())));
        c.add(new Column("P99 lat", r -> ms(r.latency(), r.latency().p99())));
        c.add(new Column("TTFT ms", r -> ms(r.timeToFirstToken(), r.timeToFirstToken().mean())));
        c.add(new Column("P99 TTFT", r -> ms(r.timeToFirstToken(), r.timeToFirstToken().p99())));
        c.add(new Column("TPOT ms", r -> ms(r.timePerOutputToken(), r.timePerOutputToken().mean())));
        c.add(new Column("P99 TPOT", r -> ms(r.timePerOutputToken(), r.timePerOutputToken().p99())));
        c.add(new Column("ITL ms", r -> ms(r.interTokenLatency(), r.interTokenLatency().mean())));
        c.add(new Column("P99 ITL", r -> ms(r.interTokenLatency(), r.interTokenLatency().p99())));
        c.add(new Column(est + "Out tok/s", r -> fixed(r.outputTokenThroughput(), 1)));
        c.add(new Column(est + "In tok/req", r -> fixed(r.meanInputTokens(), 1)));
        c.add(new Column(est + "Out tok/req", r -> fixed(r.meanOutputTokens(), 1)));
        c.add(new Column("Pkg/req", r -> fixed(r.chunksPerRequest(), 1)));
        c.add(new Column("ms/pkg", r -> r.streamed() == 0 ? "-" : fixed(r.timePerChunkMillis(), 2)));
        if (reports.stream().anyMatch(r -> r.sla().isPresent())) {
            c.add(new Column("Goodput", r -> r.goodput().isPresent() ? fixed(r.goodput().getAsDouble(), 2) : "-"));
            c.add(new Column("SLA %", r -> r.slaAttainment().isPresent()
                    ? fixed(100 * r.slaAttainment().getAsDouble(), 1) : "-"));
        }
        return c;
    }

    /**
     * A plain-text table for a terminal, one row per run, followed by the failures by cause, the notes (token
     * estimates, saturation) and the measurement's CPU cost. A {@code ~} before a token column marks estimates.
     */
    public static String table(List<LoadTestReport> reports) {
        Objects.requireNonNull(reports, "reports");
        List<Column> cols = columns(reports);
        List<String[]> rows = new ArrayList<>();
        for (LoadTestReport r : reports) {
            String[] row = new String[cols.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = cols.get(i).value().apply(r);
            }
            rows.add(row);
        }
        int[] width = new int[cols.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = cols.get(i).title().length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            sb.append(i == 0 ? "" : "  ").append(pad(cols.get(i).title(), width[i], i == 0));
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n').append(rule).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : "  ").append(pad(row[i], width[i], i == 0));
            }
            sb.append('\n');
        }
        appendNotes(sb, reports, "");
        return sb.toString();
    }

    /** Markdown: the summary table, then per run the percentiles of latency, TTFT, TPOT and ITL, and the failures. */
    public static String markdown(List<LoadTestReport> reports) {
        Objects.requireNonNull(reports, "reports");
        List<Column> cols = columns(reports);
        StringBuilder sb = new StringBuilder("## Load test\n\n|");
        for (Column c : cols) {
            sb.append(' ').append(c.title()).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i == 0 ? " --- |" : " ---: |");
        }
        sb.append('\n');
        for (LoadTestReport r : reports) {
            sb.append('|');
            for (Column c : cols) {
                sb.append(' ').append(c.value().apply(r)).append(" |");
            }
            sb.append('\n');
        }
        for (LoadTestReport r : reports) {
            sb.append("\n### ").append(r.profile()).append("\n\n")
                    .append("| Metric (ms) | n | mean | min | p50 | p90 | p95 | p99 | max |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            percentileRow(sb, "Latency", r.latency());
            percentileRow(sb, "TTFT", r.timeToFirstToken());
            percentileRow(sb, "TPOT", r.timePerOutputToken());
            percentileRow(sb, "ITL", r.interTokenLatency());
            sb.append('\n');
            appendNotes(sb, List.of(r), "- ");
        }
        sb.append("\nDefinitions: docs/load-test.md (the same names as EvalScope perf and vLLM benchmark_serving).\n");
        return sb.toString();
    }

    /** JSON: an array with one object per run holding every figure; timings in milliseconds. */
    public static String json(List<LoadTestReport> reports) {
        Objects.requireNonNull(reports, "reports");
        ArrayNode array = JSON.createArrayNode();
        for (LoadTestReport r : reports) {
            array.add(node(r));
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the load-test report as JSON", e);
        }
    }

    private static ObjectNode node(LoadTestReport r) {
        ObjectNode n = JSON.createObjectNode();
        if (r.profile().isOpenLoop()) {
            n.put("requestRate", r.profile().rate());
        } else {
            n.put("concurrency", r.profile().concurrency());
        }
        n.put("timeTakenSeconds", r.duration().toNanos() / 1e9);
        n.put("totalRequests", r.requests());
        n.put("succeedRequests", r.succeeded());
        n.put("failedRequests", r.failed());
        ObjectNode causes = n.putObject("failuresByCause");
        for (Map.Entry<FailureCause, Long> e : r.failuresByCause().entrySet()) {
            causes.put(e.getKey().name(), e.getValue());
        }
        n.put("streamedRequests", r.streamed());
        n.put("requestThroughput", r.requestThroughput());
        n.put("outputTokenThroughput", r.outputTokenThroughput());
        n.put("totalTokenThroughput", r.totalTokenThroughput());
        n.put("averageInputTokensPerRequest", r.meanInputTokens());
        n.put("averageOutputTokensPerRequest", r.meanOutputTokens());
        n.put("tokensEstimatedRequests", r.estimatedTokenRequests());
        n.put("averagePackagesPerRequest", r.chunksPerRequest());
        n.put("averageTimePerPackageMs", r.timePerChunkMillis());
        n.set("latencyMs", stats(r.latency()));
        n.set("timeToFirstTokenMs", stats(r.timeToFirstToken()));
        n.set("timePerOutputTokenMs", stats(r.timePerOutputToken()));
        n.set("interTokenLatencyMs", stats(r.interTokenLatency()));
        r.sla().ifPresent(s -> {
            n.putObject("sla").put("ttftMs", s.ttftMillis()).put("tpotMs", s.tpotMillis());
            n.put("goodput", r.goodput().orElse(0));
            n.put("slaAttainment", r.slaAttainment().orElse(0));
        });
        n.put("meanInFlight", r.meanInFlight());
        n.put("cpuMsPerRequest", r.cpuMillisPerRequest());
        n.put("loadGeneratorCpuShare", r.loadGeneratorCpuShare());
        ArrayNode warnings = n.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return n;
    }

    private static ObjectNode stats(LatencyStats s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("count", s.count());
        if (s.count() > 0) {
            n.put("mean", s.mean()).put("min", s.min()).put("p50", s.p50()).put("p90", s.p90()).put("p95", s.p95())
                    .put("p99", s.p99()).put("max", s.max());
        }
        return n;
    }

    private static void percentileRow(StringBuilder sb, String name, LatencyStats s) {
        sb.append("| ").append(name).append(" | ").append(s.count());
        for (double v : new double[] {s.mean(), s.min(), s.p50(), s.p90(), s.p95(), s.p99(), s.max()}) {
            sb.append(" | ").append(s.count() == 0 ? "-" : fixed(v, 2));
        }
        sb.append(" |\n");
    }

    private static void appendNotes(StringBuilder sb, List<LoadTestReport> reports, String bullet) {
        for (LoadTestReport r : reports) {
            String label = reports.size() > 1 ? r.profile() + ": " : "";
            if (!r.failuresByCause().isEmpty()) {
                StringBuilder causes = new StringBuilder();
                r.failuresByCause().forEach((cause, n) -> causes.append(causes.length() == 0 ? "" : ", ")
                        .append(n).append(' ').append(cause.label()));
                sb.append(bullet).append(label).append("failed ").append(r.failed()).append(" of ")
                        .append(r.requests()).append(": ").append(causes).append('\n');
            }
            for (String w : r.warnings()) {
                sb.append(bullet).append(label).append("warning: ").append(w).append('\n');
            }
            if (r.cpuMillisPerRequest() >= 0) {
                sb.append(bullet).append(label).append(String.format(Locale.ROOT,
                        "measurement overhead: %.2f ms CPU per request (%.0f%% of the machine)",
                        r.cpuMillisPerRequest(), Math.max(0, r.loadGeneratorCpuShare()) * 100)).append('\n');
            }
        }
    }

    private static String ms(LatencyStats s, double value) {
        return s.count() == 0 ? "-" : fixed(value, 2);
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A number without trailing zeros: {@code 2}, {@code 2.5}. */
    static String number(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }
}
