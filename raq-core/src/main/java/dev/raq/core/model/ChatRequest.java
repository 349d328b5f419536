package dev.raq.core.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat request: the messages, the sampling options, and optionally the shape of the reply the caller needs.
 * Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ChatRequest {

    private final List<ChatMessage> messages;
    private final GenerationOptions options;
    private final @Nullable ReplySchema replySchema;

    private ChatRequest(List<ChatMessage> messages, GenerationOptions options, @Nullable ReplySchema replySchema) {
        this.messages = List.copyOf(messages);
        this.options = options;
        this.replySchema = replySchema;
    }

    /** A request of one user message with no options. */
    public static ChatRequest ofUser(String userMessage) {
        return builder().user(userMessage).build();
    }

    /** A builder with no messages. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.options = options;
        b.replySchema = replySchema;
        return b;
    }

    /** The messages in order; never empty. */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** The sampling options of this request (which override a client's defaults). */
    public GenerationOptions options() {
        return options;
    }

    /** The JSON shape the caller wants the reply in, if any. */
    public Optional<ReplySchema> replySchema() {
        return Optional.ofNullable(replySchema);
    }

    /** The content of the last user message, or the empty string when there is none. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /**
     * The content of the first user message (the prompt, where later ones are follow-ups such as a judge's
     * re-ask), or the empty string when there is none.
     */
    public String firstUserMessage() {
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.USER).map(ChatMessage::content).findFirst()
                .orElse("");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChatRequest)) {
            return false;
        }
        ChatRequest that = (ChatRequest) o;
        return messages.equals(that.messages) && options.equals(that.options)
                && Objects.equals(replySchema, that.replySchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, options, replySchema);
    }

    @Override
    public String toString() {
        return "ChatRequest{messages=" + messages + ", options=" + options
                + (replySchema == null ? "" : ", replySchema=" + replySchema.name()) + "}";
    }

    /** Builds a {@link ChatRequest}. Reusable: {@link #build()} does not reset it. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private GenerationOptions options = GenerationOptions.none();
        private @Nullable ReplySchema replySchema;

        private Builder() {
        }

        /** Appends a message. */
        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Appends a system message. */
        public Builder system(String content) {
            return message(ChatMessage.system(content));
        }

        /** Appends a user message. */
        public Builder user(String content) {
            return message(ChatMessage.user(content));
        }

        /** Appends an assistant message. */
        public Builder assistant(String content) {
            return message(ChatMessage.assistant(content));
        }

        /** Sets the sampling options (default: {@link GenerationOptions#none()}). */
        public Builder options(GenerationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Asks for a reply in this JSON shape (default: plain text). */
        public Builder replySchema(@Nullable ReplySchema replySchema) {
            this.replySchema = replySchema;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalStateException when no message was added
         */
        public ChatRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalStateException("a chat request needs at least one message");
            }
            return new ChatRequest(messages, options, replySchema);
        }
    }
}
