package dev.raq.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.clients.http.ClientSettings;
import dev.raq.clients.http.HttpClientBuilder;
import dev.raq.clients.http.HttpModelClient;
import dev.raq.clients.http.ReplyReader;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * A {@link ModelClient} for the Google Gemini API ({@code POST {baseUrl}/models/{model}:generateContent}, or
 * {@code :streamGenerateContent?alt=sse} when streaming).
 * <pre>{@code
 * ModelClient gemini = GeminiClient.google().model("gemini-2.0-flash").build(); // GEMINI_API_KEY or GOOGLE_API_KEY
 * }</pre>
 *
 * <p>System messages become {@code systemInstruction.parts}; user and assistant messages become {@code contents}
 * with the roles {@code user} and {@code model}. Options go to {@code generationConfig} (temperature, topP,
 * maxOutputTokens, stopSequences, seed, frequencyPenalty, presencePenalty); log-probabilities, {@code minTokens} and
 * {@code ignoreEos} are not sent. A {@link dev.raq.core.model.ReplySchema} is asked for with
 * {@code responseMimeType: application/json} and {@code responseJsonSchema} (the schema as given). The answer is the
 * text of {@code candidates[0]}'s parts (thought parts are skipped); the finish reason {@code STOP} reads as
 * {@code stop}, {@code MAX_TOKENS} as {@code length}, others lowercased ({@code safety}); a prompt blocked before
 * any candidate is an empty answer whose finish reason is the lowercased block reason. Usage is
 * {@code promptTokenCount} and {@code candidatesTokenCount} plus {@code thoughtsTokenCount} (thinking is billed as
 * output); the model id is {@code modelVersion}.
 *
 * <p>Latency, time to first token and usage are measured as in {@link OpenAiCompatibleClient}; a stream is complete
 * once a chunk carries a finish reason. Thread-safe; the key is sent as {@code x-goog-api-key} (never in the URL)
 * and appears nowhere else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class GeminiClient extends HttpModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The public Gemini API endpoint. */
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    /** The header the key is sent in. */
    static final String KEY_HEADER = "x-goog-api-key";

    private GeminiClient(ClientSettings settings, @Nullable String apiKey) {
        super(settings, apiKey);
    }

    /**
     * A builder for the public Gemini API ({@value #DEFAULT_BASE_URL}); the key comes from {@link Builder#apiKey} or
     * the environment variable {@code GEMINI_API_KEY}, else {@code GOOGLE_API_KEY}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The same as {@link #builder()}: the public Gemini API with {@code GEMINI_API_KEY} or {@code GOOGLE_API_KEY}. */
    public static Builder google() {
        return builder();
    }

    @Override
    protected CompletableFuture<Completion> send(ChatRequest request, Executor executor) {
        String path = "/models/" + model()
                + (settings.streaming() ? ":streamGenerateContent?alt=sse" : ":generateContent");
        HttpRequest.Builder http = HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", settings.streaming() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(request)));
        if (apiKey != null) {
            http.header(KEY_HEADER, apiKey);
        }
        settings.headers().forEach(http::header);
        return transport.send(http.build(), request, new GeminiReplyReader(), executor);
    }

    /** The client kind, model and default options; never the key or the endpoint. */
    @Override
    public String fingerprint() {
        return Fingerprint.of("gemini").with("model", model()).with("options", settings.defaultOptions()).toString();
    }

    /** The JSON body sent for {@code request} (with this client's defaults merged in). */
    String requestBody(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode system = JSON.createArrayNode();
        ArrayNode contents = body.putArray("contents");
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                system.addObject().put("text", m.content());
            } else {
                ObjectNode content = contents.addObject()
                        .put("role", m.role() == ChatMessage.Role.ASSISTANT ? "model" : "user");
                content.putArray("parts").addObject().put("text", m.content());
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", system);
        }
        GenerationOptions o = settings.defaultOptions().merge(request.options());
        ObjectNode config = JSON.createObjectNode();
        o.temperature().ifPresent(v -> config.put("temperature", v));
        o.topP().ifPresent(v -> config.put("topP", v));
        o.maxTokens().ifPresent(v -> config.put("maxOutputTokens", v));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = config.putArray("stopSequences");
            o.stop().forEach(stop::add);
        }
        o.seed().ifPresent(v -> config.put("seed", v));
        o.frequencyPenalty().ifPresent(v -> config.put("frequencyPenalty", v));
        o.presencePenalty().ifPresent(v -> config.put("presencePenalty", v));
        request.replySchema().ifPresent(s -> config.put("responseMimeType", "application/json")
                .set("responseJsonSchema", OpenAiCompatibleClient.parseSchema(s)));
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body.toString();
    }

    /** The settings, never the key: {@code apiKey=****} when one is set. */
    @Override
    public String toString() {
        return "GeminiClient{" + settings.describe() + "}";
    }

    /**
     * Builds a {@link GeminiClient}. Setters reject bad values at once; {@link #build()} reports every problem
     * together and leaves the builder reusable.
     */
    public static final class Builder extends HttpClientBuilder<Builder> {

        private Builder() {
            settings.baseUrl(DEFAULT_BASE_URL);
            settings.apiKeyVariables("GEMINI_API_KEY", "GOOGLE_API_KEY");
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The Gemini model id, such as {@code gemini-2.0-flash} or {@code gemini-2.5-pro}; a leading
         * {@code models/} is dropped. Required.
         *
         * @param model letters, digits, dots, dashes and underscores
         * @return this builder
         * @throws IllegalArgumentException when it is blank or not one path segment
         */
        @Override
        public Builder model(String model) {
            Objects.requireNonNull(model, "model");
            String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
            if (!MODEL_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("model must be a Gemini model id such as 'gemini-2.0-flash' "
                        + "(letters, digits, '.', '-', '_') but was '" + model + "'");
            }
            return super.model(id);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException also for {@code x-goog-api-key}, which carries the key
         */
        @Override
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.strip().equalsIgnoreCase(KEY_HEADER)) {
                throw new IllegalArgumentException("header name must not be one the client sets itself but was '"
                        + name + "' (pass the key with apiKey)");
            }
            return super.header(name, value);
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException listing every problem: no model, or no key
         */
        public GeminiClient build() {
            List<String> problems = new ArrayList<>();
            ClientSettings copy = settings.copy();
            String key = copy.resolveKey(problems);
            copy.check(problems);
            return new GeminiClient(copy, key);
        }
    }

    /** Reads {@code GenerateContentResponse} objects, whole or as the chunks of a stream. */
    static final class GeminiReplyReader implements ReplyReader {

        @Override
        public Completion.Builder read(JsonNode reply) {
            if (reply.has("error")) {
                throw new MalformedReplyException("the reply is an error: " + reply.path("error"));
            }
            Chunk c = Chunk.of(reply);
            if (!c.hasCandidate && c.finishReason == null) {
                throw new MalformedReplyException("the reply has no candidates");
            }
            return Completion.builder(c.text).finishReason(c.finishReason).modelId(c.modelId).usage(c.usage);
        }

        @Override
        public StreamState newStream() {
            return new GeminiStream();
        }

        /** The finish reason as RAQ reports it: {@code stop}, {@code length}, or Gemini's lowercased. */
        static @Nullable String finishReason(JsonNode reason) {
            if (!reason.isTextual() || reason.asText().isEmpty()) {
                return null;
            }
            switch (reason.asText()) {
                case "STOP":
                    return "stop";
                case "MAX_TOKENS":
                    return "length";
                default:
                    return reason.asText().toLowerCase(Locale.ROOT);
            }
        }

        /** {@code usageMetadata}, or null when it has no prompt token count. */
        static @Nullable TokenUsage usage(JsonNode usage) {
            if (!usage.isObject() || !usage.path("promptTokenCount").canConvertToLong()) {
                return null;
            }
            long out = usage.path("candidatesTokenCount").asLong(0) + usage.path("thoughtsTokenCount").asLong(0);
            return TokenUsage.reported(usage.path("promptTokenCount").asLong(), out);
        }

        /** HTTP status of a Gemini error object: its {@code code}, else one derived from its {@code status}. */
        static int statusOf(JsonNode error) {
            int code = error.path("code").asInt(0);
            if (code >= 400 && code <= 599) {
                return code;
            }
            switch (error.path("status").asText("")) {
                case "INVALID_ARGUMENT":
                case "FAILED_PRECONDITION":
                    return 400;
                case "UNAUTHENTICATED":
                    return 401;
                case "PERMISSION_DENIED":
                    return 403;
                case "NOT_FOUND":
                    return 404;
                case "RESOURCE_EXHAUSTED":
                    return 429;
                case "UNAVAILABLE":
                    return 503;
                case "DEADLINE_EXCEEDED":
                    return 504;
                default:
                    return 500;
            }
        }

        /** What one response object says. */
        private static final class Chunk {
            final String text;
            final boolean hasCandidate;
            final @Nullable String finishReason;
            final @Nullable String modelId;
            final @Nullable TokenUsage usage;

            private Chunk(String text, boolean hasCandidate, @Nullable String finishReason, @Nullable String modelId,
                          @Nullable TokenUsage usage) {
                this.text = text;
                this.hasCandidate = hasCandidate;
                this.finishReason = finishReason;
                this.modelId = modelId;
                this.usage = usage;
            }

            static Chunk of(JsonNode reply) {
                JsonNode candidates = reply.path("candidates");
                boolean hasCandidate = candidates.isArray() && !candidates.isEmpty();
                StringBuilder text = new StringBuilder();
                String reason = null;
                if (hasCandidate) {
                    JsonNode first = candidates.get(0);
                    for (JsonNode part : first.path("content").path("parts")) {
                        if (!part.path("thought").asBoolean(false)) {
                            text.append(part.path("text").asText(""));
                        }
                    }
                    reason = finishReason(first.path("finishReason"));
                } else {
                    // a prompt blocked before generation: no candidates, the reason in promptFeedback
                    reason = finishReason(reply.path("promptFeedback").path("blockReason"));
                }
                JsonNode version = reply.path("modelVersion");
                return new Chunk(text.toString(), hasCandidate, reason,
                        version.isTextual() ? version.asText() : null, usage(reply.path("usageMetadata")));
            }
        }

        /** Joins the text of every chunk; the last finish reason, model version and usage win. */
        private static final class GeminiStream implements StreamState {
            private final StringBuilder text = new StringBuilder();
            private @Nullable String finishReason;
            private @Nullable String modelId;
            private @Nullable TokenUsage usage;

            @Override
            public boolean onEvent(String event, String data) {
                JsonNode node;
                try {
                    node = JSON.readTree(data);
                } catch (JsonProcessingException e) {
                    throw new MalformedReplyException("a chunk is not JSON: " + data);
                }
                if (node == null || !node.isObject()) {
                    throw new MalformedReplyException("a chunk is not a JSON object: " + data);
                }
                if (node.has("error")) {
                    throw new StreamErrorException(statusOf(node.path("error")), data);
                }
                Chunk c = Chunk.of(node);
                text.append(c.text);
                if (c.finishReason != null) {
                    finishReason = c.finishReason;
                }
                if (c.modelId != null) {
                    modelId = c.modelId;
                }
                if (c.usage != null) {
                    usage = c.usage;
                }
                return !c.text.isEmpty();
            }

            @Override
            public boolean finished() {
                return finishReason != null;
            }

            @Override
            public String endMarker() {
                return "a chunk with a finishReason";
            }

            @Override
            public Completion.Builder result() {
                return Completion.builder(text.toString()).finishReason(finishReason).modelId(modelId).usage(usage);
            }
        }
    }
}
