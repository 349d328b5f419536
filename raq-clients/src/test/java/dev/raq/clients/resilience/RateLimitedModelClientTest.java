package dev.raq.clients.resilience;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitedModelClientTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> slept = new ArrayList<>();
    /** A sleeper that moves the fake clock forward, as real waiting would. */
    private final Sleeper sleeper = d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
        return CompletableFuture.completedFuture(null);
    };

    @Test
    void complete_requestsPerMinute_pacesAfterOneSecondBurst() {
        RateLimitedModelClient client = RateLimitedModelClient.builder(r -> Completion.of("ok"))
                .requestsPerMinute(120).ticker(now::get).sleeper(sleeper).build();

        for (int i = 0; i < 5; i++) {
            client.complete(ChatRequest.ofUser("q"));
        }

        // 2 per second: a burst of 2, then one every 500 ms
        assertThat(slept).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void completeAsync_manyAtOnce_queueWithoutBlocking() {
        List<Duration> waits = new ArrayList<>();
        RateLimitedModelClient client = RateLimitedModelClient.builder(r -> Completion.of("ok"))
                .requestsPerMinute(60).ticker(now::get).sleeper(d -> {
                    waits.add(d);
                    return CompletableFuture.completedFuture(null);
                }).build();

        for (int i = 0; i < 4; i++) {
            client.completeAsync(ChatRequest.ofUser("q"), Runnable::run).join();
        }

        // time does not move: each call reserves the next free second
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    @Test
    void complete_tokensPerMinute_chargesReportedUsage() {
        // 600 tokens per minute = 10 per second, bucket of 10
        RateLimitedModelClient client = RateLimitedModelClient.builder(r -> Completion.builder("ok")
                        .usage(TokenUsage.reported(5, 25)).build())
                .tokensPerMinute(600).ticker(now::get).sleeper(sleeper).build();

        client.complete(ChatRequest.ofUser("12345678")); // estimate 2 tokens, then 30 used: balance 10 - 30 = -20
        client.complete(ChatRequest.ofUser("12345678")); // needs 2 more: waits (20 + 2) / 10 per second

        assertThat(slept).containsExactly(Duration.ZERO, Duration.ofMillis(2200));
    }

    @Test
    void build_withoutLimit_fails() {
        assertThatThrownBy(() -> RateLimitedModelClient.builder(r -> Completion.of("")).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RateLimitedModelClient.builder(r -> Completion.of("")).requestsPerMinute(0))
                .hasMessageContaining("requestsPerMinute must be >= 1 but was 0");
    }
}
