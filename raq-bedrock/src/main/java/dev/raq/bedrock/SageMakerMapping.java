package dev.raq.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link SageMakerClient} turns a chat request into the JSON its endpoint expects, and the endpoint's JSON
 * answer into a completion: a {@link RequestWriter} and a {@link ResponseReader}, each a one-method function.
 * <pre>{@code
 * SageMakerMapping tgiGenerate = SageMakerMapping.of(
 *         request -> "{\"inputs\":" + quote(request.lastUserMessage()) + "}",
 *         body -> Completion.of(readGeneratedText(body)));
 * }</pre>
 * The default, {@link #openAiMessages()}, is the OpenAI-style messages API that the TGI, vLLM and DJL/LMI containers
 * expose. Immutable and thread-safe when its functions are.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SageMakerMapping {

    /** Writes the JSON body of one InvokeEndpoint call. */
    @FunctionalInterface
    public interface RequestWriter {
        /**
         * The JSON request body.
         *
         * @param request the chat request, with the client's default options already merged into its options
         * @return the body, as JSON text
         */
        String write(ChatRequest request);
    }

    /** Reads the endpoint's JSON answer. */
    @FunctionalInterface
    public interface ResponseReader {
        /**
         * The completion in the body. Latency is set by the client; leave it out.
         *
         * @param body the response body of an HTTP 2xx answer
         * @return the completion; any runtime exception thrown here is reported as a malformed response
         */
        Completion read(String body);
    }

    private static final SageMakerMapping OPENAI_MESSAGES = new SageMakerMapping("openai-messages",
            SageMakerMapping::writeOpenAi, SageMakerMapping::readOpenAi);

    private final String name;
    private final RequestWriter writer;
    private final ResponseReader reader;

    private SageMakerMapping(String name, RequestWriter writer, ResponseReader reader) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * A mapping of your own.
     *
     * @param name   a short name that identifies the mapping in the client's fingerprint (change it when the mapping
     *               changes what the model is asked)
     * @param writer writes the request body
     * @param reader reads the response body
     */
    public static SageMakerMapping of(String name, RequestWriter writer, ResponseReader reader) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new SageMakerMapping(name, Objects.requireNonNull(writer, "writer"),
                Objects.requireNonNull(reader, "reader"));
    }

    /**
     * The OpenAI-style messages API of the TGI, vLLM and DJL/LMI containers: {@code {"messages": [{"role",
     * "content"}…], "max_tokens", "temperature", "top_p", "stop", "seed", "frequency_penalty", "presence_penalty"}}
     * (unset options are not sent) in; {@code choices[0].message.content}, {@code finish_reason}, {@code usage} and
     * {@code model} out. A reply schema is sent as {@code response_format: {type: json_schema}} (vLLM and LMI; TGI
     * names it differently, so give TGI a mapping of your own for structured replies).
     */
    public static SageMakerMapping openAiMessages() {
        return OPENAI_MESSAGES;
    }

    /** The name given to the mapping ({@code openai-messages} for the default). */
    public String name() {
        return name;
    }

    /** The request writer. */
    public RequestWriter writer() {
        return writer;
    }

    /** The response reader. */
    public ResponseReader reader() {
        return reader;
    }

    @Override
    public String toString() {
        return "SageMakerMapping{" + name + "}";
    }

    private static String writeOpenAi(ChatRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        GenerationOptions o = request.options();
        o.maxTokens().ifPresent(v -> body.put("max_tokens", v));
        o.temperature().ifPresent(v -> body.put("temperature", v));
        o.topP().ifPresent(v -> body.put("top_p", v));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            o.stop().forEach(stop::add);
        }
        o.seed().ifPresent(v -> body.put("seed", v));
        o.frequencyPenalty().ifPresent(v -> body.put("frequency_penalty", v));
        o.presencePenalty().ifPresent(v -> body.put("presence_penalty", v));
        request.replySchema().ifPresent(s -> {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema");
            schema.put("name", s.name()).put("description", s.description()).set("schema", Json.schema(s));
        });
        return body.toString();
    }

    private static Completion readOpenAi(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the answer is not JSON", e);
        }
        JsonNode choice = root == null ? null : root.path("choices").path(0);
        if (choice == null || choice.isMissingNode() || !choice.path("message").isObject()) {
            throw new IllegalArgumentException("the answer has no choices[0].message");
        }
        JsonNode content = choice.path("message").path("content");
        Completion.Builder b = Completion.builder(content.isTextual() ? content.asText() : "");
        if (choice.path("finish_reason").isTextual()) {
            b.finishReason(choice.path("finish_reason").asText());
        }
        JsonNode usage = root.path("usage");
        if (usage.path("prompt_tokens").canConvertToLong() && usage.path("completion_tokens").canConvertToLong()
                && usage.path("prompt_tokens").isNumber() && usage.path("completion_tokens").isNumber()) {
            b.usage(TokenUsage.reported(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong()));
        }
        if (root.path("model").isTextual()) {
            b.modelId(root.path("model").asText());
        }
        return b.build();
    }
}
