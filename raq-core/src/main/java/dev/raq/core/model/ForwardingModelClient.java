package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;

/**
 * A base for decorators around a {@link ModelClient} (retry, rate limits, recording …) that do not change what the
 * model answers: the {@linkplain #modelId() model id}, {@linkplain #fingerprint() fingerprint} and
 * {@linkplain #endpoint() endpoint} are the delegate's. Subclasses implement {@link #complete(ChatRequest)} (and
 * usually {@code completeAsync}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ForwardingModelClient implements ModelClient {

    /** The decorated client. */
    protected final ModelClient delegate;

    /**
     * @param delegate the decorated client
     * @throws NullPointerException if it is null
     */
    protected ForwardingModelClient(ModelClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The delegate's model id. */
    @Override
    public Optional<String> modelId() {
        return delegate.modelId();
    }

    /** The delegate's fingerprint: a decorator does not change answers. */
    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    /** Whether the delegate replays recorded answers. */
    @Override
    public boolean replays() {
        return delegate.replays();
    }

    /** The delegate's endpoint. */
    @Override
    public Optional<String> endpoint() {
        return delegate.endpoint();
    }
}
