package dev.raq.springai;

import dev.raq.core.model.ModelClient;

import java.util.Objects;
import java.util.Optional;

/**
 * What every Spring AI-backed client shares: it reports its {@link ClientSettings} (model id, fingerprint,
 * endpoint) and names the wrapped object by its kind only in {@code toString}.
 */
abstract class AdaptedClient implements ModelClient {

    /** What the client was built with. */
    final ClientSettings settings;
    private final Object target;

    AdaptedClient(Object target, ClientSettings settings) {
        this.target = Objects.requireNonNull(target, "target");
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
        return settings.describe(target);
    }
}
