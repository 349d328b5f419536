package dev.raq.bedrock;

import dev.raq.core.model.Completion;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link StreamCollector} fed synthetic ConverseStream events, as the SDK's response handler hands them over. */
class StreamCollectorTest {

    private final AtomicLong clock = new AtomicLong();

    private static ConverseStreamOutput text(String t) {
        return ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(0).delta(ContentBlockDelta.fromText(t))
                .build();
    }

    private static ConverseStreamOutput stop(String reason) {
        return ConverseStreamOutput.messageStopBuilder().stopReason(reason).build();
    }

    @Test
    void text_timesEveryChunk_andTheFirstIsTheTimeToFirstToken() {
        StreamCollector c = new StreamCollector("m", false, clock::get, 0);
        clock.set(30);
        c.onEvent(text("Hel"));
        clock.set(50);
        c.onEvent(text(""));
        c.onEvent(text("lo"));
        c.onEvent(stop("max_tokens"));
        c.onEvent(ConverseStreamOutput.metadataBuilder().usage(u -> u.inputTokens(3).outputTokens(2).totalTokens(5))
                .build());

        Completion done = c.completion(80);

        assertThat(done.text()).isEqualTo("Hello");
        assertThat(done.finishReason()).hasValue("max_tokens");
        assertThat(done.usage()).hasValue(TokenUsage.reported(3, 2));
        assertThat(done.timeToFirstToken()).hasValue(Duration.ofNanos(30));
        assertThat(done.latency()).hasValue(Duration.ofNanos(80));
        assertThat(c.chunkOffsetsNanos()).containsExactly(30, 50);
    }

    @Test
    void tool_takesTheInputOfTheFirstToolBlockOnly() {
        StreamCollector c = new StreamCollector("m", true, clock::get, 0);
        c.onEvent(text("Let me rank. "));
        c.onEvent(ContentBlockStartEvent.builder().contentBlockIndex(1)
                .start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId("a").name("r").build()))
                .build());
        c.onEvent(toolDelta(1, "{\"rank\": "));
        c.onEvent(toolDelta(1, "[1, 2]}"));
        c.onEvent(toolDelta(2, "{\"other\": true}"));
        c.onEvent(stop("tool_use"));

        assertThat(c.completion(10).text()).isEqualTo("{\"rank\":[1,2]}");
    }

    @Test
    void tool_whenTheModelCalledNoTool_returnsItsText() {
        StreamCollector c = new StreamCollector("m", true, clock::get, 0);
        c.onEvent(text("{\"rank\": [1, 2]}"));
        c.onEvent(stop("end_turn"));

        assertThat(c.completion(10).text()).isEqualTo("{\"rank\": [1, 2]}");
    }

    @Test
    void noMessageStop_isARetriableCutStream() {
        StreamCollector c = new StreamCollector("m", false, clock::get, 0);
        c.onEvent(text("Hel"));

        assertThatThrownBy(() -> c.completion(10)).isInstanceOf(RetriableModelCallException.class)
                .hasMessageContaining("lost its connection");
    }

    private static ConverseStreamOutput toolDelta(int index, String input) {
        return ContentBlockDeltaEvent.builder().contentBlockIndex(index)
                .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input(input).build())).build();
    }
}
