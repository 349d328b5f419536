package dev.raq.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link SpringAiClients#streaming} over Spring AI's real OpenAiChatModel. */
class StreamingChatModelClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelClient client() {
        return SpringAiClients.streamingBuilder(Fixtures.streamingChatModel(server.baseUrl()))
                .ticker(Fixtures.steppingTicker(5)).build();
    }

    @Test
    void complete_stream_joinsTheChunks_andCarriesUsageFinishReasonModelLatencyAndTimeToFirstToken()
            throws Exception {
        server.then(Fixtures.stream());

        Completion c = client().complete(ChatRequest.builder().system("You are a strict judge.").user("Capital?")
                .options(GenerationOptions.builder().temperature(0.2).build()).build());

        JsonNode body = JSON.readTree(server.lastRequest().body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(c.text()).isEqualTo("Paris is the capital.");
        assertThat(c.modelId()).hasValue("gpt-4o-mini-2024-07-18");
        assertThat(c.usage()).hasValue(TokenUsage.reported(12, 5));
        assertThat(c.finishReason()).hasValue("stop");
        // the ticker advances 5 ms a read: start, first text chunk, end
        assertThat(c.timeToFirstToken()).hasValue(Duration.ofMillis(5));
        assertThat(c.latency()).hasValue(Duration.ofMillis(10));
    }

    @Test
    void complete_streamRateLimited_isRetriable_andUnauthorizedIsNot() {
        server.then(LoopbackServer.json(429, "{\"error\":{\"message\":\"slow down\"}}"),
                LoopbackServer.json(401, "{\"error\":{\"message\":\"bad key\"}}"));

        RetriableModelCallException limited = catchThrowableOfType(RetriableModelCallException.class,
                () -> client().complete(ChatRequest.ofUser("q")));
        NonRetriableModelCallException refused = catchThrowableOfType(NonRetriableModelCallException.class,
                () -> client().complete(ChatRequest.ofUser("q")));

        assertThat(limited.reason()).isEqualTo(RetriableModelCallException.Reason.RATE_LIMITED);
        assertThat(refused.reason()).isEqualTo(NonRetriableModelCallException.Reason.AUTHENTICATION);
    }

    @Test
    void modelId_comesFromTheChatModelsDefaults() {
        assertThat(client().modelId()).hasValue("gpt-4o-mini");
        assertThat(client().toString()).contains("OpenAiChatModel").doesNotContain(Fixtures.KEY);
    }
}
