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
import dev.raq.core.model.TokenLogprob;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.ReplySchema;
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
 * A {@link ModelClient} for any server that speaks the OpenAI Chat Completions API ({@code POST
 * {baseUrl}/chat/completions}): OpenAI, NVIDIA NIM (hosted or self-hosted), vLLM, Ollama, LM Studio, llama.cpp
 * server, TGI and others.
 * <pre>{@code
 * ModelClient nim = OpenAiCompatibleClient.nim().model("meta/llama3-8b-instruct").build();   // key: NGC_API_KEY
 * ModelClient local = OpenAiCompatibleClient.local("http://localhost:11434/v1").model("llama3.1").build();
 * }</pre>
 *
 * <p>Replies are read whole or streamed (server-sent events up to {@code data: [DONE]}, with
 * {@code stream_options.include_usage} so the last chunk carries the usage). The client measures latency and, when
 * streaming, the time to first token; token usage comes from the server, or is estimated at four characters per
 * token and marked {@linkplain dev.raq.core.model.TokenUsage#estimated() estimated}. Failures are
 * {@link dev.raq.core.model.ModelCallException}s; the client never retries (wrap it in a retrying decorator).
 *
 * <p>Thread-safe; {@link #completeAsync} uses {@code HttpClient.sendAsync}, so hundreds of calls in flight need
 * only a few threads, and completes its future on the executor the caller passes. The API key is sent as {@code Authorization: Bearer} and appears nowhere else.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class OpenAiCompatibleClient extends HttpModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hosted NVIDIA NIM endpoint. */
    public static final String NIM_BASE_URL = "https://integrate.api.nvidia.com/v1";
    /** The OpenAI endpoint. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    private final StructuredReplyMode replyMode;

    private OpenAiCompatibleClient(Builder b, ClientSettings settings, @Nullable String apiKey) {
        super(settings, apiKey);
        this.replyMode = b.replyMode;
    }

    /**
     * A builder for OpenAI ({@value #OPENAI_BASE_URL}); the key comes from {@link Builder#apiKey} or the
     * environment variable {@code OPENAI_API_KEY}. Change the base URL for any other server that needs a key.
     */
    public static Builder builder() {
        return new Builder().baseUrl(OPENAI_BASE_URL).apiKeyFromEnvironment("OPENAI_API_KEY");
    }

    /** The same as {@link #builder()}: OpenAI with {@code OPENAI_API_KEY}. */
    public static Builder openAi() {
        return builder();
    }

    /**
     * A builder for hosted NVIDIA NIM ({@value #NIM_BASE_URL}); the key comes from {@link Builder#apiKey} or the
     * environment variable {@code NGC_API_KEY}, else {@code NVIDIA_API_KEY}.
     */
    public static Builder nim() {
        return new Builder().baseUrl(NIM_BASE_URL).apiKeyFromEnvironment("NGC_API_KEY", "NVIDIA_API_KEY");
    }

    /**
     * A builder for a local or self-hosted server that needs no key: vLLM ({@code http://localhost:8000/v1}),
     * Ollama ({@code http://localhost:11434/v1}), LM Studio ({@code http://localhost:1234/v1}), llama.cpp server,
     * TGI, a self-hosted NIM. A key set with {@link Builder#apiKey} is still sent.
     *
     * @param baseUrl the URL up to and including the API version, such as {@code http://localhost:8000/v1}
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static Builder local(String baseUrl) {
        return new Builder().baseUrl(baseUrl);
    }

    @Override
    protected CompletableFuture<Completion> send(ChatRequest request, Executor executor) {
        Optional<ReplySchema> schema = request.replySchema();
        boolean toolCall = schema.isPresent() && replyMode == StructuredReplyMode.TOOL_CALL;
        ReplyReader reader = new OpenAiReplyReader(toolCall, schema.isPresent() && !toolCall);
        HttpRequest.Builder http = HttpRequest.newBuilder(settings.endpoint("/chat/completions"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", settings.streaming() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(request)));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        settings.headers().forEach(http::header);
        return transport.send(http.build(), request, reader, executor);
    }

    /** The client kind, model, structured-reply mode and default options; never the key or the endpoint. */
    @Override
    public String fingerprint() {
        return Fingerprint.of("openai-compatible").with("model", model()).with("replyMode", replyMode).with("options", settings.defaultOptions())
                .toString();
    }

    /** The JSON body sent for {@code request} (with this client's defaults merged in). */
    String requestBody(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model());
        Optional<ReplySchema> schema = request.replySchema();
        ArrayNode messages = body.putArray("messages");
        List<ChatMessage> list = request.messages();
        int lastUser = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).role() == ChatMessage.Role.USER) {
                lastUser = i;
            }
        }
        for (int i = 0; i < list.size(); i++) {
            ChatMessage m = list.get(i);
            String content = m.content();
            if (i == lastUser && schema.isPresent() && replyMode == StructuredReplyMode.PROMPT) {
                content += schema.get().promptInstructions();
            }
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", content);
        }
        GenerationOptions o = settings.defaultOptions().merge(request.options());
        o.temperature().ifPresent(v -> body.put("temperature", v));
        o.topP().ifPresent(v -> body.put("top_p", v));
        o.maxTokens().ifPresent(v -> body.put("max_tokens", v));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            o.stop().forEach(stop::add);
        }
        o.seed().ifPresent(v -> body.put("seed", v));
        o.frequencyPenalty().ifPresent(v -> body.put("frequency_penalty", v));
        o.presencePenalty().ifPresent(v -> body.put("presence_penalty", v));
        o.topLogprobs().ifPresent(v -> body.put("logprobs", true).put("top_logprobs", v));
        o.minTokens().ifPresent(v -> body.put("min_tokens", v));
        o.ignoreEos().ifPresent(v -> body.put("ignore_eos", v));
        if (settings.streaming()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        schema.ifPresent(s -> addSchema(body, s));
        return body.toString();
    }

    private void addSchema(ObjectNode body, ReplySchema s) {
        if (replyMode == StructuredReplyMode.JSON_SCHEMA) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", s.name()).put("description", s.description())
                    .set("schema", parseSchema(s));
        } else if (replyMode == StructuredReplyMode.TOOL_CALL) {
            ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function");
            function.put("name", s.name()).put("description", s.description()).set("parameters", parseSchema(s));
            body.putObject("tool_choice").put("type", "function").putObject("function").put("name", s.name());
        }
    }

    static JsonNode parseSchema(ReplySchema s) {
        try {
            return JSON.readTree(s.jsonSchema());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("replySchema '" + s.name() + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The settings, never the key: {@code apiKey=****} when one is set. */
    @Override
    public String toString() {
        return "OpenAiCompatibleClient{" + settings.describe() + ", structuredReplyMode=" + replyMode + "}";
    }

    /**
     * Builds an {@link OpenAiCompatibleClient}. Setters reject bad values at once; {@link #build()} reports every
     * missing setting together and leaves the builder reusable.
     */
    public static final class Builder extends HttpClientBuilder<Builder> {
        private StructuredReplyMode replyMode = StructuredReplyMode.JSON_SCHEMA;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The environment variables to read the key from, first set wins; when any are named, {@link #build()}
         * fails without a key. The presets set them ({@code OPENAI_API_KEY}; {@code NGC_API_KEY},
         * {@code NVIDIA_API_KEY}); call with no names to make the key optional.
         */
        public Builder apiKeyFromEnvironment(String... names) {
            settings.apiKeyVariables(names);
            return this;
        }

        /** How to ask for structured replies (default {@link StructuredReplyMode#JSON_SCHEMA}). */
        public Builder structuredReplyMode(StructuredReplyMode mode) {
            this.replyMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException listing every problem: no base URL, no model, or no key where one is needed
         */
        public OpenAiCompatibleClient build() {
            List<String> problems = new ArrayList<>();
            ClientSettings copy = settings.copy();
            String key = copy.resolveKey(problems);
            copy.check(problems);
            return new OpenAiCompatibleClient(this, copy, key);
        }
    }

    /** Reads Chat Completions replies and chunks. */
    static final class OpenAiReplyReader implements ReplyReader {
        private final boolean toolCall;
        private final boolean unfence;

        OpenAiReplyReader(boolean toolCall, boolean unfence) {
            this.toolCall = toolCall;
            this.unfence = unfence;
        }

        @Override
        public Completion.Builder read(JsonNode reply) {
            JsonNode choice = firstChoice(reply);
            JsonNode message = choice.path("message");
            if (!message.isObject()) {
                throw new MalformedReplyException("choices[0] has no message");
            }
            String text = toolCall ? toolArguments(message.path("tool_calls")) : message.path("content").asText("");
            return Completion.builder(unfence ? ReplySchema.unfenced(text) : text)
                    .finishReason(textOrNull(choice.path("finish_reason")))
                    .modelId(textOrNull(reply.path("model")))
                    .usage(usage(reply.path("usage")))
                    .logprobs(logprobs(choice.path("logprobs").path("content")));
        }

        /** {@code choices[0].logprobs.content}: each token with its log-probability and top alternatives. */
        private static List<TokenLogprob> logprobs(JsonNode content) {
            if (!content.isArray()) {
                return List.of();
            }
            List<TokenLogprob> out = new ArrayList<>();
            for (JsonNode t : content) {
                List<TokenLogprob.Alternative> top = new ArrayList<>();
                for (JsonNode a : t.path("top_logprobs")) {
                    top.add(new TokenLogprob.Alternative(a.path("token").asText(""), a.path("logprob").asDouble()));
                }
                out.add(new TokenLogprob(t.path("token").asText(""), t.path("logprob").asDouble(), top));
            }
            return out;
        }

        @Override
        public StreamState newStream() {
            return new OpenAiStream();
        }

        private static JsonNode firstChoice(JsonNode reply) {
            if (reply.has("error")) {
                throw new MalformedReplyException("the reply is an error: " + reply.path("error"));
            }
            JsonNode choices = reply.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                throw new MalformedReplyException("the reply has no choices");
            }
            return choices.get(0);
        }

        private static String toolArguments(JsonNode toolCalls) {
            if (!toolCalls.isArray() || toolCalls.isEmpty()) {
                throw new MalformedReplyException("the reply has no tool call");
            }
            JsonNode arguments = toolCalls.get(0).path("function").path("arguments");
            // some servers send the arguments as an object instead of a JSON string
            return arguments.isTextual() ? arguments.asText() : arguments.toString();
        }

        static @Nullable String textOrNull(JsonNode node) {
            return node.isTextual() ? node.asText() : null;
        }

        private static dev.raq.core.model.@Nullable TokenUsage usage(JsonNode usage) {
            if (!usage.isObject() || !usage.path("prompt_tokens").canConvertToLong()
                    || !usage.path("completion_tokens").canConvertToLong()) {
                return null;
            }
            return dev.raq.core.model.TokenUsage.reported(usage.path("prompt_tokens").asLong(),
                    usage.path("completion_tokens").asLong());
        }

        /** Accumulates chunks: content or tool-call argument deltas, the finish reason, the model, the usage. */
        private final class OpenAiStream implements StreamState {
            private final StringBuilder text = new StringBuilder();
            private final StringBuilder arguments = new StringBuilder();
            private @Nullable String finishReason;
            private @Nullable String modelId;
            private dev.raq.core.model.@Nullable TokenUsage usage;
            private boolean done;

            @Override
            public boolean onEvent(String event, String data) {
                if (data.strip().equals("[DONE]")) {
                    done = true;
                    return false;
                }
                JsonNode chunk;
                try {
                    chunk = JSON.readTree(data);
                } catch (JsonProcessingException e) {
                    throw new MalformedReplyException("a chunk is not JSON: " + data);
                }
                if (chunk.has("error")) {
                    int code = chunk.path("error").path("code").asInt(0);
                    throw new StreamErrorException(code >= 400 && code <= 599 ? code : 500, data);
                }
                if (modelId == null) {
                    modelId = textOrNull(chunk.path("model"));
                }
                dev.raq.core.model.TokenUsage u = usage(chunk.path("usage"));
                if (u != null) {
                    usage = u;
                }
                boolean gotText = false;
                for (JsonNode choice : chunk.path("choices")) {
                    if (choice.path("index").asInt(0) != 0) {
                        continue;
                    }
                    JsonNode delta = choice.path("delta");
                    String content = delta.path("content").asText("");
                    text.append(content);
                    for (JsonNode call : delta.path("tool_calls")) {
                        if (call.path("index").asInt(0) == 0) {
                            arguments.append(call.path("function").path("arguments").asText(""));
                            gotText |= call.path("function").path("arguments").asText("").length() > 0;
                        }
                    }
                    gotText |= !content.isEmpty();
                    String reason = textOrNull(choice.path("finish_reason"));
                    if (reason != null) {
                        finishReason = reason;
                    }
                }
                return gotText;
            }

            @Override
            public boolean finished() {
                return done;
            }

            @Override
            public String endMarker() {
                return "data: [DONE]";
            }

            @Override
            public Completion.Builder result() {
                if (finishReason == null && text.length() == 0 && arguments.length() == 0) {
                    throw new MalformedReplyException("the stream carried no choices");
                }
                String t = toolCall ? arguments.toString() : text.toString();
                return Completion.builder(unfence ? ReplySchema.unfenced(t) : t).finishReason(finishReason)
                        .modelId(modelId).usage(usage);
            }
        }
    }
}
