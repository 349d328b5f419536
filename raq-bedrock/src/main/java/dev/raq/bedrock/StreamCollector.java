package dev.raq.bedrock;

import dev.raq.core.model.Completion;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Collects one ConverseStream answer: the text (or, for a structured reply, the forced tool's input JSON), the time
 * of every delta that carried answer text (the first is the time to first token), the stop reason and the usage.
 * Events arrive one at a time on the SDK's thread; {@link #completion} is read after the call's future completed.
 */
final class StreamCollector implements ConverseStreamResponseHandler {

    private final String model;
    private final boolean tool;
    private final LongSupplier ticker;
    private final long start;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder toolInput = new StringBuilder();
    private int toolBlock = -1;
    private long[] chunks = new long[16];
    private int chunkCount;
    private @Nullable String stopReason;
    private @Nullable TokenUsage usage;

    /**
     * @param model  the model called, for failures
     * @param tool   true when the request forced a tool (a structured reply)
     * @param ticker the nanosecond clock
     * @param start  the ticker's value when the request was sent
     */
    StreamCollector(String model, boolean tool, LongSupplier ticker, long start) {
        this.model = model;
        this.tool = tool;
        this.ticker = ticker;
        this.start = start;
    }

    @Override
    public void responseReceived(ConverseStreamResponse response) {
        // the initial response carries no content
    }

    @Override
    public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
        publisher.subscribe(this::onEvent);
    }

    @Override
    public void exceptionOccurred(Throwable throwable) {
        // the call's future fails with the same exception; the client maps it there
    }

    @Override
    public void complete() {
        // the call's future completes; the client reads the completion then
    }

    /** When each delta that carried answer text arrived, in nanoseconds after the request was sent. */
    synchronized long[] chunkOffsetsNanos() {
        return Arrays.copyOf(chunks, chunkCount);
    }

    /** Takes one event of the stream. */
    synchronized void onEvent(ConverseStreamOutput event) {
        if (event instanceof ContentBlockStartEvent) {
            ContentBlockStartEvent e = (ContentBlockStartEvent) event;
            if (e.start() != null && e.start().toolUse() != null && toolBlock < 0) {
                toolBlock = e.contentBlockIndex() == null ? 0 : e.contentBlockIndex();
            }
        } else if (event instanceof ContentBlockDeltaEvent) {
            ContentBlockDeltaEvent e = (ContentBlockDeltaEvent) event;
            ContentBlockDelta d = e.delta();
            if (d == null) {
                return;
            }
            if (d.text() != null && !d.text().isEmpty()) {
                text.append(d.text());
                if (!tool) {
                    chunk();
                }
            } else if (d.toolUse() != null && d.toolUse().input() != null) {
                int index = e.contentBlockIndex() == null ? 0 : e.contentBlockIndex();
                if (toolBlock < 0 || index == toolBlock) {
                    toolBlock = index;
                    toolInput.append(d.toolUse().input());
                    if (tool) {
                        chunk();
                    }
                }
            }
        } else if (event instanceof MessageStopEvent) {
            stopReason = ((MessageStopEvent) event).stopReasonAsString();
        } else if (event instanceof ConverseStreamMetadataEvent) {
            ConverseStreamMetadataEvent e = (ConverseStreamMetadataEvent) event;
            if (e.usage() != null && e.usage().inputTokens() != null && e.usage().outputTokens() != null) {
                usage = TokenUsage.reported(e.usage().inputTokens(), e.usage().outputTokens());
            }
        }
    }

    private void chunk() {
        long offset = Math.max(0, ticker.getAsLong() - start);
        if (chunkCount > 0) {
            offset = Math.max(offset, chunks[chunkCount - 1]);
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = offset;
    }

    /**
     * The answer, timed up to {@code end}.
     *
     * @throws RetriableModelCallException ({@code CONNECTION}) when the stream ended before its {@code messageStop}
     */
    synchronized Completion completion(long end) {
        if (stopReason == null) {
            throw new RetriableModelCallException(RetriableModelCallException.Reason.CONNECTION, model, 1, null, null,
                    null, new IOException("the ConverseStream event stream ended before its messageStop event"));
        }
        String answer = tool && toolBlock >= 0 ? Json.normalize(toolInput.toString()) : text.toString();
        Completion.Builder b = Completion.builder(answer).usage(usage).finishReason(stopReason)
                .latency(Duration.ofNanos(Math.max(0, end - start)));
        if (chunkCount > 0) {
            b.timeToFirstToken(Duration.ofNanos(chunks[0]));
        }
        return b.build();
    }
}
