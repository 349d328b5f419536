package dev.raq.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link LangChain4jClients#of(dev.langchain4j.model.chat.StreamingChatModel)} over the real OpenAiStreamingChatModel. */
class StreamingChatModelClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelClient client() {
        return LangChain4jClients.builder(Fixtures.streamingModel(server.baseUrl()))
                .ticker(Fixtures.steppingTicker(5)).build();
    }

    @Test
    void complete_stream_completionCarriesTextUsageFinishReasonLatencyAndTimeToFirstToken() {
        server.then(Fixtures.stream());

        Completion c = client().complete(ChatRequest.ofUser("Capital of France?"));

        assertThat(c.text()).isEqualTo("Paris is the capital.");
        assertThat(c.modelId()).hasValue("gpt-4o-mini-2024-07-18");
        assertThat(c.usage()).hasValue(TokenUsage.reported(12, 5));
        assertThat(c.finishReason()).hasValue("stop");
        // the ticker advances 5 ms a read: start, first text chunk (the empty first delta is not a token), end
        assertThat(c.timeToFirstToken()).hasValue(Duration.ofMillis(5));
        assertThat(c.latency()).hasValue(Duration.ofMillis(10));
    }

    @Test
    void complete_stream_sendsTheSystemMessageOptionsAndResponseFormat() throws Exception {
        server.then(Fixtures.stream());
        ChatRequest request = ChatRequest.builder().system("You are a strict judge.").user("Rank A.")
                .options(GenerationOptions.builder().temperature(0.2).maxTokens(64).build())
                .replySchema(new ReplySchema("return_rank", "the rank", Fixtures.RANK_SCHEMA)).build();

        client().complete(request);

        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("You are a strict judge.");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("schema"))
                .isEqualTo(JSON.readTree(Fixtures.RANK_SCHEMA));
    }

    @Test
    void completeAsync_stream_futureCompletesWithTheAnswer() throws Exception {
        server.then(Fixtures.stream());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Completion c = client().completeAsync(ChatRequest.ofUser("q"), executor).get(10, TimeUnit.SECONDS);
            assertThat(c.text()).isEqualTo("Paris is the capital.");
            assertThat(c.timeToFirstToken()).isPresent();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void complete_rateLimited_isRetriable_blockingAndAsync() {
        server.then(LoopbackServer.json(429, "{\"error\":{\"message\":\"slow down\"}}"));

        RetriableModelCallException blocking = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().complete(ChatRequest.ofUser("q")));
        Throwable async = catchThrowable(() -> client().completeAsync(ChatRequest.ofUser("q"), Runnable::run)
                .get(10, TimeUnit.SECONDS));

        assertThat(blocking.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(blocking.httpStatus()).hasValue(429);
        assertThat(async).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RetriableModelCallException.class);
    }

    @Test
    void complete_unauthorized_isNonRetriableAuthentication() {
        server.then(LoopbackServer.json(401, "{\"error\":{\"message\":\"bad key\"}}"));

        NonRetriableModelCallException e = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().complete(ChatRequest.ofUser("q")));

        assertThat(e.reason()).isEqualTo(NonRetriableModelCallException.Reason.AUTHENTICATION);
        assertThat(e.model()).isEqualTo("gpt-4o-mini");
    }
}
