package dev.raq.clients.http;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import dev.raq.core.model.GenerationOptions;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The settings every HTTP client shares, validated as they are set; the public builders delegate to it. Once a
 * client is built it keeps its own {@linkplain #copy() copy}, so a builder stays reusable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClientSettings {

    /** Default time allowed to open a connection. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed for the server to start answering (generation can be slow). */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** Headers a user may not set with {@code header(...)}: credentials and what the client computes itself. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "x-api-key", "content-type",
            "content-length", "host", "connection", "anthropic-version");

    @Nullable URI baseUrl;
    @Nullable String model;
    @Nullable String apiKey;
    List<String> apiKeyVariables = new ArrayList<>();
    Function<String, @Nullable String> environment = System::getenv;
    GenerationOptions defaultOptions = GenerationOptions.none();
    Map<String, String> headers = new LinkedHashMap<>();
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    boolean streaming;
    LongSupplier ticker = System::nanoTime;

    /** A copy the client keeps, so that the builder stays reusable. */
    public ClientSettings copy() {
        ClientSettings c = new ClientSettings();
        c.baseUrl = baseUrl;
        c.model = model;
        c.apiKey = apiKey;
        c.apiKeyVariables = new ArrayList<>(apiKeyVariables);
        c.environment = environment;
        c.defaultOptions = defaultOptions;
        c.headers = new LinkedHashMap<>(headers);
        c.connectTimeout = connectTimeout;
        c.requestTimeout = requestTimeout;
        c.streaming = streaming;
        c.ticker = ticker;
        return c;
    }

    /**
     * Sets the base URL (http or https, no user info or query; a trailing slash is dropped).
     *
     * @throws IllegalArgumentException naming the problem
     */
    public void baseUrl(String url) {
        Objects.requireNonNull(url, "baseUrl");
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URI: '" + url + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL but was '" + url + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not carry credentials or a query (pass the key with apiKey): '" + uri.getHost()
                            + "...'");
        }
        this.baseUrl = uri;
    }

    void model(String model) {
        Objects.requireNonNull(model, "model");
        Preconditions.checkArgument(!model.isBlank(), "model must not be blank");
        this.model = model;
    }

    void apiKey(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        this.apiKey = Secrets.normalizeKey(apiKey, "apiKey(...)");
    }

    /** Sets the environment variables the key is read from, in order, when none is set explicitly. */
    public void apiKeyVariables(String... names) {
        Objects.requireNonNull(names, "names");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException("names[" + i + "] must be a variable name but was '"
                        + names[i] + "'");
            }
            list.add(names[i]);
        }
        this.apiKeyVariables = list;
    }

    void header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header name must not be blank or one the client sets itself ("
                    + RESERVED_HEADERS + ") but was '" + name + "'");
        }
        headers.put(name, value);
    }

    static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + d);
        }
        return d;
    }

    /**
     * The key to send: the one set explicitly, else the first environment variable that is set, else null. Fails
     * when no key is found and variables were named (the provider needs a key).
     */
    public @Nullable String resolveKey(List<String> problems) {
        if (apiKey != null) {
            return apiKey;
        }
        for (String name : apiKeyVariables) {
            String v = environment.apply(name);
            if (v != null && !v.isBlank()) {
                try {
                    return Secrets.normalizeKey(v, "the environment variable " + name);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                    return null;
                }
            }
        }
        if (!apiKeyVariables.isEmpty()) {
            problems.add("no API key: set one with apiKey(...) or the environment variable "
                    + String.join(" or ", apiKeyVariables));
        }
        return null;
    }

    /** Checks the required settings; every problem found is reported in one exception. */
    public void check(List<String> problems) {
        if (baseUrl == null) {
            problems.add("baseUrl is not set");
        }
        if (model == null) {
            problems.add("model is not set");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot build the client: " + String.join("; ", problems));
        }
    }

    /** The base URL with {@code path} appended, such as {@code /chat/completions}. */
    public URI endpoint(String path) {
        return URI.create(Objects.requireNonNull(baseUrl, "baseUrl") + path);
    }

    /** A new {@link HttpClient}: HTTP/2 over https (many streams on one connection), HTTP/1.1 on plain http. */
    HttpClient newHttpClient() {
        ThreadPerCallCheck.reportOnce();
        boolean https = "https".equalsIgnoreCase(Objects.requireNonNull(baseUrl, "baseUrl").getScheme());
        return HttpClient.newBuilder()
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(SharedHttpExecutor.INSTANCE)
                .build();
    }

    /** The settings a user may print: never the key. */
    public String describe() {
        return "baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", streaming=" + streaming + ", defaultOptions=" + defaultOptions
                + (headers.isEmpty() ? "" : ", headers=" + headers.keySet());
    }

    /** The configured base URL, if set. */
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** Options every request starts from; a request's own options win. */
    public GenerationOptions defaultOptions() {
        return defaultOptions;
    }

    /** The extra headers to send, in the order set. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** How long the server may take to start answering. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** True when replies are asked for as server-sent events (for the time to first token). */
    public boolean streaming() {
        return streaming;
    }
}
