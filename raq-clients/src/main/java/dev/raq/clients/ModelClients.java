package dev.raq.clients;

import dev.raq.clients.replay.RecordingModelClient;
import dev.raq.clients.resilience.ConcurrencyLimitedModelClient;
import dev.raq.clients.resilience.RateLimitedModelClient;
import dev.raq.clients.resilience.RetryPolicy;
import dev.raq.clients.resilience.RetryingModelClient;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one place to wrap a {@link ModelClient} in RAQ's decorators. {@link #decorate} builds a stack that reads in
 * the order it is written, innermost first, as resilience4j's {@code Decorators} do:
 * <pre>{@code
 * ModelClient client = ModelClients.decorate(nim)
 *         .rateLimited(40)                 // next to the model: at most 40 requests a minute
 *         .adaptiveConcurrency(2, 32)      // around it: halve the calls in flight on HTTP 429
 *         .retrying(RetryPolicy.defaults()) // around both: each retry waits for the limits again
 *         .recordingTo(Path.of("calls.jsonl")) // outermost: record what finally came back
 *         .build();
 * }</pre>
 * The shortcuts ({@link #retrying}, {@link #rateLimited} …) wrap one decorator; each decorator's own builder takes
 * injected time, sleeping and seeds.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelClients {

    private ModelClients() {
    }

    /** A decorator stack around {@code client}, built innermost first. */
    public static Decorators decorate(ModelClient client) {
        return new Decorators(Objects.requireNonNull(client, "client"));
    }

    /** {@code client} retried with {@link RetryPolicy#defaults()}. */
    public static RetryingModelClient retrying(ModelClient client) {
        return RetryingModelClient.builder(client).build();
    }

    /** {@code client} retried with {@code policy}. */
    public static RetryingModelClient retrying(ModelClient client, RetryPolicy policy) {
        return RetryingModelClient.builder(client).policy(policy).build();
    }

    /** {@code client} kept under {@code requestsPerMinute} (≥ 1). */
    public static RateLimitedModelClient rateLimited(ModelClient client, int requestsPerMinute) {
        return RateLimitedModelClient.builder(client).requestsPerMinute(requestsPerMinute).build();
    }

    /** {@code client} with at most {@code maxInFlight} (≥ 1) calls in flight. */
    public static ConcurrencyLimitedModelClient concurrencyLimited(ModelClient client, int maxInFlight) {
        return ConcurrencyLimitedModelClient.builder(client).maxConcurrency(maxInFlight).build();
    }

    /**
     * {@code client} with a concurrency limit that halves on HTTP 429 and grows back on success, within
     * {@code [min, max]}.
     */
    public static ConcurrencyLimitedModelClient adaptiveConcurrency(ModelClient client, int min, int max) {
        return ConcurrencyLimitedModelClient.builder(client).maxConcurrency(max).minConcurrency(min).adaptive(true)
                .build();
    }

    /**
     * A decorator stack in the making: each call wraps what was built so far, so the first written is innermost.
     * Setters reject bad values at once. Not thread-safe; the built client is.
     */
    public static final class Decorators {
        private ModelClient client;

        private Decorators(ModelClient client) {
            this.client = client;
        }

        /** Wraps the stack so far in a rate limit of {@code requestsPerMinute} (≥ 1). */
        public Decorators rateLimited(int requestsPerMinute) {
            return with(c -> ModelClients.rateLimited(c, requestsPerMinute));
        }

        /** Wraps the stack so far in a fixed limit of {@code maxInFlight} (≥ 1) calls in flight. */
        public Decorators concurrencyLimited(int maxInFlight) {
            return with(c -> ModelClients.concurrencyLimited(c, maxInFlight));
        }

        /** Wraps the stack so far in an adaptive concurrency limit within {@code [min, max]}. */
        public Decorators adaptiveConcurrency(int min, int max) {
            return with(c -> ModelClients.adaptiveConcurrency(c, min, max));
        }

        /** Wraps the stack so far in retries under {@code policy}. */
        public Decorators retrying(RetryPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            return with(c -> ModelClients.retrying(c, policy));
        }

        /** Wraps the stack so far so that every successful call is recorded to {@code file} (JSON Lines). */
        public Decorators recordingTo(Path file) {
            Objects.requireNonNull(file, "file");
            return with(c -> RecordingModelClient.of(c, file));
        }

        /** Wraps the stack so far in any decorator of your own (it should extend ForwardingModelClient). */
        public Decorators with(UnaryOperator<ModelClient> decorator) {
            this.client = Objects.requireNonNull(decorator.apply(client), "the decorator returned null");
            return this;
        }

        /** The decorated client. */
        public ModelClient build() {
            return client;
        }
    }
}
