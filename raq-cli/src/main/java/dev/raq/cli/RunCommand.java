package dev.raq.cli;

import dev.raq.core.Evaluation;
import dev.raq.core.EvaluationAbortedException;
import dev.raq.core.gate.Gate;
import dev.raq.core.gate.GateResult;
import dev.raq.core.report.EvaluationReport;
import dev.raq.report.html.HtmlReportWriter;
import dev.raq.report.html.MarkdownWithCharts;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code raq run eval.yaml}: runs the evaluation the file describes, writes the reports it names, prints the
 * summary and checks the gates. Exit 0 when every gate passes, 1 when one fails (each gate is printed on one line,
 * the first failing one also on standard error), 2 when the file cannot be used (file, line and key named, before
 * any model is called), 3 when the run could not complete (the failure policy stopped it; the partial report is
 * written).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the evaluation described in a YAML or JSON file and check its gates.",
                "Keys come only from the environment variables the file names."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EVAL_FILE", description = "the evaluation file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines or none; default ${DEFAULT-VALUE}")
    String progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressPrinter.Mode mode;
        try {
            mode = ProgressPrinter.Mode.valueOf(progress.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--progress must be auto, bar, "
                    + "lines or none, not '" + progress + "'");
        }
        ConfigReader reader = new ConfigReader(file);
        RunConfig config = reader.read();
        try (RunAssembly run = new RunAssembly(reader, file, config, System::getenv)) {
            Map<String, Gate> gates = run.gates();
            ProgressPrinter printer = new ProgressPrinter(err, mode);
            Evaluation evaluation = run.evaluation(printer);
            long start = System.nanoTime();
            EvaluationReport report;
            String abort = null;
            try {
                report = evaluation.run();
            } catch (EvaluationAbortedException e) {
                report = e.partialReport();
                abort = e.getMessage();
            } catch (RuntimeException e) {
                printer.finish();
                err.println("raq run: the run could not complete: " + e);
                return Raq.INCOMPLETE;
            } finally {
                printer.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Path> written;
            try {
                written = write(run, report);
            } catch (RuntimeException e) {
                // the run is done: a report that cannot be written is an incomplete run, not a usage error
                out.println(report);
                err.println("raq run: the run finished but its report could not be written: " + e.getMessage());
                return Raq.INCOMPLETE;
            }
            out.println(report);
            out.println();
            written.forEach(p -> out.println("wrote " + p));
            Path junit = run.output(RunConfig.Outputs::junit);
            if (abort != null) {
                if (junit != null) {
                    JunitXml.write(junit, "raq", List.of(new GateResult("the evaluation completes", false, abort)),
                            seconds);
                }
                err.println("raq run: the run could not complete: " + abort
                        + (written.isEmpty() ? "" : "; the partial report is written"));
                return Raq.INCOMPLETE;
            }
            List<GateResult> results = new ArrayList<>();
            for (Gate g : gates.values()) {
                results.add(g.check(report));
            }
            if (junit != null) {
                JunitXml.write(junit, "raq", results, seconds);
            }
            results.forEach(out::println);
            GateResult failed = results.stream().filter(r -> !r.passed()).findFirst().orElse(null);
            if (failed != null) {
                out.flush();
                err.println("raq run: gate failed: " + failed.gate() + ": " + failed.detail());
                return Raq.GATE_FAILED;
            }
            out.println(results.isEmpty() ? "no gates" : "all " + results.size() + " gates passed");
            return Raq.OK;
        }
    }

    private static List<Path> write(RunAssembly run, EvaluationReport report) {
        List<Path> written = new ArrayList<>();
        @Nullable Path json = run.output(RunConfig.Outputs::json);
        if (json != null) {
            report.writeJson(json);
            written.add(json);
        }
        @Nullable Path markdown = run.output(RunConfig.Outputs::markdown);
        if (markdown != null) {
            MarkdownWithCharts.write(report, markdown);
            written.add(markdown);
        }
        @Nullable Path html = run.output(RunConfig.Outputs::html);
        if (html != null) {
            report.write(html, HtmlReportWriter.create());
            written.add(html);
        }
        return written;
    }
}
