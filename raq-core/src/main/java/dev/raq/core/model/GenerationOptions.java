package dev.raq.core.model;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sampling settings of a request. Every setting is optional: an unset one is not sent, so the server's default
 * applies. Immutable and thread-safe; {@link #merge(GenerationOptions)} lets a request override a client's defaults.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GenerationOptions {

    private static final GenerationOptions NONE = builder().build();

    private final @Nullable Double temperature;
    private final @Nullable Double topP;
    private final @Nullable Integer maxTokens;
    private final List<String> stop;
    private final @Nullable Long seed;
    private final @Nullable Double frequencyPenalty;
    private final @Nullable Double presencePenalty;
    private final @Nullable Integer topLogprobs;
    private final @Nullable Integer minTokens;
    private final @Nullable Boolean ignoreEos;

    private GenerationOptions(Builder b) {
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.seed = b.seed;
        this.frequencyPenalty = b.frequencyPenalty;
        this.presencePenalty = b.presencePenalty;
        this.topLogprobs = b.topLogprobs;
        this.minTokens = b.minTokens;
        this.ignoreEos = b.ignoreEos;
    }

    /** Options that set nothing. */
    public static GenerationOptions none() {
        return NONE;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.stop.addAll(stop);
        b.seed = seed;
        b.frequencyPenalty = frequencyPenalty;
        b.presencePenalty = presencePenalty;
        b.topLogprobs = topLogprobs;
        b.minTokens = minTokens;
        b.ignoreEos = ignoreEos;
        return b;
    }

    /** These options, with every setting that {@code overrides} sets replaced by its value. */
    public GenerationOptions merge(GenerationOptions overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Builder b = toBuilder();
        if (overrides.temperature != null) {
            b.temperature = overrides.temperature;
        }
        if (overrides.topP != null) {
            b.topP = overrides.topP;
        }
        if (overrides.maxTokens != null) {
            b.maxTokens = overrides.maxTokens;
        }
        if (!overrides.stop.isEmpty()) {
            b.stop.clear();
            b.stop.addAll(overrides.stop);
        }
        if (overrides.seed != null) {
            b.seed = overrides.seed;
        }
        if (overrides.frequencyPenalty != null) {
            b.frequencyPenalty = overrides.frequencyPenalty;
        }
        if (overrides.presencePenalty != null) {
            b.presencePenalty = overrides.presencePenalty;
        }
        if (overrides.topLogprobs != null) {
            b.topLogprobs = overrides.topLogprobs;
        }
        if (overrides.minTokens != null) {
            b.minTokens = overrides.minTokens;
        }
        if (overrides.ignoreEos != null) {
            b.ignoreEos = overrides.ignoreEos;
        }
        return b.build();
    }

    /** Sampling temperature, if set. */
    public OptionalDouble temperature() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /** Nucleus sampling mass, if set. */
    public OptionalDouble topP() {
        return topP == null ? OptionalDouble.empty() : OptionalDouble.of(topP);
    }

    /** Maximum tokens to generate, if set. */
    public OptionalInt maxTokens() {
        return maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens);
    }

    /** Stop sequences; empty when none are set. */
    public List<String> stop() {
        return stop;
    }

    /** Sampling seed, if set. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** Frequency penalty, if set. */
    public OptionalDouble frequencyPenalty() {
        return frequencyPenalty == null ? OptionalDouble.empty() : OptionalDouble.of(frequencyPenalty);
    }

    /** Presence penalty, if set. */
    public OptionalDouble presencePenalty() {
        return presencePenalty == null ? OptionalDouble.empty() : OptionalDouble.of(presencePenalty);
    }

    /**
     * How many most likely alternatives to return with each generated token's log-probability, if log-probabilities
     * are asked for (OpenAI's {@code logprobs} and {@code top_logprobs}); the answer then carries them
     * ({@link Completion#logprobs()}).
     */
    public OptionalInt topLogprobs() {
        return topLogprobs == null ? OptionalInt.empty() : OptionalInt.of(topLogprobs);
    }

    /**
     * The fewest tokens to generate, if set: a sampling extension of vLLM (and servers built on it, such as NIM),
     * sent as {@code min_tokens} only when set; OpenAI's own API refuses it.
     */
    public OptionalInt minTokens() {
        return minTokens == null ? OptionalInt.empty() : OptionalInt.of(minTokens);
    }

    /**
     * Whether to keep generating past the end-of-sequence token, if set: vLLM's {@code ignore_eos} (with
     * {@link #maxTokens()} it fixes the output length, as load tests want); sent only when set.
     */
    public Optional<Boolean> ignoreEos() {
        return Optional.ofNullable(ignoreEos);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GenerationOptions)) {
            return false;
        }
        GenerationOptions that = (GenerationOptions) o;
        return Objects.equals(temperature, that.temperature) && Objects.equals(topP, that.topP)
                && Objects.equals(maxTokens, that.maxTokens) && stop.equals(that.stop)
                && Objects.equals(seed, that.seed) && Objects.equals(frequencyPenalty, that.frequencyPenalty)
                && Objects.equals(presencePenalty, that.presencePenalty) && Objects.equals(topLogprobs, that.topLogprobs)
                && Objects.equals(minTokens, that.minTokens) && Objects.equals(ignoreEos, that.ignoreEos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(temperature, topP, maxTokens, stop, seed, frequencyPenalty, presencePenalty, topLogprobs, minTokens,
                ignoreEos);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GenerationOptions{");
        String sep = "";
        for (Object[] kv : new Object[][] {{"temperature", temperature}, {"topP", topP}, {"maxTokens", maxTokens},
                {"stop", stop.isEmpty() ? null : stop}, {"seed", seed}, {"frequencyPenalty", frequencyPenalty},
                {"presencePenalty", presencePenalty}, {"topLogprobs", topLogprobs}, {"minTokens", minTokens},
                {"ignoreEos", ignoreEos}}) {
            if (kv[1] != null) {
                sb.append(sep).append(kv[0]).append('=').append(kv[1]);
                sep = ", ";
            }
        }
        return sb.append('}').toString();
    }

    /** Builds {@link GenerationOptions}; each setter rejects out-of-range values at once. Reusable. */
    public static final class Builder {
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private @Nullable Long seed;
        private @Nullable Double frequencyPenalty;
        private @Nullable Double presencePenalty;
        private @Nullable Integer topLogprobs;
        private @Nullable Integer minTokens;
        private @Nullable Boolean ignoreEos;

        private Builder() {
        }

        /** Sampling temperature in [0, 2]. */
        public Builder temperature(double temperature) {
            Preconditions.checkArgument(temperature >= 0 && temperature <= 2, () ->
                    "temperature must be in [0, 2] but was " + temperature);
            this.temperature = temperature;
            return this;
        }

        /** Nucleus sampling mass in (0, 1]. */
        public Builder topP(double topP) {
            Preconditions.checkArgument(topP > 0 && topP <= 1, () -> "topP must be in (0, 1] but was " + topP);
            this.topP = topP;
            return this;
        }

        /** Maximum tokens to generate, at least 1. */
        public Builder maxTokens(int maxTokens) {
            Preconditions.checkArgument(maxTokens >= 1, () -> "maxTokens must be >= 1 but was " + maxTokens);
            this.maxTokens = maxTokens;
            return this;
        }

        /** Stop sequences (non-empty strings); replaces any set before. */
        public Builder stop(List<String> stop) {
            Objects.requireNonNull(stop, "stop");
            for (int i = 0; i < stop.size(); i++) {
                String s = stop.get(i);
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException("stop[" + i + "] must be a non-empty string but was "
                            + (s == null ? "null" : "''"));
                }
            }
            this.stop.clear();
            this.stop.addAll(stop);
            return this;
        }

        /** Sampling seed, for servers that support reproducible sampling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Frequency penalty in [-2, 2]. */
        public Builder frequencyPenalty(double frequencyPenalty) {
            this.frequencyPenalty = penalty("frequencyPenalty", frequencyPenalty);
            return this;
        }

        /** Presence penalty in [-2, 2]. */
        public Builder presencePenalty(double presencePenalty) {
            this.presencePenalty = penalty("presencePenalty", presencePenalty);
            return this;
        }

        /** Asks for each generated token's log-probability with its {@code n} most likely alternatives, 0 to 20. */
        public Builder topLogprobs(int n) {
            Preconditions.checkArgument(n >= 0 && n <= 20, () -> "topLogprobs must be in [0, 20] but was " + n);
            this.topLogprobs = n;
            return this;
        }

        /** The fewest tokens to generate (vLLM's {@code min_tokens}), at least 1. */
        public Builder minTokens(int minTokens) {
            Preconditions.checkArgument(minTokens >= 1, () -> "minTokens must be >= 1 but was " + minTokens);
            this.minTokens = minTokens;
            return this;
        }

        /** Whether to generate past the end-of-sequence token (vLLM's {@code ignore_eos}). */
        public Builder ignoreEos(boolean ignoreEos) {
            this.ignoreEos = ignoreEos;
            return this;
        }

        /** The options as set so far. */
        public GenerationOptions build() {
            return new GenerationOptions(this);
        }

        private static double penalty(String name, double value) {
            Preconditions.checkArgument(value >= -2 && value <= 2, () -> name + " must be in [-2, 2] but was " + value);
            return value;
        }
    }
}
