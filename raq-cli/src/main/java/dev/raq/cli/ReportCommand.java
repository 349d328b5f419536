package dev.raq.cli;

import dev.raq.core.report.EvaluationReport;
import dev.raq.report.html.HtmlReportWriter;
import dev.raq.report.html.MarkdownWithCharts;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code raq report report.json --html report.html}: renders a JSON report as HTML and/or Markdown (with its SVG
 * charts) without running anything: the statistics are computed again from the samples in the JSON
 * ({@link EvaluationReport#readJson}); a judge kind's own section (a pairwise leaderboard) needs its judge and is
 * not in the rendering.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a JSON report as HTML and/or Markdown (with its SVG charts)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REPORT_JSON", description = "a report written by raq run or writeJson")
    Path input;

    @Option(names = "--html", paramLabel = "FILE", description = "write the HTML report here")
    @Nullable Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "write the Markdown report here, its charts "
            + "in a folder beside it")
    @Nullable Path markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (html == null && markdown == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --html FILE, --markdown FILE or both");
        }
        CommandSupport.existing(input, "report");
        EvaluationReport report = EvaluationReport.readJson(input);
        if (html != null) {
            report.write(html, HtmlReportWriter.create());
            spec.commandLine().getOut().println("wrote " + html);
        }
        if (markdown != null) {
            MarkdownWithCharts.write(report, markdown);
            spec.commandLine().getOut().println("wrote " + markdown);
        }
        return Raq.OK;
    }
}
