package dev.raq.cli;

import dev.raq.core.report.ReportDiff;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code raq diff before.json after.json}: what changed between two runs ({@link ReportDiff}), as Markdown on
 * standard output or into a file.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What changed between two JSON reports of runs on the same questions: setup, candidates, "
                + "verdicts and samples, as Markdown."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE_JSON", description = "the earlier report")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER_JSON", description = "the later report")
    Path after;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "50",
            description = "changed samples to list, at least 0 (default ${DEFAULT-VALUE})")
    int maxSamples;

    @Option(names = "--output", paramLabel = "FILE", description = "write the Markdown here instead")
    @Nullable Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxSamples < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-samples must be >= 0 but was "
                    + maxSamples);
        }
        CommandSupport.existing(before, "report");
        CommandSupport.existing(after, "report");
        String markdown = ReportDiff.read(before, after).toMarkdown(maxSamples);
        if (output == null) {
            spec.commandLine().getOut().print(markdown);
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, markdown);
            spec.commandLine().getOut().println("wrote " + output);
        }
        return Raq.OK;
    }
}
