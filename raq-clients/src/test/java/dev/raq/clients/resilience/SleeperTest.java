package dev.raq.clients.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SleeperTest {

    @Test
    void system_zeroOrNegative_completesAtOnce() {
        assertThat(Sleeper.system().sleep(Duration.ZERO)).isCompleted();
        assertThat(Sleeper.system().sleep(Duration.ofMillis(-5))).isCompleted();
    }

    @Test
    void system_positive_completesLaterWithoutTheCallersThread() throws Exception {
        CompletableFuture<Void> f = Sleeper.system().sleep(Duration.ofMillis(1));

        f.get(30, TimeUnit.SECONDS);

        assertThat(f).isCompletedWithValue(null);
    }
}
