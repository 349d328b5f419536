package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code concurrency} bounds candidate calls in flight and {@code judgeConcurrency} judge calls, each measured by
 * clients that record how many of their calls overlap.
 */
class ConcurrencyLimitsTest {

    /** A client that takes 15 ms and records the most calls it had in flight at once, shared by a group. */
    private static final class Gauge {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        ModelClient client(String id, String answer) {
            return new ModelClient() {
                @Override
                public Completion complete(ChatRequest request) {
                    int in = now.incrementAndGet();
                    max.accumulateAndGet(in, Math::max);
                    try {
                        Thread.sleep(15);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        now.decrementAndGet();
                    }
                    return Completion.of(answer);
                }

                @Override
                public Optional<String> modelId() {
                    return Optional.of(id);
                }
            };
        }
    }

    @Test
    void candidateAndJudgeCalls_stayWithinTheirLimits() {
        Gauge candidates = new Gauge();
        Gauge judge = new Gauge();
        List<Sample> samples = IntStream.range(0, 60).mapToObj(i -> Sample.of("s" + i, "Q" + i + "?", "a")).toList();
        Evaluation.builder().dataset(samples)
                .candidate("x", candidates.client("x", "a"))
                .candidate("y", candidates.client("y", "b"))
                .candidate("z", candidates.client("z", "c"))
                .judge(dev.raq.core.pairwise.PairwiseJudge.of(judge.client("judge", "[[A>B]]")).swapPositions())
                .concurrency(6).judgeConcurrency(2).build().run();
        assertThat(candidates.max.get()).isLessThanOrEqualTo(6).isGreaterThanOrEqualTo(4);
        assertThat(judge.max.get()).isEqualTo(2);
    }

    @Test
    void asynchronousJudgeCalls_stayWithinTheJudgeLimit_andHoldNoThread() {
        ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
        try {
            AtomicInteger[] candidateCalls = {new AtomicInteger(), new AtomicInteger()};
            AtomicBoolean judgeThreadSeen = new AtomicBoolean();
            ScriptedClient judge = ScriptedClient.answering(request -> {
                judgeThreadSeen.compareAndSet(false, Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith("raq-judge-")));
                return "[2, 3, 1]";
            }).withModelId("judge").completingLater(later, 10);
            List<Sample> samples = IntStream.range(0, 40).mapToObj(i -> Sample.of("s" + i, "Q" + i + "?", "a"))
                    .toList();
            EvaluationReport report = Evaluation.builder().dataset(samples)
                    .candidate("x", ScriptedClient.answering(r -> "a").withModelId("x").completingLater(later, 5)
                            .countingIn(candidateCalls))
                    .candidate("y", ScriptedClient.answering(r -> "b").withModelId("y").completingLater(later, 5)
                            .countingIn(candidateCalls))
                    .candidate("z", ScriptedClient.answering(r -> "c").withModelId("z").completingLater(later, 5)
                            .countingIn(candidateCalls))
                    .judge(Judges.ranking(judge).repeats(2))
                    .concurrency(8).judgeConcurrency(3).build().run();
            assertThat(report.judgedSampleCount()).isEqualTo(40);
            assertThat(judge.calls.get()).isEqualTo(80);
            assertThat(judge.maxInFlight.get()).isEqualTo(3);
            assertThat(candidateCalls[1].get()).isLessThanOrEqualTo(8);
            assertThat(judgeThreadSeen).as("a judge-pool thread was started").isFalse();
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void judgeConcurrency_defaultsToConcurrency_andRejectsZero() {
        Evaluation e = Evaluation.builder().dataset(List.of(Sample.of("s", "Q?", "a")))
                .candidate("x", request -> Completion.of("a")).candidate("y", request -> Completion.of("b"))
                .judge(Judges.random()).concurrency(3).build();
        assertThat(e.judgeConcurrency).isEqualTo(3);
        assertThatThrownBy(() -> Evaluation.builder().judgeConcurrency(0))
                .hasMessageContaining("judgeConcurrency must be >= 1 but was 0");
    }
}
