package dev.raq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.clients.OpenAiCompatibleClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the commands share: the check that an input file exists, the options' ranges and JSON output. */
final class CommandSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandSupport() {
    }

    /**
     * {@code file}, which must exist.
     *
     * @param what what the file is, for the message ({@code "<what> not found: <file>"})
     */
    static Path existing(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " not found: " + file);
        }
        return file;
    }

    /**
     * The builder of an OpenAI-compatible client at {@code url}: OpenAI itself without a URL, a local server that
     * needs no key when no key variable is named, otherwise a server that gets the key.
     */
    static OpenAiCompatibleClient.Builder openAiClient(@Nullable String url, @Nullable String keyEnv) {
        return url == null ? OpenAiCompatibleClient.openAi()
                : keyEnv == null ? OpenAiCompatibleClient.local(url) : OpenAiCompatibleClient.builder().baseUrl(url);
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
