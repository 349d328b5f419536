package dev.raq.core;

import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.VerdictLabels;
import dev.raq.core.store.ResultStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored answers and judgments are reused only when nothing that determines them changed: every judge setting,
 * the judge's client, the sample's content, and the candidate's model, template and options.
 */
class StoredResultReuseTest {

    private static final Pattern ID = Pattern.compile("ANSWER ID (\\d+)");

    /** A judge model that ranks the shown ids in ascending order, or prefers A in pairwise prompts. */
    private static final class JudgeModel implements ModelClient {
        final AtomicInteger calls = new AtomicInteger();
        final String fingerprint;

        JudgeModel(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public Completion complete(ChatRequest request) {
            calls.incrementAndGet();
            String user = request.lastUserMessage();
            if (!user.contains("ANSWER ID")) {
                return Completion.of("A is better. [[A>B]]");
            }
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            Matcher m = ID.matcher(user);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return Completion.of("[" + String.join(", ", ids) + "]");
        }

        @Override
        public java.util.Optional<String> modelId() {
            return java.util.Optional.of("judge-model");
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }
    }

    private static List<Sample> samples(String reference) {
        return List.of(Sample.of("s1", "What is one?", reference), Sample.of("s2", "What is two?", "2"));
    }

    private static int judgeCallsOnRerun(Judge first, Judge second, JudgeModel model,
                                         List<Sample> firstData, List<Sample> secondData) {
        ResultStore store = ResultStore.inMemory();
        ScriptedClient a = EvaluationTest.echo("a");
        ScriptedClient b = EvaluationTest.echo("b");
        Evaluation.builder().dataset(firstData).candidate("a", a).candidate("b", b).judge(first).store(store)
                .build().run();
        int before = model.calls.get();
        Evaluation.builder().dataset(secondData).candidate("a", a).candidate("b", b).judge(second).store(store)
                .build().run();
        return model.calls.get() - before;
    }

    private static int rankingRerun(UnaryOperator<dev.raq.core.judge.RankingJudge> change) {
        JudgeModel model = new JudgeModel("judge-model");
        dev.raq.core.judge.RankingJudge judge = Judges.ranking(model);
        return judgeCallsOnRerun(judge, change.apply(judge), model, samples("1"), samples("1"));
    }

    @Test
    void rankingJudge_unchangedRerun_noJudgeCall() {
        assertThat(rankingRerun(j -> j)).isZero();
        assertThat(rankingRerun(j -> j.name("renamed"))).as("the display name is not an output setting").isZero();
    }

    @Test
    void rankingJudge_eachChangedSetting_judgesAgain() {
        assertThat(rankingRerun(j -> j.repeats(2))).isEqualTo(4);
        assertThat(rankingRerun(j -> j.maxReasks(0))).isEqualTo(2);
        assertThat(rankingRerun(j -> j.withoutReference())).isEqualTo(2);
        assertThat(rankingRerun(j -> j.options(GenerationOptions.builder().temperature(0).build()))).isEqualTo(2);
    }

    @Test
    void rankingJudge_clientWithAnotherReplyMode_judgesAgain() {
        JudgeModel before = new JudgeModel("judge-model{replyMode=PROMPT}");
        JudgeModel after = new JudgeModel("judge-model{replyMode=TOOL_CALL}");
        ResultStore store = ResultStore.inMemory();
        for (JudgeModel model : List.of(before, after)) {
            Evaluation.builder().dataset(samples("1")).candidate("a", EvaluationTest.echo("a"))
                    .candidate("b", EvaluationTest.echo("b")).judge(Judges.ranking(model)).store(store).build()
                    .run();
        }
        assertThat(after.calls).hasValue(2);
    }

    @Test
    void rankingJudge_correctedReferenceAnswer_judgesThatSampleAgain() {
        JudgeModel model = new JudgeModel("judge-model");
        dev.raq.core.judge.RankingJudge judge = Judges.ranking(model);
        assertThat(judgeCallsOnRerun(judge, judge, model, samples("1"), samples("one"))).isEqualTo(1);
    }

    @Test
    void pairwiseJudge_eachChangedSetting_judgesAgain() {
        JudgeModel model = new JudgeModel("judge-model");
        var judge = PairwiseJudge.of(model);
        assertThat(judgeCallsOnRerun(judge, judge, model, samples("1"), samples("1"))).isZero();
        assertThat(judgeCallsOnRerun(judge, judge.labels(VerdictLabels.GRADED), model, samples("1"), samples("1")))
                .isEqualTo(2);
        assertThat(judgeCallsOnRerun(judge, judge.swapPositions(), model, samples("1"), samples("1")))
                .isEqualTo(4);
        assertThat(judgeCallsOnRerun(judge, judge.againstBaseline("a"), model, samples("1"), samples("1")))
                .isEqualTo(2);
    }

    @Test
    void metricJudge_neverStored_recomputedEveryRun() {
        ResultStore store = new ResultStore() {
            private final ResultStore inner = ResultStore.inMemory();

            @Override
            public java.util.Optional<Completion> answer(String key) {
                return inner.answer(key);
            }

            @Override
            public void putAnswer(String key, Completion completion) {
                inner.putAnswer(key, completion);
            }

            @Override
            public java.util.Optional<dev.raq.core.judge.Judgment> judgment(String key) {
                throw new AssertionError("a metric judgment was looked up");
            }

            @Override
            public void putJudgment(String key, dev.raq.core.judge.Judgment judgment) {
                throw new AssertionError("a metric judgment was stored");
            }
        };
        var report = Evaluation.builder().dataset(samples("1")).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.score((answer, refs) -> answer.length()))
                .store(store).build().run();
        assertThat(report.judgeErrors()).isZero();
        assertThat(report.rankings()).hasSize(2);
    }

    @Test
    void candidate_changedModelTemplateOrOptions_asksAgain_unchangedRerun_asksNothing() {
        ResultStore store = ResultStore.inMemory();
        ScriptedClient model = EvaluationTest.echo("m").withModelId("m1");
        JudgeModel judgeModel = new JudgeModel("judge-model");
        Map<String, UnaryOperator<Evaluation.Builder>> changes = new java.util.LinkedHashMap<>();
        changes.put("unchanged", b -> b.candidate("a", model));
        changes.put("unchanged again", b -> b.candidate("a", model));
        changes.put("template", b -> b.candidate("a", model).promptTemplate("Answer: {question}"));
        changes.put("options", b -> b.candidate(Candidate.builder("a", model)
                .options(GenerationOptions.builder().temperature(0.5).build()).build()));
        ScriptedClient otherModel = EvaluationTest.echo("m").withModelId("m2");
        changes.put("model", b -> b.candidate("a", otherModel));
        Map<String, Integer> calls = new java.util.LinkedHashMap<>();
        for (var change : changes.entrySet()) {
            int before = model.calls.get() + otherModel.calls.get();
            ScriptedClient other = EvaluationTest.echo("b");
            change.getValue().apply(Evaluation.builder().dataset(samples("1"))).candidate("b", other)
                    .judge(Judges.ranking(judgeModel)).store(store).build().run();
            calls.put(change.getKey(), model.calls.get() + otherModel.calls.get() - before);
        }
        assertThat(calls).containsEntry("unchanged", 2).containsEntry("unchanged again", 0)
                .containsEntry("template", 2).containsEntry("options", 2).containsEntry("model", 2);
    }
}
