package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an evaluation's work runs: no thread hand-off for a non-blocking client's answers or a metric judge. */
class ThreadHandOffTest {

    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of("q" + i, "question " + i + "?", "answer " + i));
        }
        return out;
    }

    /** Completes every call on its own "transport" thread, as RAQ's HTTP clients do. */
    private static ModelClient transport(ExecutorService io, boolean nonBlocking, Set<String> executorsSeen) {
        return new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
                // as HttpTransport does: the reply is read on the transport, and the future completed on the executor
                return CompletableFuture.supplyAsync(() -> Completion.of("it is " + request.lastUserMessage()), io)
                        .thenApplyAsync(c -> {
                            executorsSeen.add(Thread.currentThread().getName().replaceAll("\\d+$", ""));
                            return c;
                        }, executor);
            }

            @Override
            public boolean completesWithoutBlocking() {
                return nonBlocking;
            }
        };
    }

    private static Set<String> threadsThatRecordedAnswers(boolean nonBlocking) {
        ExecutorService io = Executors.newFixedThreadPool(2, r -> new Thread(r, "transport-1"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> judgedOn = ConcurrentHashMap.newKeySet();
        try {
            Evaluation.builder().dataset(samples(40))
                    .candidate("a", transport(io, nonBlocking, seen)).candidate("b", transport(io, nonBlocking, seen))
                    .judge(Judges.score((answer, references) -> {
                        judgedOn.add(Thread.currentThread().getName().replaceAll("\\d+$", ""));
                        return answer.length();
                    })).concurrency(8).build().run();
        } finally {
            io.shutdownNow();
        }
        assertThat(judgedOn).as("a metric judge runs where the last answer arrived").doesNotContain("raq-judge-");
        return seen;
    }

    @Test
    void nonBlockingClient_answersRecordedOnItsOwnThread_blockingOneOnTheEvaluationsPool() {
        // on the transport's thread, or on the caller's when the reply was there before the caller chained to it
        assertThat(threadsThatRecordedAnswers(true)).contains("transport-").doesNotContain("raq-model-");
        assertThat(threadsThatRecordedAnswers(false)).containsExactly("raq-model-");
    }
}
