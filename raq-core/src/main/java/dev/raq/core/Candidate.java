package dev.raq.core;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One contestant of an evaluation: a name for reports, what answers — a model client behind a prompt, or an
 * {@link Application} that answers whole samples — and optionally its own prompt, sampling options and limit on
 * calls in flight. Immutable.
 *
 * <p>A candidate without its own prompt uses the evaluation's shared prompt. Its {@link GenerationOptions} override
 * the options of the rendered request setting by setting. An application candidate gets the sample itself; the
 * rendered prompt only keys its stored answers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Candidate {

    private final String name;
    private final @Nullable ModelClient client;
    private final @Nullable Application application;
    private final @Nullable Function<Sample, ChatRequest> prompt;
    private final GenerationOptions options;
    private final int maxConcurrency;

    private Candidate(Builder b) {
        this.name = b.name;
        this.client = b.client;
        this.application = b.application;
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
        return new Builder(name, Objects.requireNonNull(client, "client"), null);
    }

    /**
     * A candidate that is the user's application, answering whole samples.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static Candidate ofApplication(String name, Application application) {
        return applicationBuilder(name, application).build();
    }

    /**
     * A builder for an application candidate (a limit on calls in flight is its only other setting that applies).
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder applicationBuilder(String name, Application application) {
        return new Builder(name, null, Objects.requireNonNull(application, "application"));
    }

    /** The name shown in reports; unique within an evaluation. */
    public String name() {
        return name;
    }

    /** The model client that answers, for a model candidate; empty for an application candidate. */
    public Optional<ModelClient> client() {
        return Optional.ofNullable(client);
    }

    /** The application that answers, for an application candidate; empty for a model candidate. */
    public Optional<Application> application() {
        return Optional.ofNullable(application);
    }

    /** What keys this candidate's stored answers: its client's fingerprint, or its application's version. */
    public String fingerprint() {
        return client != null ? client.fingerprint()
                : "application:" + Objects.requireNonNull(application).fingerprint();
    }

    /** True when the candidate's client replays recorded answers, which the evaluation does not time. */
    boolean replays() {
        return client != null && client.replays();
    }

    /** Where the candidate's calls go, when its client has such a place. */
    public Optional<String> endpoint() {
        return client == null ? Optional.empty() : client.endpoint();
    }

    /**
     * Asks the candidate for its answer to one sample: the client with the rendered request, or the application
     * with the sample.
     */
    CompletableFuture<Completion> answer(Sample sample, ChatRequest request, Executor executor) {
        // a non-blocking client's reply is recorded on the thread that read it: no hand-off to the executor
        return client != null ? client.completeAsync(request, client.completesWithoutBlocking() ? Runnable::run
                : executor)
                : Objects.requireNonNull(application).answerAsync(sample, executor);
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
        return "Candidate{" + name + (client == null ? ", application" : client.modelId().map(m -> ", model=" + m)
                .orElse(""))
                + (maxConcurrency == 0 ? "" : ", maxConcurrency=" + maxConcurrency) + "}";
    }

    /** Builds a {@link Candidate}; setters reject bad values at once. Reusable. */
    public static final class Builder {
        private final String name;
        private final @Nullable ModelClient client;
        private final @Nullable Application application;
        private @Nullable Function<Sample, ChatRequest> prompt;
        private GenerationOptions options = GenerationOptions.none();
        private int maxConcurrency;

        private Builder(String name, @Nullable ModelClient client, @Nullable Application application) {
            Objects.requireNonNull(name, "name");
            Preconditions.checkArgument(!name.isBlank(), "candidate name must not be blank");
            this.name = name;
            this.client = client;
            this.application = application;
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
            Preconditions.checkArgument(maxConcurrency >= 1, () ->
                    "maxConcurrency must be >= 1 but was " + maxConcurrency);
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /** Builds the candidate. */
        public Candidate build() {
            return new Candidate(this);
        }
    }
}
