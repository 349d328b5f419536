package dev.raq.springai;

import dev.raq.commons.Preconditions;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * RAQ clients from Spring AI chat models, and the reverse: the one entry point of {@code raq-spring-ai}.
 *
 * <p>A Spring AI model as a RAQ {@link ModelClient} keeps the configured model id (the model of its default
 * options), the model id the server reported, token usage and finish reason (lower case, such as {@code stop}), every
 * message with its role (a judge's system prompt stays a system message), temperature, top-p, max tokens, stop
 * sequences and penalties as portable {@code ChatOptions}, and structured replies (see {@link ReplySchemaMode}). RAQ
 * times each call.
 * <pre>{@code
 * ModelClient judge = SpringAiClients.of(openAiChatModel);
 * ModelClient candidate = SpringAiClients.streaming(openAiChatModel);            // with time to first token
 * ModelClient app = SpringAiClients.builder(chatClient).modelId("gpt-4o-mini").build(); // advisors apply
 * ChatClient chatClient = ChatClient.create(SpringAiClients.asChatModel(raqClient));   // the reverse
 * }</pre>
 *
 * <p>Spring AI's failures become RAQ's by HTTP status: 408, 429 and 5xx, timeouts and lost connections are
 * {@link dev.raq.core.model.RetriableModelCallException}s (Spring AI itself treats 429 as non-transient); 401/403,
 * 404 and other 4xx are {@link dev.raq.core.model.NonRetriableModelCallException}s. The error body is not kept. Give
 * the Spring AI model a retry template of one attempt and let RAQ retry, so that a failure is not retried twice over.
 * {@link #streaming(StreamingChatModel)} streams instead, and its completions carry the time to first token.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SpringAiClients {

    private SpringAiClients() {
    }

    /**
     * A RAQ client over a Spring AI chat model, with the model id of its default options and
     * {@link ReplySchemaMode#OUTPUT_SCHEMA}. Thread-safe if the model is.
     *
     * @throws NullPointerException when {@code model} is null
     */
    public static ModelClient of(ChatModel model) {
        return builder(model).build();
    }

    /** A builder of a RAQ client over a Spring AI chat model (blocking calls). */
    public static Builder builder(ChatModel model) {
        return new Builder(Objects.requireNonNull(model, "model"), false);
    }

    /**
     * A RAQ client that streams from a Spring AI model ({@code ChatModel} is one): the chunks are joined into one
     * completion, which carries the time to first token too; the model id comes from the default options when the
     * model is also a {@code ChatModel}. Thread-safe if the model is.
     *
     * @throws NullPointerException when {@code model} is null
     */
    public static ModelClient streaming(StreamingChatModel model) {
        return streamingBuilder(model).build();
    }

    /** A builder of a RAQ client that streams from a Spring AI model. */
    public static Builder streamingBuilder(StreamingChatModel model) {
        return new Builder(Objects.requireNonNull(model, "model"), true);
    }

    /**
     * A RAQ client over a Spring AI {@link ChatClient}, whose default system text, options and advisors apply to
     * every call. A chat client does not tell its model, so set {@link Builder#modelId(String)} through
     * {@link #builder(ChatClient)} when the evaluation should know it; a reply schema is asked for in the prompt
     * ({@link ReplySchemaMode#PROMPT}), since the client's option type is unknown. Thread-safe if the chat client is.
     *
     * @throws NullPointerException when {@code chatClient} is null
     */
    public static ModelClient of(ChatClient chatClient) {
        return builder(chatClient).build();
    }

    /** A builder of a RAQ client over a Spring AI chat client. */
    public static Builder builder(ChatClient chatClient) {
        return new Builder(Objects.requireNonNull(chatClient, "chatClient"));
    }

    /**
     * A RAQ client as a Spring AI chat model, for Spring code ({@code ChatClient}, advisors) that should call a model
     * through RAQ's clients and decorators. System, user and assistant text messages, temperature, top-p, max tokens,
     * stop sequences, penalties and an output schema ({@code StructuredOutputChatOptions}) are carried; the reply
     * has the text, the model (the server's, else the client's model id), usage and the finish reason (upper case,
     * as Spring AI's OpenAI model reports it). Tool messages and top-k are refused with
     * {@link UnsupportedOperationException}; RAQ failures become Spring AI's {@code TransientAiException} (retriable)
     * or {@code NonTransientAiException}, with the RAQ failure as the cause.
     *
     * @throws NullPointerException when {@code client} is null
     */
    public static ChatModel asChatModel(ModelClient client) {
        return new RaqChatModel(Objects.requireNonNull(client, "client"));
    }

    /** Builds a RAQ client over a Spring AI chat model. Reusable: {@link #build()} does not reset it. */
    public static final class Builder {
        private final @Nullable StreamingChatModel model;
        private final @Nullable ChatClient chatClient;
        private final boolean streaming;
        private @Nullable String modelId;
        private @Nullable String endpoint;
        private ReplySchemaMode replySchemaMode = ReplySchemaMode.OUTPUT_SCHEMA;
        private LongSupplier ticker = System::nanoTime;

        private Builder(StreamingChatModel model, boolean streaming) {
            this.model = model;
            this.chatClient = null;
            this.streaming = streaming;
        }

        private Builder(ChatClient chatClient) {
            this.model = null;
            this.chatClient = chatClient;
            this.streaming = false;
        }

        /**
         * The model id the client reports (default: the model of the chat model's default options, or none).
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
         * Where the model sends its calls, such as its base URL, so that failures can name it (default: none).
         * Never include credentials.
         *
         * @throws IllegalArgumentException when blank
         */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            Preconditions.checkArgument(!endpoint.isBlank(), "endpoint must not be blank");
            this.endpoint = endpoint;
            return this;
        }

        /** How a reply schema is asked for (default {@link ReplySchemaMode#OUTPUT_SCHEMA}). */
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
            ChatOptions defaults = null;
            if (model instanceof ChatModel chatModel) {
                try {
                    defaults = chatModel.getDefaultOptions();
                } catch (RuntimeException e) { // a hand-written model may not have them
                    defaults = null;
                }
            }
            String id = modelId;
            if (id == null && defaults != null && defaults.getModel() != null && !defaults.getModel().isBlank()) {
                id = defaults.getModel();
            }
            ClientSettings settings = new ClientSettings(id, endpoint, replySchemaMode, ticker, defaults);
            if (chatClient != null) {
                return new ChatClientClient(chatClient, settings);
            }
            StreamingChatModel m = Objects.requireNonNull(model);
            if (streaming || !(m instanceof ChatModel)) {
                return new StreamingChatModelClient(m, settings);
            }
            return new ChatModelClient((ChatModel) m, settings);
        }
    }
}
