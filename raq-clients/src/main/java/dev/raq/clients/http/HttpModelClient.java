package dev.raq.clients.http;

import org.apiguardian.api.API;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What every HTTP provider client shares: the settings, the key, the transport, the blocking and non-blocking call
 * around one {@link #send} a provider implements, and the model id and endpoint it reports. A provider client
 * builds its request and reads its reply; everything else lives here once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class HttpModelClient implements ModelClient {

    /** The client's own copy of its settings. */
    protected final ClientSettings settings;
    /** The key to send (never to print), or null. */
    protected final @Nullable String apiKey;
    /** Sends the provider's requests. */
    protected final HttpTransport transport;

    /**
     * @param settings the client's own copy of the settings ({@link ClientSettings#copy()})
     * @param apiKey   the resolved key ({@link ClientSettings#resolveKey}), or null
     */
    protected HttpModelClient(ClientSettings settings, @Nullable String apiKey) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.settings.apiKey = apiKey;
        this.transport = new HttpTransport(settings.newHttpClient(), settings.ticker, model(), apiKey);
    }

    /**
     * Sends the provider's request for {@code request}; the future completes on {@code executor} with the
     * completion, or exceptionally with a {@link dev.raq.core.model.ModelCallException}.
     */
    protected abstract CompletableFuture<Completion> send(ChatRequest request, Executor executor);

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.await(send(request, Runnable::run));
    }

    /**
     * Sends the request without blocking a thread while the server works ({@code HttpClient.sendAsync}).
     *
     * @param request  the chat request
     * @param executor where the returned future is completed, and so where stages chained to it run; pass a
     *                 direct executor ({@code Runnable::run}) when those stages never block
     * @return a future completed with the completion, or exceptionally with a
     *         {@link dev.raq.core.model.ModelCallException}
     */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        return send(request, executor);
    }

    /** True: calls go out through {@code HttpClient.sendAsync}, and replies are read on the shared HTTP threads. */
    @Override
    public boolean completesWithoutBlocking() {
        return true;
    }

    /** The configured model id. */
    @Override
    public Optional<String> modelId() {
        return Optional.of(model());
    }

    /** The base URL, such as {@code http://localhost:8000/v1}. */
    @Override
    public Optional<String> endpoint() {
        return Optional.ofNullable(settings.baseUrl).map(Object::toString);
    }

    /** The configured model id. */
    protected final String model() {
        return Objects.requireNonNull(settings.model, "model");
    }
}
