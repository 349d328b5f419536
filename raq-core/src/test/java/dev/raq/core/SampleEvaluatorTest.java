package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.store.ResultStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The public per-sample route, used the way a distributed run would: map samples through it, merge the results. */
class SampleEvaluatorTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of("s" + i, "question " + i, "answer " + i));
        }
        return out;
    }

    private static Evaluation evaluation(List<Sample> data, ResultStore store, PreferenceJudge judge) {
        return Evaluation.builder().dataset(data).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", EvaluationTest.echo("c"))
                .judge(judge).store(store).seed(7).build();
    }

    @Test
    void evaluatesOneSampleWithAnswersTimedAndJudged() {
        PreferenceJudge judge = new PreferenceJudge("pref", List.of("c", "a", "b"), EvaluationTest.echo("judge"));
        Evaluation ev = evaluation(samples(1), ResultStore.inMemory(), judge);

        SampleResult result = SampleEvaluator.of(ev, executor).evaluate(3, samples(1).get(0)).join();

        assertThat(result.index()).isEqualTo(3);
        assertThat(result.answers()).extracting(a -> a.candidate()).containsExactly("a", "b", "c");
        assertThat(result.answers()).allSatisfy(a -> assertThat(a.completion().latency()).isPresent());
        assertThat(result.judgments()).singleElement()
                .satisfies(j -> assertThat(j.rankings().get(0)).isEqualTo(dev.raq.core.judge.Ranking.fromOrder(List.of("c", "a", "b"))));
        assertThat(result.notJudged()).isNull();
    }

    @Test
    void mappedOnTwoWorkersAndMergedGivesTheReportOfOneRun() {
        List<Sample> data = samples(40);
        PreferenceJudge judge = new PreferenceJudge("pref", List.of("c", "a", "b"), EvaluationTest.echo("judge"));
        EvaluationReport whole = evaluation(data, ResultStore.inMemory(), judge).run();

        Evaluation ev = evaluation(data, ResultStore.inMemory(), judge);
        SampleEvaluator evaluator = SampleEvaluator.of(ev, executor);
        EvaluationReport.Builder first = ev.reportBuilder();
        EvaluationReport.Builder second = ev.reportBuilder();
        for (int i = 0; i < data.size(); i++) {
            (i % 2 == 0 ? first : second).add(evaluator.evaluate(i, data.get(i)).join());
        }
        EvaluationReport merged = first.merge(second).build();

        assertThat(merged.rankings()).isEqualTo(whole.rankings());
        assertThat(merged.significance().orElseThrow().omnibus().orElseThrow().pValue())
                .isEqualTo(whole.significance().orElseThrow().omnibus().orElseThrow().pValue()).isLessThan(0.05);
        assertThat(merged.candidate("c").rank()).isEqualTo(whole.candidate("c").rank());
        assertThat(merged.candidate("c").rank().mean()).isEqualTo(1.0);
    }

    @Test
    void reusesWhatTheStoreHoldsAndCallsNothingTwice() {
        ResultStore store = ResultStore.inMemory();
        ScriptedClient judgeModel = EvaluationTest.echo("judge");
        PreferenceJudge judge = new PreferenceJudge("pref", List.of("a", "b", "c"), judgeModel);
        Evaluation ev = evaluation(samples(2), store, judge);
        SampleEvaluator evaluator = SampleEvaluator.of(ev, executor);
        evaluator.evaluate(0, samples(2).get(0)).join();
        int judged = judge.calls.get();

        SampleResult again = evaluator.evaluate(0, samples(2).get(0)).join();

        assertThat(judge.calls.get()).isEqualTo(judged);
        assertThat(again.answers()).allSatisfy(a -> assertThat(a.reused()).isTrue());
    }

    @Test
    void aSampleFewerThanTwoCandidatesAnsweredIsNotJudgedAndSaysWhy() {
        PreferenceJudge judge = new PreferenceJudge("pref", List.of("a", "b"), EvaluationTest.echo("judge"));
        Evaluation ev = Evaluation.builder().dataset(samples(1))
                .candidate("a", EvaluationTest.echo("a").failingWhen(r -> true))
                .candidate("b", EvaluationTest.echo("b")).judge(judge).build();

        SampleResult result = SampleEvaluator.of(ev, executor).evaluate(0, samples(1).get(0)).join();

        assertThat(result.judgments()).isEmpty();
        assertThat(result.notJudged()).isEqualTo("only 1 of 2 candidates answered");
        assertThat(result.answer("a").orElseThrow().error()).isNotBlank();
        assertThat(judge.calls.get()).isZero();
    }
}
