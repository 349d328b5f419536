package dev.raq.springai;

import dev.raq.core.model.Fingerprint;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;

import java.util.Optional;
import java.util.function.LongSupplier;

/** What a Spring AI-backed client was built with. Immutable. */
final class ClientSettings {

    private final @Nullable String modelId;
    private final @Nullable String endpoint;
    private final ReplySchemaMode mode;
    private final LongSupplier ticker;
    private final @Nullable ChatOptions defaults;

    ClientSettings(@Nullable String modelId, @Nullable String endpoint, ReplySchemaMode mode, LongSupplier ticker,
                   @Nullable ChatOptions defaults) {
        this.modelId = modelId;
        this.endpoint = endpoint;
        this.mode = mode;
        this.ticker = ticker;
        this.defaults = defaults;
    }

    Optional<String> modelId() {
        return Optional.ofNullable(modelId);
    }

    /** The model's name for failure messages: {@code "?"} when unknown. */
    String modelName() {
        return modelId == null ? "?" : modelId;
    }

    Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    ReplySchemaMode mode() {
        return mode;
    }

    LongSupplier ticker() {
        return ticker;
    }

    /** The model, the reply mode and the model's default sampling options (which change its answers). */
    String fingerprint() {
        ChatOptions d = defaults;
        String options = d == null ? "{}" : "{temperature=" + d.getTemperature() + ", topP=" + d.getTopP() + ", topK="
                + d.getTopK() + ", maxTokens=" + d.getMaxTokens() + ", stop=" + d.getStopSequences() + "}";
        return Fingerprint.of("spring-ai").with("model", modelId == null ? "" : modelId).with("replyMode", mode)
                .with("defaults", options).toString();
    }

    /** Readable; never the model's own {@code toString} (it may hold a key). */
    String describe(Object model) {
        return "SpringAiClient{model=" + modelName() + ", " + model.getClass().getSimpleName() + ", replySchemaMode="
                + mode + (endpoint == null ? "" : ", endpoint=" + endpoint) + "}";
    }

    /** The model's default options, if it has any (a plain {@code StreamingChatModel} has none). */
    @Nullable ChatOptions defaults() {
        return defaults;
    }
}
