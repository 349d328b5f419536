package dev.raq.langchain4j;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.raq.core.model.Fingerprint;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.function.LongSupplier;

/** What a LangChain4j-backed client was built with. Immutable. */
final class Settings {

    private final @Nullable String modelId;
    private final @Nullable String endpoint;
    private final ReplySchemaMode mode;
    private final LongSupplier ticker;
    private final String defaults;

    Settings(@Nullable String modelId, @Nullable String endpoint, ReplySchemaMode mode, LongSupplier ticker,
             @Nullable ChatRequestParameters defaults) {
        this.modelId = modelId;
        this.endpoint = endpoint;
        this.mode = mode;
        this.ticker = ticker;
        this.defaults = describe(defaults);
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

    /** The model, the reply mode and the model's default sampling parameters (which change its answers). */
    String fingerprint() {
        return Fingerprint.of("langchain4j").with("model", modelId == null ? "" : modelId).with("replyMode", mode)
                .with("defaults", defaults).toString();
    }

    /** A readable description that never shows the model's own {@code toString} (it may hold a key). */
    String describe(Object model) {
        return "LangChain4jClient{model=" + modelName() + ", " + model.getClass().getSimpleName()
                + ", replySchemaMode=" + mode + (endpoint == null ? "" : ", endpoint=" + endpoint) + "}";
    }

    private static String describe(@Nullable ChatRequestParameters p) {
        if (p == null) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder("{");
        Object[][] settings = {{"temperature", p.temperature()}, {"topP", p.topP()}, {"topK", p.topK()},
                {"maxOutputTokens", p.maxOutputTokens()}, {"stop", p.stopSequences()},
                {"frequencyPenalty", p.frequencyPenalty()}, {"presencePenalty", p.presencePenalty()},
                {"responseFormat", p.responseFormat() == null ? null : p.responseFormat().type()}};
        String sep = "";
        for (Object[] kv : settings) {
            Object v = kv[1];
            if (v != null && !(v instanceof java.util.Collection<?> c && c.isEmpty())) {
                sb.append(sep).append(kv[0]).append('=').append(v);
                sep = ", ";
            }
        }
        return sb.append('}').toString();
    }
}
