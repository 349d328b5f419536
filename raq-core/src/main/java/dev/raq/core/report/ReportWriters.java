package dev.raq.core.report;

import org.apiguardian.api.API;

/** The built-in {@link ReportWriter}s: JSON (schema {@value EvaluationReport#SCHEMA}) and Markdown. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportWriters {

    private ReportWriters() {
    }

    /** JSON following schema {@value EvaluationReport#SCHEMA} ({@code docs/report-schema.md}), samples streamed. */
    public static ReportWriter json() {
        return ReportJson.INSTANCE;
    }

    /** Markdown: problems first, then tables that can be pasted into a pull request or an issue. */
    public static ReportWriter markdown() {
        return (report, out) -> out.write(ReportMarkdown.write(report, true));
    }
}
