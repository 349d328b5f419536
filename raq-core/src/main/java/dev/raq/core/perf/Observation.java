package dev.raq.core.perf;

import dev.raq.core.model.FailureCause;
import org.jspecify.annotations.Nullable;

/**
 * What one measured request did. Times are nanoseconds; {@code start} and {@code end} are relative to the run's
 * start. A failed request has a cause and no timings or tokens.
 */
final class Observation {

    final long start;
    final long end;
    final @Nullable FailureCause failure;
    /** Wall time from sending to the whole answer. */
    final long latency;
    /** Time to the first token, or -1 when the answer was not streamed. */
    final long ttft;
    /** Offsets of the text chunks from sending; empty when not streamed. */
    final long[] chunks;
    final long inputTokens;
    final long outputTokens;
    final boolean estimatedTokens;

    private Observation(long start, long end, @Nullable FailureCause failure, long latency, long ttft, long[] chunks,
                        long inputTokens, long outputTokens, boolean estimatedTokens) {
        this.start = start;
        this.end = end;
        this.failure = failure;
        this.latency = latency;
        this.ttft = ttft;
        this.chunks = chunks;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.estimatedTokens = estimatedTokens;
    }

    static Observation success(long start, long end, long latency, long ttft, long[] chunks, long inputTokens,
                               long outputTokens, boolean estimatedTokens) {
        return new Observation(start, end, null, latency, ttft, chunks, inputTokens, outputTokens, estimatedTokens);
    }

    static Observation failure(long start, long end, FailureCause cause) {
        return new Observation(start, end, cause, end - start, -1, new long[0], 0, 0, false);
    }

    boolean ok() {
        return failure == null;
    }

    /** {@code (latency − TTFT) / (output tokens − 1)} in nanoseconds, or -1 when it is not defined. */
    double tpot() {
        return ok() && ttft >= 0 && outputTokens > 1 ? (double) (latency - ttft) / (outputTokens - 1) : -1;
    }
}
