package dev.raq.benchmarks.validation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The kill -9 program, run small: a killed child leaves a readable store and loses at most the calls in flight. */
class StoreKillWindowTest {

    @Test
    void killedRuns_leaveTheirCompletedAnswersOnDisk_butAtMostTheCallsInFlight() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<StoreKillWindow.Trial> trials = StoreKillWindow.run(3, 100, 300,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(trials).hasSize(3).allSatisfy(t -> {
            assertThat(t.completed()).isPositive();
            assertThat(t.stored()).isPositive().isLessThanOrEqualTo(t.completed());
            assertThat(t.lost()).isLessThanOrEqualTo(32); // never more than the concurrency: calls in flight
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3 kills: ");
    }
}
