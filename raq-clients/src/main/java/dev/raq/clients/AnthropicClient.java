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
import dev.raq.commons.Preconditions;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link ModelClient} for the Anthropic Messages API ({@code POST {baseUrl}/messages}).
 * <pre>{@code
 * ModelClient claude = AnthropicClient.builder().model("claude-3-5-haiku-20241022").build(); // ANTHROPIC_API_KEY
 * }</pre>
 *
 * <p>System messages are joined into the top-level {@code system} field; {@code max_tokens}, which the API requires,
 * is {@value #DEFAULT_MAX_TOKENS} unless the request or the default options set it. A
 * {@link dev.raq.core.model.ReplySchema} is asked for as a forced tool whose {@code input_schema} is the schema; the
 * completion's text is the tool input as JSON. Streaming follows {@code message_start}, {@code content_block_delta},
 * {@code message_delta} and {@code message_stop}. Seed and frequency/presence penalties are not sent: the API has
 * no such parameters.
 *
 * <p>Latency, time to first token and usage are measured as in {@link OpenAiCompatibleClient}. Thread-safe; the
 * key is sent as {@code x-api-key} and appears nowhere else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AnthropicClient extends HttpModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Anthropic API endpoint. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    /** The {@code anthropic-version} header sent unless another is set. */
    public static final String DEFAULT_VERSION = "2023-06-01";
    /** The {@code max_tokens} sent when neither the request nor the default options set one. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private final String version;

    private AnthropicClient(ClientSettings settings, String version, @Nullable String apiKey) {
        super(settings, apiKey);
        this.version = version;
    }

    /** A builder for the Anthropic API; the key comes from {@link Builder#apiKey} or {@code ANTHROPIC_API_KEY}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected CompletableFuture<Completion> send(ChatRequest request, Executor executor) {
        HttpRequest.Builder http = HttpRequest.newBuilder(settings.endpoint("/messages"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("anthropic-version", version)
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(request)));
        if (apiKey != null) {
            http.header("x-api-key", apiKey);
        }
        settings.headers().forEach(http::header);
        return transport.send(http.build(), request, new AnthropicReplyReader(request.replySchema().isPresent()),
                executor);
    }

    /** The client kind, model, API version and default options; never the key or the endpoint. */
    @Override
    public String fingerprint() {
        return Fingerprint.of("anthropic").with("model", model()).with("version", version).with("options", settings.defaultOptions())
                .toString();
    }

    String requestBody(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model());
        GenerationOptions o = settings.defaultOptions().merge(request.options());
        body.put("max_tokens", o.maxTokens().orElse(DEFAULT_MAX_TOKENS));
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                system.append(system.length() == 0 ? "" : "\n\n").append(m.content());
            } else {
                messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
            }
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        o.temperature().ifPresent(v -> body.put("temperature", v));
        o.topP().ifPresent(v -> body.put("top_p", v));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            o.stop().forEach(stop::add);
        }
        if (settings.streaming()) {
            body.put("stream", true);
        }
        request.replySchema().ifPresent(s -> addTool(body, s));
        return body.toString();
    }

    private static void addTool(ObjectNode body, ReplySchema s) {
        body.putArray("tools").addObject().put("name", s.name()).put("description", s.description())
                .set("input_schema", OpenAiCompatibleClient.parseSchema(s));
        body.putObject("tool_choice").put("type", "tool").put("name", s.name());
    }

    /** The settings, never the key: {@code apiKey=****} when one is set. */
    @Override
    public String toString() {
        return "AnthropicClient{" + settings.describe() + ", anthropicVersion=" + version + "}";
    }

    /**
     * Builds an {@link AnthropicClient}. Setters reject bad values at once; {@link #build()} reports every missing
     * setting together and leaves the builder reusable.
     */
    public static final class Builder extends HttpClientBuilder<Builder> {
        private String version = DEFAULT_VERSION;

        private Builder() {
            settings.baseUrl(DEFAULT_BASE_URL);
            settings.apiKeyVariables("ANTHROPIC_API_KEY");
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The {@code anthropic-version} header (default {@value #DEFAULT_VERSION}). */
        public Builder anthropicVersion(String version) {
            Objects.requireNonNull(version, "version");
            Preconditions.checkArgument(!version.isBlank(), "version must not be blank");
            this.version = version;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException listing every problem: no model, or no key
         */
        public AnthropicClient build() {
            List<String> problems = new ArrayList<>();
            ClientSettings copy = settings.copy();
            String key = copy.resolveKey(problems);
            copy.check(problems);
            return new AnthropicClient(copy, version, key);
        }
    }

    /** Reads Messages replies and their event streams. */
    static final class AnthropicReplyReader implements ReplyReader {
        private final boolean tool;

        AnthropicReplyReader(boolean tool) {
            this.tool = tool;
        }

        @Override
        public Completion.Builder read(JsonNode reply) {
            JsonNode content = reply.path("content");
            if (!content.isArray()) {
                throw new MalformedReplyException("the reply has no content array");
            }
            StringBuilder text = new StringBuilder();
            String toolInput = null;
            for (JsonNode block : content) {
                String type = block.path("type").asText("");
                if (type.equals("text")) {
                    text.append(block.path("text").asText(""));
                } else if (type.equals("tool_use") && toolInput == null) {
                    toolInput = block.path("input").toString();
                }
            }
            if (tool && toolInput == null) {
                throw new MalformedReplyException("the reply has no tool_use block");
            }
            return Completion.builder(tool ? Objects.requireNonNull(toolInput) : text.toString())
                    .finishReason(OpenAiCompatibleClient.OpenAiReplyReader.textOrNull(reply.path("stop_reason")))
                    .modelId(OpenAiCompatibleClient.OpenAiReplyReader.textOrNull(reply.path("model")))
                    .usage(usage(reply.path("usage"), null));
        }

        @Override
        public StreamState newStream() {
            return new AnthropicStream();
        }

        private static @Nullable TokenUsage usage(JsonNode usage, @Nullable TokenUsage before) {
            if (!usage.isObject()) {
                return before;
            }
            long in = usage.path("input_tokens").canConvertToLong() ? usage.path("input_tokens").asLong()
                    : before == null ? -1 : before.promptTokens();
            long out = usage.path("output_tokens").canConvertToLong() ? usage.path("output_tokens").asLong()
                    : before == null ? -1 : before.completionTokens();
            return in < 0 || out < 0 ? before : TokenUsage.reported(in, out);
        }

        /** HTTP status of an Anthropic error type, so that stream errors map like HTTP errors. */
        private static int statusOf(String errorType) {
            switch (errorType) {
                case "invalid_request_error":
                    return 400;
                case "authentication_error":
                    return 401;
                case "permission_error":
                    return 403;
                case "not_found_error":
                    return 404;
                case "request_too_large":
                    return 413;
                case "rate_limit_error":
                    return 429;
                case "overloaded_error":
                    return 529;
                default:
                    return 500;
            }
        }

        /** Follows the Messages event stream. */
        private final class AnthropicStream implements StreamState {
            private final StringBuilder text = new StringBuilder();
            private final StringBuilder toolInput = new StringBuilder();
            private int toolBlock = -1;
            private @Nullable String stopReason;
            private @Nullable String modelId;
            private @Nullable TokenUsage usage;
            private boolean started;
            private boolean done;

            @Override
            public boolean onEvent(String event, String data) {
                JsonNode e;
                try {
                    e = JSON.readTree(data);
                } catch (JsonProcessingException ex) {
                    throw new MalformedReplyException("an event is not JSON: " + data);
                }
                String type = e.path("type").asText(event);
                switch (type) {
                    case "message_start":
                        started = true;
                        modelId = OpenAiCompatibleClient.OpenAiReplyReader.textOrNull(e.path("message").path("model"));
                        usage = usage(e.path("message").path("usage"), null);
                        return false;
                    case "content_block_start":
                        if (e.path("content_block").path("type").asText("").equals("tool_use") && toolBlock < 0) {
                            toolBlock = e.path("index").asInt();
                        }
                        return false;
                    case "content_block_delta":
                        return delta(e);
                    case "message_delta":
                        String reason = OpenAiCompatibleClient.OpenAiReplyReader.textOrNull(
                                e.path("delta").path("stop_reason"));
                        stopReason = reason != null ? reason : stopReason;
                        usage = usage(e.path("usage"), usage);
                        return false;
                    case "message_stop":
                        done = true;
                        return false;
                    case "error":
                        throw new StreamErrorException(statusOf(e.path("error").path("type").asText("")), data);
                    default:
                        return false; // ping, content_block_stop and future event types
                }
            }

            private boolean delta(JsonNode e) {
                JsonNode delta = e.path("delta");
                String type = delta.path("type").asText("");
                if (type.equals("text_delta")) {
                    String t = delta.path("text").asText("");
                    text.append(t);
                    return !t.isEmpty();
                }
                if (type.equals("input_json_delta") && e.path("index").asInt() == toolBlock) {
                    String t = delta.path("partial_json").asText("");
                    toolInput.append(t);
                    return !t.isEmpty();
                }
                return false;
            }

            @Override
            public boolean finished() {
                return done;
            }

            @Override
            public String endMarker() {
                return "event: message_stop";
            }

            @Override
            public Completion.Builder result() {
                if (!started) {
                    throw new MalformedReplyException("the stream had no message_start");
                }
                if (tool && toolBlock < 0) {
                    throw new MalformedReplyException("the stream had no tool_use block");
                }
                String t = tool ? normalizeJson(toolInput.toString()) : text.toString();
                return Completion.builder(t).finishReason(stopReason).modelId(modelId).usage(usage);
            }

            private String normalizeJson(String json) {
                try {
                    return JSON.readTree(json.isEmpty() ? "{}" : json).toString();
                } catch (JsonProcessingException ex) {
                    return json; // the caller validates; keep what the model wrote
                }
            }
        }
    }
}
