package dev.raq.clients;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.raq.test.LoopbackServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

/** Both providers' streams time every chunk that carries answer text, the first at the time to first token. */
class StreamChunkTimesTest {

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openAiStream_timesEachTextChunk() throws Exception {
        server.then(sse(Fixtures.read("openai-stream.txt")));
        Completion c = OpenAiCompatibleClient.local(server.baseUrl()).model("m").streaming(true)
                .ticker(Fixtures.steppingTicker(10)).build().complete(ChatRequest.ofUser("Capital of France?"));
        assertTimed(c);
    }

    @Test
    void anthropicStream_timesEachTextChunk() throws Exception {
        server.then(sse(Fixtures.read("anthropic-stream.txt")));
        Completion c = AnthropicClient.builder().baseUrl(server.baseUrl()).model("claude").apiKey("k")
                .streaming(true).ticker(Fixtures.steppingTicker(10)).build().complete(ChatRequest.ofUser("Capital?"));
        assertTimed(c);
    }

    @Test
    void wholeReply_hasNoChunkTimes() {
        server.then(LoopbackServer.json(200, "{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Paris\"},\"finish_reason\":\"stop\"}]}"));
        Completion c = OpenAiCompatibleClient.local(server.baseUrl()).model("m").build()
                .complete(ChatRequest.ofUser("Capital?"));
        assertThat(c.chunkCount()).isZero();
    }

    private static void assertTimed(Completion c) {
        // two deltas carry text ("Paris is", " the capital."): the role-only and usage events do not count
        assertThat(c.chunkCount()).isEqualTo(2);
        long[] offsets = c.chunkOffsetsNanos();
        assertThat(offsets[0]).isEqualTo(c.timeToFirstToken().orElseThrow().toNanos());
        assertThat(offsets[1]).isGreaterThanOrEqualTo(offsets[0]);
        // the ticker is read as before: TTFT 10 ms and latency 20 ms with a ticker stepping 10 ms a read
        assertThat(c.timeToFirstToken().orElseThrow().toMillis()).isEqualTo(10);
        assertThat(c.latency().orElseThrow().toMillis()).isEqualTo(20);
    }
}
