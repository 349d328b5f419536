package dev.raq.clients.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ModelClient} that gives a system's fixed answers — predictions made elsewhere, such as a leaderboard's
 * recorded outputs — so they can be evaluated like a live model: the answer to a request is the prediction for the
 * sample whose rendered prompt the request carries. A request for a sample without a prediction fails like a model
 * that does not know it (counted as an error, never as an empty answer). Answers carry no latency or usage, because
 * none was recorded ({@link #replays()} is true, so the evaluation does not time them). Immutable.
 *
 * <p>File shape (JSON Lines): one line per (sample, system) with the sample's id, the system's name and its answer,
 * by default in fields {@code id}, {@code model} and {@code prediction}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PredictionsModelClient implements ModelClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Which fields of a predictions file hold what.
     *
     * @param id     the sample id's field
     * @param model  the system's field
     * @param answer the answer's field
     */
    public record Fields(String id, String model, String answer) {

        /** {@code id}, {@code model}, {@code prediction}. */
        public static Fields defaults() {
            return new Fields("id", "model", "prediction");
        }

        /** Checks for nulls. */
        public Fields {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(answer, "answer");
        }
    }

    private final String model;
    private final Map<String, String> answersByPrompt;

    private PredictionsModelClient(String model, Map<String, String> answersByPrompt) {
        this.model = model;
        this.answersByPrompt = Map.copyOf(answersByPrompt);
    }

    /**
     * One client per system in the file, answering the prompts {@code prompt} renders for {@code samples}; lines
     * for samples that are not in {@code samples} are skipped.
     *
     * @return system name → client, systems in order of first appearance
     * @throws IllegalArgumentException naming file and line for malformed JSON or a missing or non-text field, or
     *                                  when two samples render the same prompt but a system answered them
     *                                  differently (a prompt is what the client sees, so it could not tell them apart)
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static Map<String, PredictionsModelClient> read(Path file, Fields fields, Iterable<Sample> samples,
                                                           PromptTemplate prompt) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(prompt, "prompt");
        Map<String, String> promptById = new HashMap<>();
        samples.forEach(s -> promptById.put(s.id(), prompt.render(s)));
        Map<String, String> idByAnswerKey = new HashMap<>();
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, line, text);
                String rendered = promptById.get(field(file, line, node, fields.id()));
                String system = field(file, line, node, fields.model());
                String answer = field(file, line, node, fields.answer());
                if (rendered != null) {
                    String earlier = answers.computeIfAbsent(system, k -> new HashMap<>()).put(rendered, answer);
                    String id = field(file, line, node, fields.id());
                    String other = idByAnswerKey.putIfAbsent(system + '\u0000' + rendered, id);
                    if (earlier != null && !earlier.equals(answer)) {
                        throw new IllegalArgumentException(file + " line " + line + ": samples '" + other + "' and '"
                                + id + "' render the same prompt, but '" + system + "' answered them differently");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, PredictionsModelClient> clients = new LinkedHashMap<>();
        answers.forEach((system, byPrompt) -> clients.put(system, new PredictionsModelClient(system, byPrompt)));
        return clients;
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(file + " line " + line + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String field(Path file, int line, JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException(file + " line " + line + ": field '" + name
                    + "' is missing or not a text or number");
        }
        return v.asText();
    }

    @Override
    public Completion complete(ChatRequest request) {
        String answer = answersByPrompt.get(request.lastUserMessage());
        if (answer == null) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.NOT_FOUND, model, 1,
                    null, "no prediction of '" + model + "' for this prompt", null);
        }
        return Completion.builder(answer).modelId(model).build();
    }

    /** True: the answers were made elsewhere, so the evaluation does not time them. */
    @Override
    public boolean replays() {
        return true;
    }

    @Override
    public Optional<String> modelId() {
        return Optional.of(model);
    }

    /** The number of predictions this client holds. */
    public int size() {
        return answersByPrompt.size();
    }

    @Override
    public String toString() {
        return "PredictionsModelClient{" + model + ", " + answersByPrompt.size() + " predictions}";
    }
}
