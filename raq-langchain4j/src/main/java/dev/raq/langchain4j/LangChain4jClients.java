package dev.raq.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.raq.commons.Preconditions;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * RAQ clients from LangChain4j chat models, and the reverse: the one entry point of {@code raq-langchain4j}.
 *
 * <p>A LangChain4j model as a RAQ {@link ModelClient} keeps what a one-line lambda loses: the configured model id
 * ({@link ModelClient#modelId()}, so a judge cannot also be a candidate), the model id the server reported, token
 * usage and finish reason on the {@code Completion}, every message with its role (a judge's system prompt stays a
 * system message), temperature, top-p, max tokens, stop sequences and penalties as LangChain4j
 * {@code ChatRequestParameters}, and structured replies (a {@link dev.raq.core.model.ReplySchema} becomes a JSON
 * schema response format, or a forced tool call; see {@link ReplySchemaMode}). RAQ times each call: latency, and for
 * a streaming model the time to first token.
 * <pre>{@code
 * ChatModel judgeModel = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").build();
 * ModelClient judge = LangChain4jClients.of(judgeModel);
 * ModelClient candidate = LangChain4jClients.of(streamingModel);            // with time to first token
 * ChatModel asLangChain4j = LangChain4jClients.asChatModel(raqClient);      // the reverse
 * }</pre>
 *
 * <p>LangChain4j's exceptions become RAQ's: rate limits (HTTP 429), timeouts (HTTP 408, or none in time), server
 * errors (5xx) and lost connections are {@link dev.raq.core.model.RetriableModelCallException}s; authentication
 * (401/403), invalid requests (other 4xx) and unknown models (404) are
 * {@link dev.raq.core.model.NonRetriableModelCallException}s. The HTTP status is kept; the error body is not, because
 * the adapter cannot know which secrets a provider echoes there. Let RAQ retry (its retry decorator) and give the
 * LangChain4j model {@code maxRetries(0)}, so that a failure is not retried twice over.
 *
 * <p>LangChain4j's common request parameters have no seed, so a RAQ seed is not sent; set it on the LangChain4j
 * model.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LangChain4jClients {

    private LangChain4jClients() {
    }

    /**
     * A RAQ client over a blocking LangChain4j chat model, with the model id from its default request parameters and
     * {@link ReplySchemaMode#RESPONSE_FORMAT}. Thread-safe if the model is.
     *
     * @throws NullPointerException when {@code model} is null
     */
    public static ModelClient of(ChatModel model) {
        return builder(model).build();
    }

    /**
     * A RAQ client over a streaming LangChain4j chat model, with the model id from its default request parameters
     * and {@link ReplySchemaMode#RESPONSE_FORMAT}; its completions carry the time to first token. Thread-safe if the model is.
     *
     * @throws NullPointerException when {@code model} is null
     */
    public static ModelClient of(StreamingChatModel model) {
        return builder(model).build();
    }

    /** A builder of a RAQ client over a blocking LangChain4j chat model. */
    public static Builder builder(ChatModel model) {
        return new Builder(Objects.requireNonNull(model, "model"), null);
    }

    /** A builder of a RAQ client over a streaming LangChain4j chat model. */
    public static Builder builder(StreamingChatModel model) {
        return new Builder(null, Objects.requireNonNull(model, "model"));
    }

    /**
     * A RAQ client as a LangChain4j chat model, for LangChain4j code (AI Services, chains) that should call a model
     * through RAQ's clients and decorators (retry, rate limit, record/replay). System, user and AI text messages,
     * temperature, top-p, max output tokens, stop sequences, penalties and a JSON response format (as the RAQ
     * request's reply schema) are carried; the reply has the text, the model name (the server's, else the client's
     * model id), token usage and finish reason. Tools, images and top-k are refused with LangChain4j's
     * {@code UnsupportedFeatureException}; RAQ failures become LangChain4j's {@code RetriableException} and
     * {@code NonRetriableException} subclasses (rate limit, timeout, authentication, model not found ...).
     *
     * @throws NullPointerException when {@code client} is null
     */
    public static ChatModel asChatModel(ModelClient client) {
        return new RaqChatModel(Objects.requireNonNull(client, "client"));
    }

    /** Builds a RAQ client over a LangChain4j chat model. Reusable: {@link #build()} does not reset it. */
    public static final class Builder {
        private final @Nullable ChatModel chatModel;
        private final @Nullable StreamingChatModel streamingModel;
        private @Nullable String modelId;
        private @Nullable String endpoint;
        private ReplySchemaMode replySchemaMode = ReplySchemaMode.RESPONSE_FORMAT;
        private LongSupplier ticker = System::nanoTime;

        private Builder(@Nullable ChatModel chatModel, @Nullable StreamingChatModel streamingModel) {
            this.chatModel = chatModel;
            this.streamingModel = streamingModel;
        }

        /**
         * The model id the client reports (default: the {@code modelName} of the model's default request
         * parameters, or none when it has none).
         *
         * @throws IllegalArgumentException when blank
         */
        public Builder modelId(String modelId) {
            Objects.requireNonNull(modelId, "modelId");
            Preconditions.checkArgument(!modelId.isBlank(), "modelId must not be blank");
            this.modelId = modelId;
            return this;
        }

        /**
         * Where the model sends its calls, such as the base URL it was built with, so that failures and reports can
         * name it (default: none; LangChain4j models do not tell). Never include credentials.
         *
         * @throws IllegalArgumentException when blank
         */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            Preconditions.checkArgument(!endpoint.isBlank(), "endpoint must not be blank");
            this.endpoint = endpoint;
            return this;
        }

        /** How a reply schema is asked for (default {@link ReplySchemaMode#RESPONSE_FORMAT}). */
        public Builder replySchemaMode(ReplySchemaMode replySchemaMode) {
            this.replySchemaMode = Objects.requireNonNull(replySchemaMode, "replySchemaMode");
            return this;
        }

        /** The nanosecond clock that times calls (tests). */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The client. */
        public ModelClient build() {
            ChatRequestParameters defaults = defaults();
            String id = modelId;
            if (id == null && defaults != null && defaults.modelName() != null && !defaults.modelName().isBlank()) {
                id = defaults.modelName();
            }
            Settings settings = new Settings(id, endpoint, replySchemaMode, ticker, defaults);
            if (chatModel != null) {
                return new ChatModelClient(chatModel, settings);
            }
            return new StreamingChatModelClient(Objects.requireNonNull(streamingModel), settings);
        }

        private @Nullable ChatRequestParameters defaults() {
            try {
                return chatModel != null ? chatModel.defaultRequestParameters()
                        : Objects.requireNonNull(streamingModel).defaultRequestParameters();
            } catch (RuntimeException e) { // a hand-written model may not implement it
                return null;
            }
        }
    }
}
