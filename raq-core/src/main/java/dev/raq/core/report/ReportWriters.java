package dev.raq.core.report;

/** The built-in {@link ReportWriter}s: JSON (schema {@value EvaluationReport#SCHEMA}) and Markdown. */
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
