package dev.raq.clients.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ModelClient} that answers from a file written by {@link RecordingModelClient}, without a network or a
 * key; a request that was not recorded fails loudly with an {@link UnrecordedRequestException}.
 * <pre>{@code
 * ModelClient judge = ReplayingModelClient.of(Path.of("src/test/resources/judge.jsonl"), "gpt-4o-mini");
 * }</pre>
 *
 * <p>Requests are matched by {@link RequestKey} under this client's model id. When one request was recorded several
 * times (repeated judge calls), its answers are given in recorded order and then again from the first. Replayed
 * completions carry text, usage, finish reason and reported model id, but no latency. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplayingModelClient implements ModelClient {

    private final Path file;
    private final String model;
    private final Map<String, List<Completion>> answers;
    private final Map<String, AtomicInteger> next = new HashMap<>();

    private ReplayingModelClient(Path file, String model, Map<String, List<Completion>> answers) {
        this.file = file;
        this.model = model;
        this.answers = answers;
        answers.keySet().forEach(k -> next.put(k, new AtomicInteger()));
    }

    /**
     * Loads the recordings of {@code model} from {@code file}.
     *
     * @param file  a JSON Lines file written by {@link RecordingModelClient}
     * @param model the model id the calls were recorded under (reported by {@link #modelId()})
     * @return the replaying client
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException naming the line when a line is not a recording
     */
    public static ReplayingModelClient of(Path file, String model) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recordings in " + file, e);
        }
        Map<String, List<Completion>> answers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = RequestKey.JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not JSON", e);
            }
            String key = line.path("key").asText("");
            JsonNode c = line.path("completion");
            if (key.isEmpty() || !c.path("text").isTextual()) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + " is not a recording (needs 'key' and 'completion.text')");
            }
            if (line.path("request").path("model").asText("").equals(model)) {
                answers.computeIfAbsent(key, k -> new ArrayList<>()).add(completion(c));
            }
        }
        return new ReplayingModelClient(file, model, answers);
    }

    private static Completion completion(JsonNode c) {
        Completion.Builder b = Completion.builder(c.path("text").asText());
        JsonNode u = c.path("usage");
        if (u.isObject()) {
            b.usage(new TokenUsage(u.path("promptTokens").asLong(), u.path("completionTokens").asLong(),
                    u.path("estimated").asBoolean()));
        }
        b.finishReason(c.path("finishReason").isTextual() ? c.path("finishReason").asText() : null);
        b.modelId(c.path("modelId").isTextual() ? c.path("modelId").asText() : null);
        return b.build();
    }

    /**
     * The recorded answer to {@code request}.
     *
     * @throws UnrecordedRequestException when the file holds no answer to it for this model
     */
    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        RequestKey key = RequestKey.of(model, request);
        List<Completion> recorded = answers.get(key.hash());
        if (recorded == null) {
            String question = request.lastUserMessage();
            throw new UnrecordedRequestException("no recorded answer for model '" + model + "' to request "
                    + key.shortHash() + " (last user message: \""
                    + (question.length() > 120 ? question.substring(0, 117) + "..." : question) + "\") in " + file
                    + "; record it first with RecordingModelClient. Request: " + key.canonical(), key);
        }
        return recorded.get(Math.floorMod(Objects.requireNonNull(next.get(key.hash())).getAndIncrement(), recorded.size()));
    }

    /** Answers at once on the caller's thread; {@code executor} is not used. */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        try {
            return CompletableFuture.completedFuture(complete(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The model id given at construction. */
    /** True: the answers are recorded, so the evaluation does not time them. */
    @Override
    public boolean replays() {
        return true;
    }

    @Override
    public Optional<String> modelId() {
        return model.isEmpty() ? Optional.empty() : Optional.of(model);
    }

    /** How many distinct requests the file holds for this model. */
    public int recordedRequests() {
        return answers.size();
    }

    @Override
    public String toString() {
        return "ReplayingModelClient{file=" + file + ", model=" + model + ", requests=" + answers.size() + "}";
    }
}
