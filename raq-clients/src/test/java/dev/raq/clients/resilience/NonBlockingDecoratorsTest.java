package dev.raq.clients.resilience;

import dev.raq.clients.ModelClients;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry, rate-limit and concurrency-limit decorators wait on timers and queues, not threads, so an evaluation may read
 * their replies where they arrive exactly when it may read their delegate's.
 */
class NonBlockingDecoratorsTest {

    @Test
    void decorators_completeWithoutBlocking_exactlyWhenTheirDelegateDoes() {
        ModelClient http = OpenAiCompatibleClient.local("http://127.0.0.1:9/v1").model("m").build();
        ModelClient lambda = request -> Completion.of("ok");
        for (ModelClient delegate : new ModelClient[] {http, lambda}) {
            boolean expected = delegate.completesWithoutBlocking();
            assertThat(ModelClients.retrying(delegate).completesWithoutBlocking()).isEqualTo(expected);
            assertThat(RateLimitedModelClient.builder(delegate).requestsPerMinute(60).build()
                    .completesWithoutBlocking()).isEqualTo(expected);
            assertThat(ConcurrencyLimitedModelClient.builder(delegate).maxConcurrency(2).build()
                    .completesWithoutBlocking()).isEqualTo(expected);
        }
        assertThat(http.completesWithoutBlocking()).isTrue();
        assertThat(lambda.completesWithoutBlocking()).isFalse();
    }
}
