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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link SageMakerClient} against a loopback server that plays a SageMaker runtime with a TGI/vLLM container. */
class SageMakerClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server = new LoopbackServer();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void stop() {
        server.close();
    }

    private SageMakerClient.Builder builder() {
        return SageMakerClient.builder().endpointName("qwen2-5-1-5b").region("us-east-1")
                .endpointOverride(URI.create(server.baseUrl())).credentialsProvider(Fixtures.credentials(Fixtures.SECRET))
                .ticker(() -> clock.addAndGet(Duration.ofMillis(250).toNanos()));
    }

    @Test
    void complete_defaultMapping_writesOpenAiMessages_andSigns() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.read("openai-chat.json")));
        SageMakerClient client = builder().defaultOptions(GenerationOptions.builder().maxTokens(64).build()).build();

        client.complete(ChatRequest.builder().system("Answer in one word.").user("2+2?")
                .options(GenerationOptions.builder().temperature(0.2).topP(0.95).stop(List.of("\n")).seed(3).build())
                .build());

        LoopbackServer.Recorded r = server.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/endpoints/qwen2-5-1-5b/invocations");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Accept")).isEqualTo("application/json");
        assertThat(r.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/sagemaker/aws4_request").contains("Signature=");
        assertThat(r.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(LoopbackServer.headersText(r) + r.body() + r.path()).doesNotContain(Fixtures.SECRET);
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.path("messages")).hasSize(2);
        assertThat(b.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(b.path("messages").path(0).path("content").asText()).isEqualTo("Answer in one word.");
        assertThat(b.path("messages").path(1).path("role").asText()).isEqualTo("user");
        assertThat(b.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(b.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(b.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(b.path("stop").path(0).asText()).isEqualTo("\n");
        assertThat(b.path("seed").asLong()).isEqualTo(3);
        assertThat(b.has("response_format")).isFalse();
    }

    @Test
    void complete_defaultMapping_readsContentFinishReasonUsageModelAndLatency() {
        server.then(LoopbackServer.json(200, Fixtures.read("openai-chat.json")));
        Completion c = builder().build().complete(ChatRequest.ofUser("2+2?"));

        assertThat(c.text()).isEqualTo("Four.");
        assertThat(c.finishReason()).hasValue("stop");
        assertThat(c.usage()).hasValue(TokenUsage.reported(17, 2));
        assertThat(c.modelId()).hasValue("Qwen/Qwen2.5-1.5B-Instruct");
        assertThat(c.latency()).hasValue(Duration.ofMillis(250));
    }

    @Test
    void complete_replySchema_isSentAsJsonSchemaResponseFormat() throws Exception {
        server.then(LoopbackServer.json(200, Fixtures.read("openai-chat.json")));
        String schema = "{\"type\":\"object\",\"properties\":{\"winner\":{\"type\":\"string\"}}}";
        builder().build().complete(ChatRequest.builder().user("A or B?")
                .replySchema(new ReplySchema("verdict", "Who wins.", schema)).build());

        JsonNode format = JSON.readTree(server.lastRequest().body()).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("verdict");
        assertThat(format.path("json_schema").path("schema")).isEqualTo(JSON.readTree(schema));
    }

    @Test
    void complete_customMapping_isUsedBothWays() {
        server.then(LoopbackServer.json(200, "[{\"generated_text\":\"Four\"}]"));
        SageMakerMapping generate = SageMakerMapping.of("tgi-generate",
                request -> "{\"inputs\":\"" + request.lastUserMessage() + "\",\"parameters\":{\"max_new_tokens\":"
                        + request.options().maxTokens().orElse(20) + "}}",
                body -> Completion.of(body.replaceAll(".*\"generated_text\":\"([^\"]*)\".*", "$1")));
        SageMakerClient client = builder().mapping(generate)
                .defaultOptions(GenerationOptions.builder().maxTokens(8).build()).build();

        Completion c = client.complete(ChatRequest.ofUser("2+2?"));

        assertThat(server.lastRequest().body()).isEqualTo("{\"inputs\":\"2+2?\",\"parameters\":{\"max_new_tokens\":8}}");
        assertThat(c.text()).isEqualTo("Four");
        assertThat(client.fingerprint()).contains("mapping=tgi-generate");
    }

    @Test
    void complete_noChoices_isMalformedResponse_withTheBody() {
        server.then(LoopbackServer.json(200, "{\"choices\":[]}"));
        Throwable t = catchThrowable(() -> builder().build().complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(NonRetriableModelCallException.class);
        assertThat(FailureCause.of(t)).isEqualTo(FailureCause.MALFORMED_RESPONSE);
        assertThat(((ModelCallException) t).responseBody()).hasValue("{\"choices\":[]}");
    }

    @ParameterizedTest
    @CsvSource({
            "429, ThrottlingException, true, RATE_LIMITED",
            "400, ValidationError, false, INVALID_REQUEST",
            "403, AccessDeniedException, false, AUTHENTICATION",
            "404, ResourceNotFound, false, NOT_FOUND",
            "500, InternalFailure, true, SERVER_ERROR",
            "503, ServiceUnavailable, true, SERVER_ERROR"})
    void complete_awsError_isMapped(int status, String code, boolean retriable, FailureCause cause) {
        server.then(LoopbackServer.json(status, "{\"message\":\"failed\"}", "x-amzn-ErrorType", code));
        Throwable t = catchThrowable(() -> builder().build().complete(ChatRequest.ofUser("q")));

        assertThat(t).isInstanceOf(ModelCallException.class);
        assertThat(((ModelCallException) t).isRetriable()).isEqualTo(retriable);
        assertThat(FailureCause.of(t)).isEqualTo(cause);
    }

    @Test
    void complete_modelErrorWithAnOriginal503_isRetriable_andA400IsNot() {
        server.then(LoopbackServer.json(424, "{\"ErrorCode\":\"CLIENT_ERROR_FROM_MODEL\",\"OriginalStatusCode\":503,"
                        + "\"Message\":\"Received server error (503) from primary\"}", "x-amzn-ErrorType", "ModelError"),
                LoopbackServer.json(424, "{\"OriginalStatusCode\":400,\"Message\":\"bad input\"}",
                        "x-amzn-ErrorType", "ModelError"));
        SageMakerClient client = builder().build();

        Throwable first = catchThrowable(() -> client.complete(ChatRequest.ofUser("q")));
        Throwable second = catchThrowable(() -> client.complete(ChatRequest.ofUser("q")));

        assertThat(first).isInstanceOf(RetriableModelCallException.class);
        assertThat(FailureCause.of(first)).isEqualTo(FailureCause.SERVER_ERROR);
        assertThat(second).isInstanceOf(NonRetriableModelCallException.class);
        assertThat(FailureCause.of(second)).isEqualTo(FailureCause.INVALID_REQUEST);
    }

    @Test
    void failures_andToString_neverShowTheSecret() {
        server.then(LoopbackServer.json(400, "{\"message\":\"echo " + Fixtures.SECRET + "\"}"));
        SageMakerClient client = builder().build();
        Throwable t = catchThrowable(() -> client.complete(ChatRequest.ofUser("q")));

        String seen = t.getMessage() + ((ModelCallException) t).responseBody().orElse("") + client + client.fingerprint();
        assertThat(seen).doesNotContain(Fixtures.SECRET).contains("****");
        assertThat(client.toString()).contains("endpointName=qwen2-5-1-5b", "credentials=StaticCredentialsProvider");
        assertThat(client.modelId()).hasValue("qwen2-5-1-5b");
    }

    @Test
    void builder_rejectsBadNames_andReportsAMissingEndpointName() {
        assertThatThrownBy(() -> SageMakerClient.builder().endpointName("bad/name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad/name'");
        assertThatThrownBy(() -> SageMakerClient.builder().region("us-east-1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no endpoint name");
        assertThat(SageMakerClient.builder().endpointName("e").region("eu-west-1").build().endpoint())
                .hasValue("https://runtime.sagemaker.eu-west-1.amazonaws.com");
    }
}
