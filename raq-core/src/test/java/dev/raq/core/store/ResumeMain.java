package dev.raq.core.store;

import dev.raq.core.Evaluation;
import dev.raq.core.PreferenceJudge;
import dev.raq.core.ScriptedClient;
import dev.raq.core.data.Sample;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

/**
 * The evaluation the kill-and-resume test runs in a second JVM (and again in-process): slow scripted candidates
 * against a JSON Lines store. Arguments: the store file and the number of samples.
 */
public final class ResumeMain {

    private ResumeMain() {
    }

    static List<Sample> samples(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sample.of("s" + i, "question " + i, "ref")).toList();
    }

    static Evaluation evaluation(int samples, ResultStore store, ScriptedClient a, ScriptedClient b,
                                 PreferenceJudge judge) {
        return Evaluation.builder().dataset(samples(samples)).candidate("a", a).candidate("b", b).judge(judge)
                .store(store).concurrency(2).seed(7).build();
    }

    static ScriptedClient client(String who) {
        return ScriptedClient.answering(r -> who + " answers " + r.lastUserMessage());
    }

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        try (JsonlResultStore store = JsonlResultStore.open(Path.of(args[0]))) {
            evaluation(Integer.parseInt(args[1]), store, client("a").completingLater(scheduler, 20),
                    client("b").completingLater(scheduler, 20), new PreferenceJudge("p", List.of("a", "b"), ScriptedClient.answering(r -> "judge"))).run();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
