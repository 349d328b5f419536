package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One contestant of an evaluation: a name for reports, the model client that answers, and optionally its own prompt,
 * sampling options and limit on calls in flight. Immutable.
 *
 * <p>A candidate without its own prompt uses the evaluation's shared prompt. Its {@link GenerationOptions} override
 * the options of the rendered request setting by setting.
 */
public final class Candidate {

    private final String name;
    private final ModelClient client;
    private final @Nullable Function<Sample, ChatRequest> prompt;
    private final GenerationOptions options;
    private final int maxConcurrency;

    private Candidate(Builder b) {
        this.name = b.name;
        this.client = b.client;
        this.prompt = b.prompt;
        this.options = b.options;
        this.maxConcurrency = b.maxConcurrency;
    }

    /**
     * A candidate that uses the evaluation's shared prompt, no options of its own and no limit of its own.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static Candidate of(String name, ModelClient client) {
        return builder(name, client).build();
    }

    /**
     * A builder for a candidate.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String name, ModelClient client) {
        return new Builder(name, client);
    }

    /** The name shown in reports; unique within an evaluation. */
    public String name() {
        return name;
    }

    /** The client that answers. */
    public ModelClient client() {
        return client;
    }

    /** The candidate's own prompt, if it has one; otherwise the evaluation's shared prompt is used. */
    public Optional<Function<Sample, ChatRequest>> prompt() {
        return Optional.ofNullable(prompt);
    }

    /** Sampling options that override those of the rendered request; {@link GenerationOptions#none()} by default. */
    public GenerationOptions options() {
        return options;
    }

    /** The most calls of this candidate in flight at once, if limited beyond the evaluation's global limit. */
    public OptionalInt maxConcurrency() {
        return maxConcurrency == 0 ? OptionalInt.empty() : OptionalInt.of(maxConcurrency);
    }

    @Override
    public String toString() {
        return "Candidate{" + name + client.modelId().map(m -> ", model=" + m).orElse("")
                + (maxConcurrency == 0 ? "" : ", maxConcurrency=" + maxConcurrency) + "}";
    }

    /** Builds a {@link Candidate}; setters reject bad values at once. Reusable. */
    public static final class Builder {
        private final String name;
        private final ModelClient client;
        private @Nullable Function<Sample, ChatRequest> prompt;
        private GenerationOptions options = GenerationOptions.none();
        private int maxConcurrency;

        private Builder(String name, ModelClient client) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("candidate name must not be blank");
            }
            this.name = name;
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Gives the candidate its own prompt: a function from a sample to the request sent to the model. */
        public Builder prompt(Function<Sample, ChatRequest> prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /**
         * Gives the candidate its own prompt template, a single user message rendered by
         * {@link dev.raq.core.data.PromptTemplate} ({@code {question}}, {@code {context}} …).
         *
         * @throws IllegalArgumentException if the template is malformed or does not contain {@code {question}}
         */
        public Builder promptTemplate(String template) {
            this.prompt = Prompts.template(template);
            return this;
        }

        /** Sets sampling options that override those of the rendered request (default: none). */
        public Builder options(GenerationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Limits this candidate's calls in flight (default: only the evaluation's global limit applies).
         *
         * @throws IllegalArgumentException if {@code maxConcurrency < 1}
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be >= 1 but was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Builds the candidate. */
        public Candidate build() {
            return new Candidate(this);
        }
    }
}
