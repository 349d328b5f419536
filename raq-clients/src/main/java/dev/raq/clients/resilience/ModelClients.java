package dev.raq.clients.resilience;

import dev.raq.core.model.ModelClient;

/**
 * Shortcuts for the common decorators of a {@link ModelClient}; use the decorators' builders for injected time,
 * sleeping and seeds. Decorators compose; a typical stack retries outside the limits:
 * <pre>{@code
 * ModelClient client = ModelClients.retrying(
 *         ModelClients.adaptiveConcurrency(ModelClients.rateLimited(nim, 40), 2, 32), RetryPolicy.defaults());
 * }</pre>
 */
public final class ModelClients {

    private ModelClients() {
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
}
