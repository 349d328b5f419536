package dev.raq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the verdict-file commands share: the input's check, the options' ranges and JSON output. */
final class VerdictFileOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictFileOptions() {
    }

    /** The input file, which must exist. */
    static Path input(Path input) {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file not found: " + input);
        }
        return input;
    }

    /** Rejects a confidence level outside (0, 1) as a usage error. */
    static double confidence(CommandSpec spec, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confidence must be in (0, 1) but was "
                    + confidence);
        }
        return confidence;
    }

    /** Prints {@code value} as indented JSON. */
    static void print(CommandSpec spec, Map<String, Object> value) {
        try {
            spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }
}
