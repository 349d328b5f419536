package dev.raq.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link BedrockClient} against a loopback server that speaks Converse and ConverseStream. */
class BedrockClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"ranking\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"string\"}}},\"required\":[\"ranking\"]}";

    private final LoopbackServer server = new LoopbackServer();
    private final List<BedrockClient> clients = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void stop() {
        clients.forEach(Fixtures::closeLater);
        server.close();
    }

    private BedrockClient.Builder builder() {
        return BedrockClient.nova(BedrockClient.NOVA_PRO).region("us-east-1")
                .endpointOverride(URI.create(server.baseUrl())).credentialsProvider(Fixtures.credentials(Fixtures.SECRET))
                .ticker(() -> clock.addAndGet(Duration.ofMillis(100).toNanos()));
    }

    private BedrockClient client(BedrockClient.Builder b) {
        BedrockClient c = b.build();
        clients.add(c);
        return c;
    }

    private static JsonNode body(LoopbackServer.Recorded r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void complete_mapsSystemMessagesAndInferenceConfig() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-text.json")));
        BedrockClient client = client(builder().defaultOptions(GenerationOptions.builder().maxTokens(300)
                .temperature(0.7).build()));

        client.complete(ChatRequest.builder().system("You are a judge.").user("Capital of France?")
                .assistant("Paris.").user("Sure?").user("Answer briefly.")
                .options(GenerationOptions.builder().temperature(0.0).topP(0.9).stop(List.of("END")).seed(7).build())
                .build());

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/model/amazon.nova-pro-v1:0/converse");
        JsonNode b = body(r);
        assertThat(b.path("system")).hasSize(1);
        assertThat(b.path("system").path(0).path("text").asText()).isEqualTo("You are a judge.");
        assertThat(b.path("messages")).hasSize(3);
        assertThat(b.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(b.path("messages").path(0).path("content").path(0).path("text").asText())
                .isEqualTo("Capital of France?");
        assertThat(b.path("messages").path(1).path("role").asText()).isEqualTo("assistant");
        // consecutive user messages are joined: Converse requires roles to alternate
        assertThat(b.path("messages").path(2).path("content")).hasSize(2);
        assertThat(b.path("messages").path(2).path("content").path(1).path("text").asText())
                .isEqualTo("Answer briefly.");
        JsonNode inference = b.path("inferenceConfig");
        assertThat(inference.path("maxTokens").asInt()).isEqualTo(300);
        assertThat(inference.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(inference.path("topP").floatValue()).isEqualTo(0.9f);
        assertThat(inference.path("stopSequences").path(0).asText()).isEqualTo("END");
        assertThat(b.has("toolConfig")).isFalse();
        assertThat(r.body()).doesNotContain("seed");
    }

    @Test
    void complete_noOptions_sendsNoInferenceConfig() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-text.json")));
        client(builder()).complete(ChatRequest.ofUser("q"));

        JsonNode b = body(server.lastRequest());
        assertThat(b.has("inferenceConfig")).isFalse();
        assertThat(b.has("system")).isFalse();
    }

    @Test
    void complete_signsWithSigV4_andSendsNoSecret() {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-text.json")));
        client(builder()).complete(ChatRequest.ofUser("q"));

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/bedrock/aws4_request").contains("SignedHeaders=").contains("Signature=");
        assertThat(r.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(LoopbackServer.headersText(r) + r.body() + r.path() + r.query()).doesNotContain(Fixtures.SECRET);
    }

    @Test
    void complete_readsTextUsageStopReasonAndLatency() {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-text.json")));
        Completion c = client(builder()).complete(ChatRequest.ofUser("Capital of France?"));

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
        assertThat(c.usage()).hasValue(TokenUsage.reported(21, 8));
        assertThat(c.finishReason()).hasValue("end_turn");
        assertThat(c.latency()).hasValue(Duration.ofMillis(100));
        assertThat(c.timeToFirstToken()).isEmpty();
        assertThat(c.modelId()).as("Converse reports no model id; none is invented").isEmpty();
    }

    @Test
    void complete_replySchema_forcesATool_andReturnsItsInput() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-tool.json")));
        ReplySchema schema = new ReplySchema("return_rank", "Return the ranking.", SCHEMA);

        Completion c = client(builder()).complete(ChatRequest.builder().user("Rank A and B.").replySchema(schema)
                .build());

        JsonNode tools = body(server.lastRequest()).path("toolConfig");
        JsonNode spec = tools.path("tools").path(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo("return_rank");
        assertThat(spec.path("description").asText()).isEqualTo("Return the ranking.");
        assertThat(spec.path("inputSchema").path("json")).isEqualTo(JSON.readTree(SCHEMA));
        assertThat(tools.path("toolChoice").path("tool").path("name").asText()).isEqualTo("return_rank");
        assertThat(JSON.readTree(c.text())).isEqualTo(JSON.readTree(
                "{\"ranking\":[\"B\",\"A\"],\"confidence\":0.75,\"votes\":3}"));
        assertThat(c.finishReason()).hasValue("tool_use");
        assertThat(c.usage()).hasValue(TokenUsage.reported(120, 30));
    }

    @Test
    void complete_replySchema_modelAnsweredText_returnsTheText() {
        server.then(LoopbackServer.json(200, Fixtures.read("converse-text.json")));
        Completion c = client(builder()).complete(ChatRequest.builder().user("Rank.")
                .replySchema(new ReplySchema("return_rank", "d", SCHEMA)).build());

        assertThat(c.text()).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void complete_throttled_isRetriableRateLimited() {
        server.then(LoopbackServer.json(429, "{\"message\":\"Too many requests, please wait before trying again.\"}",
                "x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"));
        Throwable t = catchThrowable(() -> client(builder()).complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(RetriableModelCallException.class);
        RetriableModelCallException e = (RetriableModelCallException) t;
        assertThat(e.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(FailureCause.of(e)).isEqualTo(FailureCause.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.getMessage()).isEqualTo("model 'amazon.nova-pro-v1:0' was rate limited (last: HTTP 429)");
        assertThat(e.responseBody()).hasValueSatisfying(b -> assertThat(b).contains("Too many requests"));
        assertThat(server.requests()).as("the SDK does not retry; RAQ's decorator does").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "400, ValidationException, false, INVALID_REQUEST",
            "403, AccessDeniedException, false, AUTHENTICATION",
            "403, UnrecognizedClientException, false, AUTHENTICATION",
            "404, ResourceNotFoundException, false, NOT_FOUND",
            "424, ModelErrorException, false, OTHER",
            "408, ModelTimeoutException, true, TIMEOUT",
            "429, ModelNotReadyException, true, RATE_LIMITED",
            "400, ThrottlingException, true, RATE_LIMITED",
            "500, InternalServerException, true, SERVER_ERROR",
            "503, ServiceUnavailableException, true, SERVER_ERROR"})
    void complete_awsError_isMappedByStatusAndCode(int status, String code, boolean retriable, FailureCause cause) {
        server.then(LoopbackServer.json(status, "{\"message\":\"it failed\"}", "x-amzn-ErrorType", code));
        Throwable t = catchThrowable(() -> client(builder()).complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(ModelCallException.class);
        assertThat(((ModelCallException) t).isRetriable()).isEqualTo(retriable);
        assertThat(FailureCause.of(t)).isEqualTo(cause);
        assertThat(((ModelCallException) t).httpStatus()).hasValue(status);
    }

    @Test
    void complete_validationError_isNonRetriableInvalidRequest_withTheServersMessage() {
        server.then(LoopbackServer.json(400, "{\"message\":\"The model returned the following errors: Malformed "
                + "input request\"}", "x-amzn-ErrorType", "ValidationException"));
        Throwable t = catchThrowable(() -> client(builder()).complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(NonRetriableModelCallException.class);
        assertThat(((NonRetriableModelCallException) t).reason())
                .isEqualTo(NonRetriableModelCallException.Reason.INVALID_REQUEST);
        assertThat(((NonRetriableModelCallException) t).responseBody().orElseThrow()).contains("Malformed input");
    }

    @Test
    void failures_toStringAndOutput_neverShowTheSecret() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<Throwable> failures = new ArrayList<>();
        BedrockClient client;
        try {
            System.setOut(capture);
            System.setErr(capture);
            client = client(builder().streaming(false));
            for (int status : new int[] {400, 403, 429, 500}) {
                server.then(LoopbackServer.json(status, "{\"message\":\"echo " + Fixtures.SECRET
                        + " and aws_secret_access_key=" + Fixtures.SECRET + "\"}", "x-amzn-ErrorType", "X"));
                failures.add(catchThrowable(() -> client.complete(ChatRequest.ofUser("q"))));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        StringBuilder seen = new StringBuilder(captured.toString(StandardCharsets.UTF_8));
        seen.append(client).append(client.fingerprint()).append(client.endpoint().orElse(""));
        for (Throwable f : failures) {
            assertThat(f).isInstanceOf(ModelCallException.class);
            for (Throwable c = f; c != null; c = c.getCause()) {
                seen.append(c).append(c.getMessage());
            }
            seen.append(((ModelCallException) f).responseBody().orElse(""));
        }
        assertThat(seen.toString()).doesNotContain(Fixtures.SECRET).contains("****");
        assertThat(client.toString()).contains("model=amazon.nova-pro-v1:0", "region=us-east-1",
                "credentials=StaticCredentialsProvider");
    }

    @Test
    void stream_realEventStream_collectsTextUsageStopReasonAndTimeToFirstToken() throws Exception {
        server.then(Fixtures.eventStream(
                Fixtures.event("messageStart", "{\"role\":\"assistant\"}"),
                Fixtures.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"),
                Fixtures.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo.\"}}"),
                Fixtures.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                Fixtures.event("messageStop", "{\"stopReason\":\"end_turn\"}"),
                Fixtures.event("metadata", "{\"usage\":{\"inputTokens\":5,\"outputTokens\":2,\"totalTokens\":7},"
                        + "\"metrics\":{\"latencyMs\":90}}")));
        BedrockClient client = client(builder().streaming(true));

        Completion c = client.completeAsync(ChatRequest.builder().system("Be brief.").user("Hi").build(), Runnable::run)
                .get();

        assertThat(server.lastRequest().path()).isEqualTo("/v1/model/amazon.nova-pro-v1:0/converse-stream");
        assertThat(body(server.lastRequest()).path("system").path(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(c.text()).isEqualTo("Hello.");
        assertThat(c.usage()).hasValue(TokenUsage.reported(5, 2));
        assertThat(c.finishReason()).hasValue("end_turn");
        // ticker: 100 ms at the start, 200 ms at the first delta, 300 ms at the second, 400 ms at the end
        assertThat(c.timeToFirstToken()).hasValue(Duration.ofMillis(100));
        assertThat(c.latency()).hasValue(Duration.ofMillis(300));
    }

    @Test
    void stream_cutBeforeMessageStop_isRetriableConnection() {
        server.then(Fixtures.eventStream(
                Fixtures.event("messageStart", "{\"role\":\"assistant\"}"),
                Fixtures.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}")));
        Throwable t = catchThrowable(() -> client(builder().streaming(true)).complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(RetriableModelCallException.class);
        assertThat(FailureCause.of(t)).isEqualTo(FailureCause.CONNECTION);
    }

    @Test
    void stream_throttlingExceptionEvent_isRetriableRateLimited() {
        server.then(Fixtures.eventStream(
                Fixtures.event("messageStart", "{\"role\":\"assistant\"}"),
                Fixtures.exception("throttlingException", "{\"message\":\"Too many tokens\"}")));
        Throwable t = catchThrowable(() -> client(builder().streaming(true)).complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(RetriableModelCallException.class);
        assertThat(FailureCause.of(t)).isEqualTo(FailureCause.RATE_LIMITED);
    }

    @Test
    void stream_replySchema_assemblesTheToolInput() {
        server.then(Fixtures.eventStream(
                Fixtures.event("messageStart", "{\"role\":\"assistant\"}"),
                Fixtures.event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":"
                        + "{\"toolUseId\":\"t1\",\"name\":\"return_rank\"}}}"),
                Fixtures.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":"
                        + "{\"input\":\"{\\\"ranking\\\": [\\\"B\\\",\"}}}"),
                Fixtures.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":"
                        + "{\"input\":\" \\\"A\\\"]}\"}}}"),
                Fixtures.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                Fixtures.event("messageStop", "{\"stopReason\":\"tool_use\"}")));

        Completion c = client(builder().streaming(true)).complete(ChatRequest.builder().user("Rank.")
                .replySchema(new ReplySchema("return_rank", "d", SCHEMA)).build());

        assertThat(c.text()).isEqualTo("{\"ranking\":[\"B\",\"A\"]}");
        assertThat(c.finishReason()).hasValue("tool_use");
        assertThat(c.usage()).isEmpty();
        assertThat(c.timeToFirstToken()).isPresent();
    }

    @Test
    void connectionRefused_isRetriableConnection() {
        int port;
        try (LoopbackServer closed = new LoopbackServer()) {
            port = URI.create(closed.baseUrl()).getPort();
        }
        BedrockClient client = client(builder().endpointOverride(URI.create("http://127.0.0.1:" + port)));
        Throwable t = catchThrowable(() -> client.complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(RetriableModelCallException.class);
        assertThat(FailureCause.of(t)).isEqualTo(FailureCause.CONNECTION);
    }

    @Test
    void fingerprint_coversModelAndOptions_notEndpointOrCredentials() {
        BedrockClient a = client(builder());
        BedrockClient b = client(builder().defaultOptions(GenerationOptions.builder().temperature(0.5).build()));

        assertThat(a.fingerprint()).isEqualTo("bedrock-converse{model=amazon.nova-pro-v1:0, options=GenerationOptions{}}");
        assertThat(b.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(a.modelId()).hasValue("amazon.nova-pro-v1:0");
        assertThat(a.endpoint()).hasValue(server.baseUrl());
        assertThat(a.completesWithoutBlocking()).isTrue();
    }

    @Test
    void presets_checkTheModelFamily() {
        assertThat(BedrockClient.claude(BedrockClient.CLAUDE_3_7_SONNET).region("us-west-2").build())
                .satisfies(c -> {
                    clients.add(c);
                    assertThat(c.modelId()).hasValue("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
                    assertThat(c.endpoint()).hasValue("https://bedrock-runtime.us-west-2.amazonaws.com");
                });
        assertThatThrownBy(() -> BedrockClient.nova("anthropic.claude-3-haiku-20240307-v1:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nova");
        assertThatThrownBy(() -> BedrockClient.claude("amazon.nova-pro-v1:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Claude");
    }

    @Test
    void builder_rejectsBadValuesAtOnce_andReportsAMissingModel() {
        assertThatThrownBy(() -> BedrockClient.builder().region("US East"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'US East'");
        assertThatThrownBy(() -> BedrockClient.builder().endpointOverride(URI.create("http://user:pw@localhost:1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
        assertThatThrownBy(() -> BedrockClient.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BedrockClient.builder().region("us-east-1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no model");
    }
}
