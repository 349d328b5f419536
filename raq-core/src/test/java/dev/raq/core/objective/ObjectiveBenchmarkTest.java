package dev.raq.core.objective;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.PairDifference;
import dev.raq.metrics.extract.AnswerExtractor;
import dev.raq.stats.McNemar;
import dev.raq.stats.PassAtK;
import dev.raq.stats.ProportionCi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ObjectiveBenchmarkTest {

    /** 20 questions in two subsets (12 "math", 8 "history"); the right letter cycles A, B, C, D. */
    private static List<Sample> questions() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String right = String.valueOf("ABCD".charAt(i % 4));
            out.add(new Sample("q" + i, "Which option is right in question " + i + "?", null, List.of(right),
                    Map.of("A", "alpha " + i, "B", "beta " + i, "C", "gamma " + i, "D", "delta " + i,
                            "subset", i < 12 ? "math" : "history")));
        }
        return out;
    }

    private static int question(ChatRequest r) {
        String text = r.lastUserMessage();
        int at = text.lastIndexOf("question ");
        return Integer.parseInt(text.substring(at + 9, text.indexOf('?', at)));
    }

    @Test
    void multipleChoice_accuracyWithWilson_perSubsetAndWeighted_unextractedCounted_mcNemarBetweenCandidates() {
        // "careful" is right except on q0, q1; "sloppy" is right on even questions, gives no letter on q3, q7
        ModelClient careful = r -> {
            int q = question(r);
            return Completion.of(q < 2 ? "Answer: D" : "I reason... Answer: " + "ABCD".charAt(q % 4));
        };
        ModelClient sloppy = r -> {
            int q = question(r);
            return Completion.of(q == 3 || q == 7 ? "I cannot tell" : q % 2 == 0 ? "(" + "abcd".charAt(q % 4) + ")"
                    : "B".equals(String.valueOf("ABCD".charAt(q % 4))) ? "C" : "B");
        };
        EvaluationReport report = Evaluation.builder().dataset(questions())
                .prompt(MultipleChoice.of("ABCD").chainOfThought()).candidate("careful", careful)
                .candidate("sloppy", sloppy).judge(ExtractionJudge.of(AnswerExtractor.choice("ABCD"))).build().run();

        AccuracySection section = report.section(AccuracySection.class).orElseThrow();
        AccuracySection.Accuracy c = section.candidates().get(0);
        assertThat(c.candidate()).isEqualTo("careful");
        assertThat(c.correct()).isEqualTo(18);
        assertThat(c.total()).isEqualTo(20);
        assertThat(c.interval()).isEqualTo(ProportionCi.of(18, 20, 0.05, ProportionCi.Method.WILSON));
        AccuracySection.Accuracy s = section.candidates().get(1);
        assertThat(s.correct()).isEqualTo(10);
        assertThat(s.unextracted()).isEqualTo(2);
        // math: careful 10/12, history 8/8; weighted (= overall) 18/20, unweighted mean of subsets (10/12 + 1) / 2
        assertThat(section.subsets().keySet()).containsExactly("history", "math");
        assertThat(section.subsets().get("math").get(0).accuracy()).isCloseTo(10 / 12.0, within(1e-12));
        assertThat(c.macro()).isCloseTo((10 / 12.0 + 1) / 2, within(1e-12));
        assertThat(c.accuracy()).isEqualTo(0.9);
        assertThat(section.toMarkdown()).contains("| careful | 90.0% |").contains("| math | sloppy |");

        // careful right & sloppy wrong on 8+2-... : McNemar on the discordant pairs
        PairDifference d = report.pairDifferences().stream().filter(p -> !p.measure().equals("rank")).findFirst()
                .orElseThrow();
        int carefulOnly = 0;
        int sloppyOnly = 0;
        for (int q = 0; q < 20; q++) {
            boolean cr = q >= 2;
            boolean sr = q % 2 == 0 && q != 3 && q != 7;
            carefulOnly += cr && !sr ? 1 : 0;
            sloppyOnly += sr && !cr ? 1 : 0;
        }
        assertThat(d.mcnemar()).isEqualTo(McNemar.test(carefulOnly, sloppyOnly));
    }

    @Test
    void multipleChoicePrompt_kShotAndChainOfThought_missingOptionNamed() {
        List<Sample> qs = questions();
        String zero = MultipleChoice.of("ABCD").apply(qs.get(5)).lastUserMessage();
        assertThat(zero).startsWith("The following are multiple choice questions. Reply with only the letter")
                .endsWith("Question: Which option is right in question 5?\nA. alpha 5\nB. beta 5\nC. gamma 5\n"
                        + "D. delta 5\nAnswer:");
        String twoShot = MultipleChoice.of("ABCD").shots(qs.subList(0, 2)).chainOfThought().apply(qs.get(5))
                .lastUserMessage();
        assertThat(twoShot).contains("Think step by step").contains("D. delta 0\nAnswer: A\n\n")
                .contains("D. delta 1\nAnswer: B\n\n");
        Sample noD = Sample.of("x", "Q?", "A");
        assertThatThrownBy(() -> MultipleChoice.of("ABCD").apply(noD)).hasMessage(
                "sample 'x' has no option A (a metadata field named \"A\")");
    }

    @Test
    void finalNumber_gsm8kReferencesRead_unreadableReferenceIsAFailedCallNamingTheSample() {
        List<Sample> problems = List.of(
                Sample.of("p1", "Tom has 3 apples and buys 4. How many?", "3 + 4 = 7\n#### 7"),
                Sample.of("p2", "A pen costs $2. How much do 500 pens cost?", "500 * 2 = 1000\n#### 1,000"),
                Sample.of("p3", "What is the colour of the sky?", "blue"));
        ModelClient model = r -> Completion.of(r.lastUserMessage().contains("Tom") ? "She has 7 apples."
                : r.lastUserMessage().contains("pens") ? "They cost $1,000.00 in total" : "blue");
        ModelClient wrong = r -> Completion.of("I think 12");
        EvaluationReport report = Evaluation.builder().dataset(problems).candidate("model", model)
                .candidate("wrong", wrong).judge(ExtractionJudge.of(AnswerExtractor.finalNumber())).build().run();
        AccuracySection section = report.section(AccuracySection.class).orElseThrow();
        assertThat(section.candidates().get(0).correct()).isEqualTo(2);
        assertThat(section.candidates().get(0).total()).isEqualTo(2);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.messages()).anyMatch(m -> m.contains(
                "sample 'p3' has no reference answer that final-number can read")));
    }

    @Test
    void passAtK_unbiasedEstimatorOverProblems_failedCallsCountedNotScored() {
        List<Sample> problems = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            problems.add(Sample.of("p" + p, "problem " + p + "?", String.valueOf(p)));
        }
        // answers right when the request's seed says so: problem p is solved with probability about p / 6
        AtomicInteger calls = new AtomicInteger();
        ModelClient model = r -> {
            calls.incrementAndGet();
            long seed = r.options().seed().orElseThrow();
            int p = Integer.parseInt(r.lastUserMessage().replaceAll("\\D", ""));
            return Completion.of(Math.floorMod(seed, 6) < p ? String.valueOf(p) : "no");
        };
        AtomicInteger flakyCalls = new AtomicInteger();
        ModelClient flaky = r -> {
            if (flakyCalls.incrementAndGet() % 4 == 0) {
                throw new IllegalStateException("server overloaded");
            }
            return Completion.of(r.lastUserMessage().replaceAll("\\D", ""));
        };
        PassAtKReport report = PassAtKEvaluation.builder().dataset(problems).candidate("model", model)
                .candidate("flaky", flaky).samplesPerProblem(8).k(1, 5).concurrency(3)
                .verifier((problem, answer) -> answer.equals(problem.references().get(0))).build().run();
        assertThat(calls.get()).isEqualTo(6 * 8);

        // recompute from the seeds the evaluation sends: the same per-problem counts give the same estimate
        PassAtKReport.Row one = report.row("model", 1);
        assertThat(one.problems()).isEqualTo(6);
        assertThat(one.passAtK()).isBetween(0.0, 1.0);
        assertThat(one.interval()).isNotNull();
        assertThat(report.row("model", 5).passAtK()).isGreaterThanOrEqualTo(one.passAtK());
        PassAtKReport.Row flakyRow = report.row("flaky", 1);
        assertThat(flakyRow.failedCalls()).isEqualTo(12);
        assertThat(flakyRow.errors()).first().asString().contains("server overloaded");
        assertThat(flakyRow.passAtK()).isEqualTo(1.0);
        assertThat(report.toString()).contains("pass@k over 6 problems, 8 answers each");

        // the estimator itself: problem with n=8, c=3, k=5
        assertThat(PassAtK.passAtK(8, 3, 5)).isCloseTo(1 - 1.0 / 56, within(1e-12)); // 1 - C(5,5)/C(8,5)
        assertThatThrownBy(() -> PassAtKEvaluation.builder().dataset(problems).candidate("m", model)
                .samplesPerProblem(4).k(5).build()).hasMessageContaining("no verifier")
                .hasMessageContaining("k = 5 is more than the 4 samples per problem");
    }
}
