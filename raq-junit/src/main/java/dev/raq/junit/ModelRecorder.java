package dev.raq.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.clients.replay.RecordingModelClient;
import dev.raq.clients.replay.ReplayingModelClient;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The model clients of one test method under {@link RecordReplay}: live and recording, or replaying. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final boolean recording;
    private final String recordCommand;
    private boolean replaced;

    ModelRecorder(Path file, boolean recording, String recordCommand) {
        this.file = file;
        this.recording = recording;
        this.recordCommand = recordCommand;
    }

    /** Whether this run calls the live models and records them (otherwise it replays). */
    public boolean recording() {
        return recording;
    }

    /** The recording file of this test method. */
    public Path file() {
        return file;
    }

    /**
     * The client of {@code model}: when recording, {@code live} (called now) wrapped so that its answers are
     * written to the recording, which the first client of a run empties; when replaying, the recorded answers
     * ({@code live} is not called, so no key is needed).
     *
     * @param model the model's name, under which its calls are recorded and found again
     * @param live  makes the live client
     * @throws AssertionError when replaying without a recording (naming the command that records it), or when the
     *                        recording has no call of this model (naming the models it has: a mistyped name)
     */
    public synchronized ModelClient client(String model, Supplier<? extends ModelClient> live) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(live, "live");
        if (recording) {
            if (!replaced) {
                try {
                    Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot replace the recording " + file, e);
                }
                replaced = true;
            }
            return RecordingModelClient.of(Objects.requireNonNull(live.get(), "live client"), file, model);
        }
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no recording at " + file + "; record it once with the key set: "
                    + recordCommand);
        }
        Set<String> models = recordedModels();
        if (!models.contains(model)) {
            throw new AssertionError("the recording " + file + " has no calls of model '" + model + "'; it has "
                    + (models.isEmpty() ? "none" : "calls of " + models) + ": is the model's name mistyped, or "
                    + "does the recording need renewing (" + recordCommand + ")?");
        }
        return ReplayingModelClient.of(file, model);
    }

    private Set<String> recordedModels() {
        Set<String> models = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file, e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                models.add(node.path("request").path("model").asText(""));
            } catch (JsonProcessingException e) {
                // ReplayingModelClient names the line
                return models;
            }
        }
        return models;
    }

    @Override
    public String toString() {
        return "ModelRecorder[" + (recording ? "recording to " : "replaying ") + file + "]";
    }
}
