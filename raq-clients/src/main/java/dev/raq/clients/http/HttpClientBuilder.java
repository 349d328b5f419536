package dev.raq.clients.http;

import org.apiguardian.api.API;
import dev.raq.core.model.GenerationOptions;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The setters every HTTP client builder shares; a provider's builder extends it. Each rejects a bad value at once with an
 * {@link IllegalArgumentException} naming the argument.
 *
 * @param <B> the concrete builder, returned by every setter
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class HttpClientBuilder<B extends HttpClientBuilder<B>> {

    /** What the setters set; a provider's builder reads it in {@code build()}. */
    protected final ClientSettings settings = new ClientSettings();

    /** For a provider's builder. */
    protected HttpClientBuilder() {
    }

    /** This builder, as its concrete type. */
    protected abstract B self();

    /**
     * The URL up to and including the API version (such as {@code https://api.openai.com/v1}); the endpoint path
     * is appended. A trailing slash is ignored.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     * @throws IllegalArgumentException when it is not an http(s) URL, or carries user info or a query
     */
    public B baseUrl(String baseUrl) {
        settings.baseUrl(baseUrl);
        return self();
    }

    /**
     * The model id to request, such as {@code gpt-4o-mini}, {@code meta/llama3-8b-instruct} or
     * {@code claude-3-5-haiku-20241022}; required.
     *
     * @param model a non-blank model id
     * @return this builder
     */
    public B model(String model) {
        settings.model(model);
        return self();
    }

    /**
     * The API key; takes precedence over the environment. It is sent in the provider's header and shown nowhere
     * else ({@code toString()} prints {@code apiKey=****}).
     *
     * @param apiKey a non-blank key
     * @return this builder
     */
    public B apiKey(String apiKey) {
        settings.apiKey(apiKey);
        return self();
    }

    /**
     * Where environment variables are read (default {@code System::getenv}); lets tests pass a map's {@code get}.
     *
     * @param environment variable name to value, or to null when unset
     * @return this builder
     */
    public B environment(Function<String, @Nullable String> environment) {
        settings.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /**
     * Sampling options sent with every request unless the request sets them (default: none).
     *
     * @param defaultOptions the defaults
     * @return this builder
     */
    public B defaultOptions(GenerationOptions defaultOptions) {
        settings.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
        return self();
    }

    /**
     * An extra header sent with every request (an organization, a beta flag, a gateway's routing header).
     *
     * @param name  the header name
     * @param value the header value
     * @return this builder
     * @throws IllegalArgumentException for headers the client sets itself, such as {@code Authorization}
     */
    public B header(String name, String value) {
        settings.header(name, value);
        return self();
    }

    /**
     * Time allowed to open a connection (default 10 s).
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration connectTimeout) {
        settings.connectTimeout = ClientSettings.positive("connectTimeout", connectTimeout);
        return self();
    }

    /**
     * Time allowed for the server to start answering (default 5 min); a call that exceeds it fails as a retriable
     * timeout.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public B requestTimeout(Duration requestTimeout) {
        settings.requestTimeout = ClientSettings.positive("requestTimeout", requestTimeout);
        return self();
    }

    /**
     * Whether to stream replies, which measures the time to first token (default false).
     *
     * @param streaming true to stream
     * @return this builder
     */
    public B streaming(boolean streaming) {
        settings.streaming = streaming;
        return self();
    }

    /**
     * The nanosecond time source for latency and time to first token (default {@code System::nanoTime}).
     *
     * @param ticker a monotonic nanosecond clock
     * @return this builder
     */
    public B ticker(LongSupplier ticker) {
        settings.ticker = Objects.requireNonNull(ticker, "ticker");
        return self();
    }

    /** The builder's settings, never the key. */
    @Override
    public String toString() {
        return getClass().getEnclosingClass().getSimpleName() + ".Builder{" + settings.describe() + "}";
    }
}
