package dev.raq.bedrock;

import dev.raq.commons.Preconditions;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * A {@link ModelClient} for the Amazon Bedrock Runtime Converse API (and ConverseStream when streaming), through the
 * AWS SDK for Java 2.x.
 * <pre>{@code
 * ModelClient nova = BedrockClient.nova(BedrockClient.NOVA_PRO).region("us-east-1").build();
 * ModelClient claude = BedrockClient.claude(BedrockClient.CLAUDE_3_7_SONNET).streaming(true).build();
 * }</pre>
 *
 * <p>System messages become Converse's {@code system} blocks; user and assistant messages its {@code messages}
 * (consecutive messages of one role are joined into one message of several text blocks, as Converse requires roles
 * to alternate); temperature, top-p, max tokens and stop sequences its {@code inferenceConfig} (unset ones are not
 * sent, so the model's defaults apply; seed and frequency/presence penalties have no Converse parameter and are not
 * sent). A {@link ReplySchema} is asked for as a forced tool ({@code toolConfig} with one {@code toolSpec} whose
 * input schema is the schema, and {@code toolChoice.tool}); the completion's text is the tool input as JSON, or the
 * model's text when it called no tool. The completion carries the reported usage, the stop reason
 * ({@code end_turn}, {@code max_tokens}, {@code tool_use} …) and the latency; a streamed one also the time to first
 * token and the time of every chunk. Converse reports no model id, so the completion has none; {@link #modelId()}
 * is the configured one.
 *
 * <p>Credentials come from the SDK's default chain (environment, system properties, profile, container or instance
 * role) unless {@link Builder#credentialsProvider} gives others; they appear in no log line of this client, no
 * exception, no {@code toString} and no fingerprint. The SDK does not retry: failures are mapped at once to
 * {@link dev.raq.core.model.RetriableModelCallException} (throttling, timeouts, 5xx) or
 * {@link NonRetriableModelCallException} (validation, access, unknown model), so that RAQ's retry decorator is the
 * one place retries are set. Calls go over HTTP/1.1 (Converse and ConverseStream need no HTTP/2). Thread-safe; {@link #close()} releases the SDK client's connections and threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class BedrockClient implements ModelClient, AutoCloseable {

    /** Amazon Nova Pro. */
    public static final String NOVA_PRO = "amazon.nova-pro-v1:0";
    /** Amazon Nova Lite. */
    public static final String NOVA_LITE = "amazon.nova-lite-v1:0";
    /** Amazon Nova Micro. */
    public static final String NOVA_MICRO = "amazon.nova-micro-v1:0";
    /** Claude 3.7 Sonnet through the US cross-region inference profile (Bedrock serves it only that way). */
    public static final String CLAUDE_3_7_SONNET = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
    /** Claude 3.5 Haiku through the US cross-region inference profile. */
    public static final String CLAUDE_3_5_HAIKU = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
    /** The time one call may take, retries excluded (the SDK does none), unless {@link Builder#timeout} sets another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final String model;
    private final Region region;
    private final @Nullable URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final GenerationOptions defaultOptions;
    private final boolean streaming;
    private final Duration timeout;
    private final LongSupplier ticker;
    private final BedrockRuntimeAsyncClient sdk;
    private final UnaryOperator<@Nullable String> redactor;

    private BedrockClient(Builder b, String model, Region region) {
        this.model = model;
        this.region = region;
        this.endpoint = b.endpoint;
        this.credentials = Credentials.orDefault(b.credentials);
        this.defaultOptions = b.defaultOptions;
        this.streaming = b.streaming;
        this.timeout = b.timeout;
        this.ticker = b.ticker;
        this.redactor = Credentials.redactor(credentials);
        BedrockRuntimeAsyncClientBuilder sdkBuilder = BedrockRuntimeAsyncClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
        if (endpoint != null) {
            sdkBuilder.endpointOverride(endpoint);
        }
        this.sdk = sdkBuilder.build();
    }

    /** A builder with nothing set: the model is required; region and credentials default to the SDK's chains. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for an Amazon Nova model, such as {@link #NOVA_PRO} or a cross-region inference profile
     * ({@code us.amazon.nova-pro-v1:0}).
     *
     * @throws IllegalArgumentException when the id names no Nova model
     */
    public static Builder nova(String modelId) {
        return family(modelId, "amazon.nova", "a Nova model id such as " + NOVA_PRO);
    }

    /**
     * A builder for Anthropic Claude on Bedrock, such as {@link #CLAUDE_3_7_SONNET} (an inference profile) or
     * {@code anthropic.claude-3-haiku-20240307-v1:0}.
     *
     * @throws IllegalArgumentException when the id names no Claude model
     */
    public static Builder claude(String modelId) {
        return family(modelId, "anthropic.claude", "a Claude model id such as " + CLAUDE_3_7_SONNET);
    }

    private static Builder family(String modelId, String marker, String expected) {
        Objects.requireNonNull(modelId, "modelId");
        Preconditions.checkArgument(modelId.contains(marker), () -> "modelId must be " + expected + " but was '"
                + modelId + "'");
        return builder().model(modelId);
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return AwsFailures.join(completeAsync(request, Runnable::run), model, redactor);
    }

    /**
     * Sends the request without blocking: the SDK's asynchronous client (Netty) carries it.
     *
     * @param request  the chat request
     * @param executor where the returned future is completed
     * @return a future completed with the completion, or exceptionally with a
     *         {@link dev.raq.core.model.ModelCallException}
     * @throws IllegalArgumentException when the request's reply schema is not a JSON object
     */
    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        Parts parts = parts(request);
        boolean tool = request.replySchema().isPresent();
        long start = ticker.getAsLong();
        CompletableFuture<Completion> reply;
        if (streaming) {
            StreamCollector collector = new StreamCollector(model, tool, ticker, start);
            ConverseStreamRequest r = ConverseStreamRequest.builder().modelId(model).messages(parts.messages)
                    .system(parts.system).inferenceConfig(parts.inference).toolConfig(parts.tools).build();
            reply = sdk.converseStream(r, collector)
                    .thenApply(ignored -> collector.completion(ticker.getAsLong()));
        } else {
            ConverseRequest r = ConverseRequest.builder().modelId(model).messages(parts.messages)
                    .system(parts.system).inferenceConfig(parts.inference).toolConfig(parts.tools).build();
            reply = sdk.converse(r).thenApply(response -> read(response, tool, ticker.getAsLong() - start));
        }
        CompletableFuture<Completion> result = new CompletableFuture<>();
        reply.whenComplete((c, failure) -> executor.execute(() -> {
            if (failure != null) {
                result.completeExceptionally(AwsFailures.forThrowable(model, failure, redactor));
            } else {
                result.complete(c);
            }
        }));
        return result;
    }

    private Completion read(ConverseResponse response, boolean tool, long elapsedNanos) {
        StringBuilder text = new StringBuilder();
        String toolInput = null;
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock block : response.output().message().content()) {
                if (block.text() != null) {
                    text.append(block.text());
                } else if (block.toolUse() != null && toolInput == null && block.toolUse().input() != null) {
                    toolInput = Json.toJson(block.toolUse().input()).toString();
                }
            }
        } else {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE, model,
                    1, 200, "the Converse reply has no output message", null);
        }
        TokenUsage usage = null;
        if (response.usage() != null && response.usage().inputTokens() != null
                && response.usage().outputTokens() != null) {
            usage = TokenUsage.reported(response.usage().inputTokens(), response.usage().outputTokens());
        }
        return Completion.builder(tool && toolInput != null ? toolInput : text.toString())
                .usage(usage)
                .finishReason(response.stopReasonAsString())
                .latency(Duration.ofNanos(Math.max(0, elapsedNanos)))
                .build();
    }

    /** The request's parts in Converse's shapes, default options merged. */
    private Parts parts(ChatRequest request) {
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        ConversationRole role = null;
        List<ContentBlock> content = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                system.add(SystemContentBlock.fromText(m.content()));
                continue;
            }
            ConversationRole r = m.role() == ChatMessage.Role.USER ? ConversationRole.USER
                    : ConversationRole.ASSISTANT;
            if (role != null && r != role) {
                messages.add(Message.builder().role(role).content(content).build());
                content = new ArrayList<>();
            }
            role = r;
            content.add(ContentBlock.fromText(m.content()));
        }
        if (role != null) {
            messages.add(Message.builder().role(role).content(content).build());
        }
        GenerationOptions o = defaultOptions.merge(request.options());
        InferenceConfiguration inference = null;
        if (o.maxTokens().isPresent() || o.temperature().isPresent() || o.topP().isPresent() || !o.stop().isEmpty()) {
            InferenceConfiguration.Builder ib = InferenceConfiguration.builder();
            o.maxTokens().ifPresent(ib::maxTokens);
            o.temperature().ifPresent(v -> ib.temperature((float) v));
            o.topP().ifPresent(v -> ib.topP((float) v));
            if (!o.stop().isEmpty()) {
                ib.stopSequences(o.stop());
            }
            inference = ib.build();
        }
        ToolConfiguration tools = request.replySchema().map(BedrockClient::toolFor).orElse(null);
        return new Parts(system.isEmpty() ? null : system, messages, inference, tools);
    }

    private static ToolConfiguration toolFor(ReplySchema s) {
        ToolSpecification spec = ToolSpecification.builder().name(s.name()).description(s.description())
                .inputSchema(ToolInputSchema.fromJson(Json.toDocument(Json.schema(s)))).build();
        return ToolConfiguration.builder().tools(Tool.fromToolSpec(spec))
                .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(s.name()).build())).build();
    }

    /** The request's parts; a null one is left unset (the SDK's builders treat null as not set). */
    private static final class Parts {
        final @Nullable List<SystemContentBlock> system;
        final List<Message> messages;
        final @Nullable InferenceConfiguration inference;
        final @Nullable ToolConfiguration tools;

        Parts(@Nullable List<SystemContentBlock> system, List<Message> messages,
              @Nullable InferenceConfiguration inference, @Nullable ToolConfiguration tools) {
            this.system = system;
            this.messages = messages;
            this.inference = inference;
            this.tools = tools;
        }
    }

    /** True: calls go out through the SDK's asynchronous client and complete on its threads. */
    @Override
    public boolean completesWithoutBlocking() {
        return true;
    }

    /** The configured model id, such as {@code amazon.nova-pro-v1:0}. */
    @Override
    public Optional<String> modelId() {
        return Optional.of(model);
    }

    /** The endpoint override, or Bedrock Runtime's regional endpoint; never with credentials. */
    @Override
    public Optional<String> endpoint() {
        return Optional.of(endpoint != null ? endpoint.toString()
                : "https://bedrock-runtime." + region.id() + ".amazonaws.com");
    }

    /** The client kind, model and default options; never credentials, region or endpoint. */
    @Override
    public String fingerprint() {
        return Fingerprint.of("bedrock-converse").with("model", model).with("options", defaultOptions).toString();
    }

    /** The region the client calls. */
    public Region region() {
        return region;
    }

    /** Closes the SDK client (its connections and event loop). */
    @Override
    public void close() {
        sdk.close();
    }

    /** The settings, never credentials: the credentials provider by its kind only. */
    @Override
    public String toString() {
        return "BedrockClient{model=" + model + ", region=" + region.id()
                + (endpoint == null ? "" : ", endpoint=" + endpoint) + ", streaming=" + streaming
                + ", timeout=" + timeout + ", credentials=" + Credentials.describe(credentials)
                + (defaultOptions.equals(GenerationOptions.none()) ? "" : ", defaultOptions=" + defaultOptions) + "}";
    }

    /**
     * Builds a {@link BedrockClient}. Setters reject bad values at once; {@link #build()} reports every problem
     * together and leaves the builder reusable.
     */
    public static final class Builder {
        private @Nullable String model;
        private @Nullable Region region;
        private @Nullable URI endpoint;
        private @Nullable AwsCredentialsProvider credentials;
        private GenerationOptions defaultOptions = GenerationOptions.none();
        private boolean streaming;
        private Duration timeout = DEFAULT_TIMEOUT;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** The Bedrock model id or inference profile (id or ARN), such as {@code amazon.nova-pro-v1:0}. */
        public Builder model(String model) {
            Objects.requireNonNull(model, "model");
            Preconditions.checkArgument(!model.isBlank(), "model must not be blank");
            this.model = model.strip();
            return this;
        }

        /** The AWS region, such as {@code us-east-1} (default: the SDK's region chain, e.g. {@code AWS_REGION}). */
        public Builder region(String region) {
            this.region = AwsSettings.region(region);
            return this;
        }

        /**
         * An endpoint to call instead of the region's (a VPC endpoint, a proxy, or a test server), such as
         * {@code https://vpce-0123.bedrock-runtime.us-east-1.vpce.amazonaws.com}; it must not hold credentials.
         */
        public Builder endpointOverride(URI endpoint) {
            this.endpoint = AwsSettings.endpoint(endpoint);
            return this;
        }

        /** The credentials (default: the SDK's {@code DefaultCredentialsProvider} chain). */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Options applied to every request under the request's own (default: none). */
        public Builder defaultOptions(GenerationOptions defaultOptions) {
            this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
            return this;
        }

        /** Whether to call ConverseStream, measuring the time to first token (default false: Converse). */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** The time one call may take (default {@link #DEFAULT_TIMEOUT}); positive. */
        public Builder timeout(Duration timeout) {
            this.timeout = AwsSettings.timeout(timeout);
            return this;
        }

        /** The nanosecond time source for latency and time to first token (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Builds the client (credentials are resolved on the first call, not here).
         *
         * @throws IllegalStateException listing every problem: no model; no region set and none in the SDK's chain
         */
        public BedrockClient build() {
            List<String> problems = new ArrayList<>();
            if (model == null) {
                problems.add("no model: call model(...), or use nova(...) or claude(...)");
            }
            Region r = AwsSettings.regionOrDefault(region, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build a BedrockClient: " + String.join("; ", problems));
            }
            return new BedrockClient(this, Objects.requireNonNull(model), Objects.requireNonNull(r));
        }
    }
}
