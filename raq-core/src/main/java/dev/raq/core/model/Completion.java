package dev.raq.core.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's answer to one request, with what was measured on the way: token usage, latency, time to first token,
 * the arrival time of every streamed chunk, why generation stopped, and the model id the server reported. Everything
 * but the text is optional, because not every source knows it (a recorded answer has no latency); absent values are
 * never invented. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Completion {

    private final String text;
    private final @Nullable TokenUsage usage;
    private final @Nullable Duration latency;
    private final @Nullable Duration timeToFirstToken;
    private final long[] chunkOffsetsNanos;
    private final java.util.List<TokenLogprob> logprobs;
    private final @Nullable String finishReason;
    private final @Nullable String modelId;

    private Completion(Builder b) {
        this.text = b.text;
        this.usage = b.usage;
        this.latency = b.latency;
        this.timeToFirstToken = b.timeToFirstToken;
        this.chunkOffsetsNanos = b.chunkOffsetsNanos;
        this.logprobs = b.logprobs;
        this.finishReason = b.finishReason;
        this.modelId = b.modelId;
    }

    /** A completion that carries only its text. */
    public static Completion of(String text) {
        return builder(text).build();
    }

    /** A builder for a completion with this text. */
    public static Builder builder(String text) {
        return new Builder(text);
    }

    /** A builder that starts from this completion. */
    public Builder toBuilder() {
        Builder b = new Builder(text);
        b.usage = usage;
        b.latency = latency;
        b.timeToFirstToken = timeToFirstToken;
        b.chunkOffsetsNanos = chunkOffsetsNanos;
        b.logprobs = logprobs;
        b.finishReason = finishReason;
        b.modelId = modelId;
        return b;
    }

    /** The answer text, verbatim (may be empty). */
    public String text() {
        return text;
    }

    /** Tokens spent, if the server reported them or the client estimated them. */
    public Optional<TokenUsage> usage() {
        return Optional.ofNullable(usage);
    }

    /** Wall time from sending the request to receiving the whole answer, if measured. */
    public Optional<Duration> latency() {
        return Optional.ofNullable(latency);
    }

    /** Wall time from sending the request to the first streamed token, if streamed. */
    public Optional<Duration> timeToFirstToken() {
        return Optional.ofNullable(timeToFirstToken);
    }

    /**
     * When each streamed chunk that carried answer text arrived, in nanoseconds after the request was sent, in
     * arrival order (the first equals the {@linkplain #timeToFirstToken() time to first token}); empty when the
     * answer was not streamed or the client does not time chunks. The gaps between them are the inter-token
     * latencies a load test reports.
     *
     * @return a fresh copy, non-decreasing, every value ≥ 0
     */
    public long[] chunkOffsetsNanos() {
        return chunkOffsetsNanos.clone();
    }

    /**
     * Each generated token's log-probability with its alternatives, in order, when the request asked for them
     * ({@link GenerationOptions#topLogprobs()}) and the server returned them; empty otherwise.
     */
    public java.util.List<TokenLogprob> logprobs() {
        return logprobs;
    }

    /** How many streamed chunks carried answer text; 0 when the answer was not streamed or chunks were not timed. */
    public int chunkCount() {
        return chunkOffsetsNanos.length;
    }

    /** Why generation stopped as the server said it ({@code stop}, {@code length}, {@code tool_calls} …), if known. */
    public Optional<String> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** The model id the server reported, if any (it may differ from the one requested). */
    public Optional<String> modelId() {
        return Optional.ofNullable(modelId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Completion)) {
            return false;
        }
        Completion c = (Completion) o;
        return text.equals(c.text) && Objects.equals(usage, c.usage) && Objects.equals(latency, c.latency)
                && Objects.equals(timeToFirstToken, c.timeToFirstToken)
                && Arrays.equals(chunkOffsetsNanos, c.chunkOffsetsNanos) && logprobs.equals(c.logprobs)
                && Objects.equals(finishReason, c.finishReason) && Objects.equals(modelId, c.modelId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, usage, latency, timeToFirstToken, finishReason, modelId)
                + 31 * Arrays.hashCode(chunkOffsetsNanos) + 961 * logprobs.hashCode();
    }

    @Override
    public String toString() {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "Completion{text='" + shown + "'"
                + (usage == null ? "" : ", usage=" + usage)
                + (latency == null ? "" : ", latency=" + latency.toMillis() + "ms")
                + (timeToFirstToken == null ? "" : ", ttft=" + timeToFirstToken.toMillis() + "ms")
                + (chunkOffsetsNanos.length == 0 ? "" : ", chunks=" + chunkOffsetsNanos.length)
                + (finishReason == null ? "" : ", finishReason=" + finishReason)
                + (modelId == null ? "" : ", modelId=" + modelId) + "}";
    }

    /** Builds a {@link Completion}. */
    public static final class Builder {
        private static final long[] NO_CHUNKS = new long[0];

        private final String text;
        private @Nullable TokenUsage usage;
        private @Nullable Duration latency;
        private @Nullable Duration timeToFirstToken;
        private long[] chunkOffsetsNanos = NO_CHUNKS;
        private java.util.List<TokenLogprob> logprobs = java.util.List.of();
        private @Nullable String finishReason;
        private @Nullable String modelId;

        private Builder(String text) {
            this.text = Objects.requireNonNull(text, "text");
        }

        /** Sets the token usage. */
        public Builder usage(@Nullable TokenUsage usage) {
            this.usage = usage;
            return this;
        }

        /** Sets the measured latency; must not be negative. */
        public Builder latency(@Nullable Duration latency) {
            this.latency = nonNegative("latency", latency);
            return this;
        }

        /** Sets the measured time to first token; must not be negative. */
        public Builder timeToFirstToken(@Nullable Duration timeToFirstToken) {
            this.timeToFirstToken = nonNegative("timeToFirstToken", timeToFirstToken);
            return this;
        }

        /** Sets the generated tokens' log-probabilities (none by default). */
        public Builder logprobs(java.util.List<TokenLogprob> logprobs) {
            this.logprobs = java.util.List.copyOf(logprobs);
            return this;
        }

        /**
         * Sets when each streamed chunk carrying answer text arrived, in nanoseconds after the request was sent
         * (default: none). The array is copied.
         *
         * @param chunkOffsetsNanos non-decreasing offsets, each ≥ 0; empty for none
         * @throws IllegalArgumentException when an offset is negative or smaller than the one before
         */
        public Builder chunkOffsetsNanos(long... chunkOffsetsNanos) {
            Objects.requireNonNull(chunkOffsetsNanos, "chunkOffsetsNanos");
            long previous = 0;
            for (int i = 0; i < chunkOffsetsNanos.length; i++) {
                if (chunkOffsetsNanos[i] < previous) {
                    throw new IllegalArgumentException("chunkOffsetsNanos[" + i + "] must be >= " + previous
                            + " (not negative, not before the chunk before) but was " + chunkOffsetsNanos[i]);
                }
                previous = chunkOffsetsNanos[i];
            }
            this.chunkOffsetsNanos = chunkOffsetsNanos.length == 0 ? NO_CHUNKS : chunkOffsetsNanos.clone();
            return this;
        }

        /** Sets the finish reason the server reported. */
        public Builder finishReason(@Nullable String finishReason) {
            this.finishReason = finishReason;
            return this;
        }

        /** Sets the model id the server reported. */
        public Builder modelId(@Nullable String modelId) {
            this.modelId = modelId;
            return this;
        }

        /** Builds the completion. */
        public Completion build() {
            return new Completion(this);
        }

        private static @Nullable Duration nonNegative(String name, @Nullable Duration d) {
            if (d != null && d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative but was " + d);
            }
            return d;
        }
    }
}
