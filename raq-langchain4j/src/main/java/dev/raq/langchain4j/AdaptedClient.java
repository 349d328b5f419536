package dev.raq.langchain4j;

import dev.raq.core.model.ModelClient;

import java.util.Objects;
import java.util.Optional;

/**
 * What every LangChain4j-backed client shares: it reports its {@link Settings} (model id, fingerprint, endpoint)
 * and names the wrapped model by its kind only in {@code toString}.
 */
abstract class AdaptedClient implements ModelClient {

    /** What the client was built with. */
    final Settings settings;
    private final Object model;

    AdaptedClient(Object model, Settings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<String> modelId() {
        return settings.modelId();
    }

    @Override
    public String fingerprint() {
        return settings.fingerprint();
    }

    @Override
    public Optional<String> endpoint() {
        return settings.endpoint();
    }

    @Override
    public String toString() {
        return settings.describe(model);
    }
}
