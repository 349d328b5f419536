package dev.raq.core.pairwise;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judges;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.ModelCalls;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in model judges judge the same asynchronously as synchronously: the same seed gives the same calls,
 * re-asks and failures, whatever order the replies arrive in, while their requests are out at the same time.
 */
class AsyncJudgingTest {

    private static final java.util.regex.Pattern ANSWER_A = java.util.regex.Pattern.compile(
            "A's Answer #[0-9a-f]{8}\\|>\n(.*?)\n<\\|The End", java.util.regex.Pattern.DOTALL);
    private static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(2);
    private static final Sample SAMPLE = Sample.of("q1", "What is 2 + 2?", "4");
    private static final JudgeInput INPUT = new JudgeInput(SAMPLE, List.of(new CandidateAnswer("right", "4"),
            new CandidateAnswer("wrong", "5"), new CandidateAnswer("vague", "four-ish")), 11L);

    @AfterAll
    static void stop() {
        LATER.shutdownNow();
    }

    /**
     * A judge model answering with a function of the request, at once when asked synchronously and after 1–15 ms on
     * another thread when asked asynchronously; it records the most requests it had out at once.
     */
    private static final class Model implements ModelClient {
        final Function<ChatRequest, String> reply;
        final AtomicInteger out = new AtomicInteger();
        final AtomicInteger mostOut = new AtomicInteger();

        Model(Function<ChatRequest, String> reply) {
            this.reply = reply;
        }

        @Override
        public Completion complete(ChatRequest request) {
            return answer(request);
        }

        @Override
        public CompletableFuture<Completion> completeAsync(ChatRequest request, java.util.concurrent.Executor e) {
            mostOut.accumulateAndGet(out.incrementAndGet(), Math::max);
            CompletableFuture<Completion> f = new CompletableFuture<>();
            LATER.schedule(() -> {
                out.decrementAndGet();
                try {
                    f.complete(answer(request));
                } catch (RuntimeException failure) {
                    f.completeExceptionally(failure);
                }
            }, ThreadLocalRandom.current().nextInt(1, 16), TimeUnit.MILLISECONDS);
            return f;
        }

        private Completion answer(ChatRequest request) {
            return Completion.of(reply.apply(request));
        }
    }

    /** Sends every call at once, without a limit: what an evaluation does below its judge limit. */
    private static final ModelCalls AT_ONCE = new ModelCalls() {
        @Override
        public CompletableFuture<Completion> send(ModelClient client, ChatRequest request) {
            return client.completeAsync(request, Runnable::run);
        }

        @Override
        public <T> CompletableFuture<T> runBlocking(Supplier<T> work) {
            return CompletableFuture.supplyAsync(work, LATER);
        }
    };

    private static void assertSameAsynchronously(Judge judge, Model model) throws Exception {
        Judgment synchronous = judge.judge(INPUT);
        Judgment asynchronous = judge.judgeAsync(INPUT, AT_ONCE).get(10, TimeUnit.SECONDS);
        assertThat(asynchronous).isEqualTo(synchronous);
        assertThat(model.mostOut.get()).as("requests out at once").isGreaterThan(1);
        assertThat(judge.judgeAsync(INPUT, ModelCalls.direct()).join()).isEqualTo(synchronous);
    }

    private static boolean firstAsk(ChatRequest request) {
        return request.messages().size() == 2;
    }

    @Test
    void rankingJudge_repeatsAndReasks_sameJudgment() throws Exception {
        // the first ask of an order that shows "4" first gets no ranking, the re-ask one; others rank at once
        Model model = new Model(r -> firstAsk(r) && r.lastUserMessage().indexOf("\n4\n")
                < r.lastUserMessage().indexOf("\n5\n") ? "They all look fine." : "[3, 1, 2]");
        assertSameAsynchronously(Judges.ranking(model).repeats(4).maxReasks(1), model);
    }

    @Test
    void gradingJudge_reasksAndFailures_sameJudgment() throws Exception {
        Model model = new Model(r -> {
            String user = r.messages().get(1).content();
            if (user.contains("\nfour-ish\n")) {
                return firstAsk(r) ? "Hard to say." : "Rating: [[5]]";
            }
            return user.contains("\n5\n") ? "Rating: [[2]]" : "Rating: [[9]]"; // the reference is 4
        });
        assertSameAsynchronously(Judges.grade(model), model);
        Judgment rated = Judges.grade(model).judge(INPUT);
        assertThat(rated.scores()).containsEntry("right", 9.0).containsEntry("wrong", 2.0)
                .containsEntry("vague", 5.0);
    }

    @Test
    void pairwiseJudge_swappedGamesReasksAndFailures_sameJudgment() throws Exception {
        Model model = new Model(r -> {
            String user = r.firstUserMessage();
            java.util.regex.Matcher a = ANSWER_A.matcher(user);
            String shownA = a.find() ? a.group(1) : "";
            if (shownA.equals("5") && user.contains("\n4\n<|The End")) {
                throw new RetriableModelCallException(RetriableModelCallException.Reason.SERVER_ERROR, "judge", 1,
                        503, null, "busy", null);
            }
            if (!firstAsk(r)) {
                return "[[A=B]]";
            }
            return shownA.equals("4") ? "[[A>B]]" : user.contains("\n4\n<|The End") ? "[[B>A]]" : "I cannot tell.";
        });
        assertSameAsynchronously(PairwiseJudge.of(model).swapPositions(), model);
        Judgment j = PairwiseJudge.of(model).swapPositions().judge(INPUT);
        assertThat(j.calls()).hasSize(3);
        assertThat(j.calls()).filteredOn(c -> c.attributes().getOrDefault(PairwiseJudge.ATTR_VERDICT, "").equals("A=B"))
                .as("pairs judged after a re-ask").isNotEmpty();
        assertThat(j.calls()).filteredOn(c -> c.error().isPresent()).singleElement()
                .satisfies(c -> assertThat(c.error().orElseThrow()).contains("judge call failed"));
    }
}
