package dev.raq.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.commons.Preconditions;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * A {@link ModelClient} for a JSON-in/JSON-out Amazon SageMaker endpoint, through SageMaker Runtime's InvokeEndpoint
 * ({@code POST /endpoints/{name}/invocations}, signed with the AWS SDK's SigV4 signer).
 * <pre>{@code
 * ModelClient qwen = SageMakerClient.builder().endpointName("qwen2-5-1-5b").region("us-east-1").build();
 * }</pre>
 *
 * <p>The body is written and read by a {@link SageMakerMapping}: by default the OpenAI-style messages API of the
 * TGI, vLLM and DJL/LMI containers. The client measures the latency; answers are not streamed. Credentials come from
 * the SDK's default chain unless given and appear in no exception, {@code toString} or fingerprint. Failures map as
 * in {@link BedrockClient}: throttling (429), timeouts and 5xx are retriable; validation (400), access (403) and an
 * unknown endpoint (404) are not; a {@code ModelError} (424, the container itself failed) is mapped by the
 * container's own status when the answer names it ({@code OriginalStatusCode}). Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SageMakerClient implements ModelClient {

    /** The time one call may take unless {@link Builder#timeout} sets another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String endpointName;
    private final @Nullable String modelLabel;
    private final Region region;
    private final URI base;
    private final boolean overridden;
    private final AwsCredentialsProvider credentials;
    private final SageMakerMapping mapping;
    private final GenerationOptions defaultOptions;
    private final Duration timeout;
    private final LongSupplier ticker;
    private final HttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final UnaryOperator<@Nullable String> redactor;

    private SageMakerClient(Builder b, String endpointName, Region region) {
        this.endpointName = endpointName;
        this.modelLabel = b.modelId;
        this.region = region;
        this.overridden = b.endpoint != null;
        this.base = b.endpoint != null ? b.endpoint
                : URI.create("https://runtime.sagemaker." + region.id() + ".amazonaws.com");
        this.credentials = Credentials.orDefault(b.credentials);
        this.mapping = b.mapping;
        this.defaultOptions = b.defaultOptions;
        this.timeout = b.timeout;
        this.ticker = b.ticker;
        this.redactor = Credentials.redactor(credentials);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** A builder with nothing set: the endpoint name is required; region and credentials default to the SDK's. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return AwsFailures.join(completeAsync(request, Runnable::run), model(), redactor);
    }

    /**
     * Signs and sends the request without waiting for the answer. Credentials are resolved on the calling thread
     * (the SDK caches them; the first resolution of an instance role may block briefly).
     *
     * @return a future completed on {@code executor} with the completion, or exceptionally with a
     *         {@link ModelCallException}
     */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        HttpRequest signed;
        try {
            ChatRequest merged = request.toBuilder().options(defaultOptions.merge(request.options())).build();
            String body = mapping.writer().write(merged);
            signed = sign(body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof IllegalArgumentException ? e
                    : AwsFailures.forThrowable(model(), e, redactor));
        }
        long start = ticker.getAsLong();
        CompletableFuture<Completion> result = new CompletableFuture<>();
        http.sendAsync(signed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, failure) -> {
                    long end = ticker.getAsLong();
                    executor.execute(() -> {
                        try {
                            if (failure != null) {
                                throw AwsFailures.forThrowable(model(), failure, redactor);
                            }
                            result.complete(read(response, end - start));
                        } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    });
                });
        return result;
    }

    private HttpRequest sign(String body) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/endpoints/" + endpointName + "/invocations");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json").build();
        SignedRequest signedRequest = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signedRequest.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return out.build();
    }

    private Completion read(HttpResponse<String> response, long elapsedNanos) {
        int status = response.statusCode();
        String body = response.body();
        if (status < 200 || status > 299) {
            throw failure(status, body, response);
        }
        Completion c;
        try {
            c = Objects.requireNonNull(mapping.reader().read(body), "the mapping's reader returned null");
        } catch (RuntimeException e) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE,
                    model(), 1, status, redactor.apply(body), e);
        }
        return c.toBuilder().latency(Duration.ofNanos(Math.max(0, elapsedNanos))).build();
    }

    private ModelCallException failure(int status, @Nullable String body, HttpResponse<String> response) {
        String code = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
        int effective = status;
        JsonNode json = null;
        try {
            json = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            // not JSON: the status alone decides
        }
        if (json != null && json.isObject()) {
            for (String field : new String[] {"__type", "code", "Code", "ErrorCode"}) {
                if (code == null && json.path(field).isTextual()) {
                    code = json.path(field).asText();
                }
            }
            if (status == 424 && json.path("OriginalStatusCode").canConvertToInt()) {
                effective = json.path("OriginalStatusCode").asInt();
            }
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
        return AwsFailures.forAnswer(model(), effective, status == 424 && effective != 424 ? null : code,
                redactor.apply(body), retryAfter);
    }

    /** The model label if one was set, else the endpoint name. */
    @Override
    public Optional<String> modelId() {
        return Optional.of(model());
    }

    private String model() {
        return modelLabel != null ? modelLabel : endpointName;
    }

    /** The runtime endpoint (or the override); never with credentials. */
    @Override
    public Optional<String> endpoint() {
        return Optional.of(base.toString());
    }

    /** The client kind, endpoint name, model label, mapping and default options; never credentials or region. */
    @Override
    public String fingerprint() {
        Fingerprint f = Fingerprint.of("sagemaker-invoke").with("endpointName", endpointName);
        if (modelLabel != null) {
            f.with("model", modelLabel);
        }
        return f.with("mapping", mapping.name()).with("options", defaultOptions).toString();
    }

    /** The settings, never credentials: the credentials provider by its kind only. */
    @Override
    public String toString() {
        return "SageMakerClient{endpointName=" + endpointName + (modelLabel == null ? "" : ", model=" + modelLabel)
                + ", region=" + region.id() + (overridden ? ", endpoint=" + base : "") + ", mapping=" + mapping.name()
                + ", timeout=" + timeout + ", credentials=" + Credentials.describe(credentials)
                + (defaultOptions.equals(GenerationOptions.none()) ? "" : ", defaultOptions=" + defaultOptions) + "}";
    }

    /**
     * Builds a {@link SageMakerClient}. Setters reject bad values at once; {@link #build()} reports every problem
     * together and leaves the builder reusable.
     */
    public static final class Builder {
        private @Nullable String endpointName;
        private @Nullable String modelId;
        private @Nullable Region region;
        private @Nullable URI endpoint;
        private @Nullable AwsCredentialsProvider credentials;
        private SageMakerMapping mapping = SageMakerMapping.openAiMessages();
        private GenerationOptions defaultOptions = GenerationOptions.none();
        private Duration timeout = DEFAULT_TIMEOUT;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** The SageMaker endpoint's name ({@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}). */
        public Builder endpointName(String endpointName) {
            Objects.requireNonNull(endpointName, "endpointName");
            Preconditions.checkArgument(endpointName.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"), () ->
                    "endpointName must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} but was '" + endpointName + "'");
            this.endpointName = endpointName;
            return this;
        }

        /** The model behind the endpoint, as reported by {@link SageMakerClient#modelId()} (default: the name). */
        public Builder modelId(String modelId) {
            Objects.requireNonNull(modelId, "modelId");
            Preconditions.checkArgument(!modelId.isBlank(), "modelId must not be blank");
            this.modelId = modelId;
            return this;
        }

        /** The AWS region, such as {@code us-east-1} (default: the SDK's region chain, e.g. {@code AWS_REGION}). */
        public Builder region(String region) {
            this.region = AwsSettings.region(region);
            return this;
        }

        /** A runtime endpoint to call instead of the region's (a VPC endpoint or a test server); no credentials. */
        public Builder endpointOverride(URI endpoint) {
            this.endpoint = AwsSettings.endpoint(endpoint);
            return this;
        }

        /** The credentials (default: the SDK's {@code DefaultCredentialsProvider} chain). */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** How requests and answers are mapped (default {@link SageMakerMapping#openAiMessages()}). */
        public Builder mapping(SageMakerMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** Options applied to every request under the request's own (default: none). */
        public Builder defaultOptions(GenerationOptions defaultOptions) {
            this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
            return this;
        }

        /** The time one call may take (default {@link #DEFAULT_TIMEOUT}); positive. */
        public Builder timeout(Duration timeout) {
            this.timeout = AwsSettings.timeout(timeout);
            return this;
        }

        /** The nanosecond time source for latency (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Builds the client (credentials are resolved on the first call, not here).
         *
         * @throws IllegalStateException listing every problem: no endpoint name; no region set and none in the chain
         */
        public SageMakerClient build() {
            List<String> problems = new ArrayList<>();
            if (endpointName == null) {
                problems.add("no endpoint name: call endpointName(...)");
            }
            Region r = AwsSettings.regionOrDefault(region, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build a SageMakerClient: " + String.join("; ", problems));
            }
            return new SageMakerClient(this, Objects.requireNonNull(endpointName), Objects.requireNonNull(r));
        }
    }
}
