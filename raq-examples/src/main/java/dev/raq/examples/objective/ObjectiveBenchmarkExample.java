package dev.raq.examples.objective;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.objective.AccuracySection;
import dev.raq.core.objective.ExtractionJudge;
import dev.raq.core.objective.MultipleChoice;
import dev.raq.core.objective.PassAtKEvaluation;
import dev.raq.core.objective.PassAtKReport;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.PairDifference;
import dev.raq.metrics.extract.AnswerExtractor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Objective benchmarks offline: a multiple-choice test (MMLU-style prompt with chain of thought, letters read out of
 * free text, accuracy with Wilson intervals per subset and McNemar between the candidates), GSM8K-style word problems
 * (the final number read and normalized), and pass@k with a verifier. The candidates are scripted stand-ins that look
 * the answers up, so the example runs without a model and its numbers are fixed; point {@code candidate(...)} at real
 * clients to benchmark models.
 */
public final class ObjectiveBenchmarkExample {

    private ObjectiveBenchmarkExample() {
    }

    /** What the example computed, for its test. */
    record Outcome(EvaluationReport multipleChoice, EvaluationReport wordProblems, PassAtKReport passAtK) {
    }

    /**
     * Runs the three benchmarks and prints their tables.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Outcome o = run();
        System.out.println("Multiple choice (12 questions, 3 subsets):");
        System.out.println(o.multipleChoice().section(AccuracySection.class).orElseThrow().toMarkdown());
        mcNemar(o.multipleChoice());
        System.out.println("Word problems (GSM8K format):");
        System.out.println(o.wordProblems().section(AccuracySection.class).orElseThrow().toMarkdown());
        System.out.println(o.passAtK());
    }

    static Outcome run() {
        Dataset mc = dataset("multiple-choice.jsonl");
        Dataset problems = dataset("word-problems.jsonl");
        Map<String, Sample> byQuestion = new HashMap<>();
        mc.forEach(s -> byQuestion.put(s.question(), s));
        problems.forEach(s -> byQuestion.put(s.question(), s));

        EvaluationReport multipleChoice = Evaluation.builder().dataset(mc)
                .prompt(MultipleChoice.of("ABCD").chainOfThought())
                .candidate("careful", scripted(byQuestion, (s, right) -> s.id().equals("geo-4")
                        ? "Kyoto was the old capital. Answer: A" : "Let me think it through. Answer: " + right))
                .candidate("hasty", scripted(byQuestion, (s, right) -> s.id().startsWith("ari")
                        ? "It must be (" + wrong(right) + ")" : s.id().equals("sci-4") ? "Not sure." : right))
                .judge(ExtractionJudge.of(AnswerExtractor.choice("ABCD")))
                .build().run();

        EvaluationReport wordProblems = Evaluation.builder().dataset(problems)
                .promptTemplate("Solve the problem. End with \"#### <number>\".\n{question}")
                .candidate("solver", scripted(byQuestion, (s, right) -> "Working it out step by step. #### "
                        + finalNumber(right)))
                .candidate("guesser", scripted(byQuestion, (s, right) -> "The answer is probably "
                        + lastNumberIn(s.question()) + "."))
                .judge(ExtractionJudge.of(AnswerExtractor.finalNumber()))
                .build().run();

        PassAtKReport passAtK = PassAtKEvaluation.builder().dataset(problems)
                .candidate("sampler", request -> {
                    Sample s = lookUp(byQuestion, request);
                    // right in about half the attempts, decided by the request's seed
                    boolean right = Math.floorMod(request.options().seed().orElse(0L), 2) == 0;
                    return Completion.of("#### " + (right ? finalNumber(s.references().get(0)) : "0"));
                })
                .samplesPerProblem(10).k(1, 5)
                .verifier((problem, answer) -> AnswerExtractor.finalNumber().extract(answer)
                        .equals(AnswerExtractor.finalNumber().extract(problem.references().get(0))))
                .build().run();
        return new Outcome(multipleChoice, wordProblems, passAtK);
    }

    private static void mcNemar(EvaluationReport report) {
        for (PairDifference d : report.pairDifferences()) {
            if (d.mcnemar() != null) {
                System.out.printf(Locale.ROOT, "McNemar's exact test, %s vs %s: p = %.4f%n%n", d.first(), d.second(),
                        d.mcnemar().exactPValue());
            }
        }
    }

    /** A stand-in model that looks its question up and answers with {@code reply(sample, right answer)}. */
    private static ModelClient scripted(Map<String, Sample> byQuestion,
                                        java.util.function.BiFunction<Sample, String, String> reply) {
        return request -> {
            Sample s = lookUp(byQuestion, request);
            return Completion.of(reply.apply(s, s.references().get(0)));
        };
    }

    private static Sample lookUp(Map<String, Sample> byQuestion, ChatRequest request) {
        String text = request.lastUserMessage();
        return byQuestion.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("unknown question"));
    }

    private static String wrong(String letter) {
        return letter.equals("A") ? "B" : "A";
    }

    private static String finalNumber(String solution) {
        return AnswerExtractor.finalNumber().extract(solution).orElseThrow();
    }

    private static String lastNumberIn(String question) {
        return AnswerExtractor.finalNumber().extract(question).orElse("0");
    }

    /** A dataset of the example's resources, copied to a temporary file (resources may sit inside a jar). */
    private static Dataset dataset(String name) {
        try (InputStream in = ObjectiveBenchmarkExample.class.getResourceAsStream("/data/objective/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /data/objective/" + name);
            }
            Path file = Files.createTempFile("raq-objective", ".jsonl");
            file.toFile().deleteOnExit();
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Dataset.fromJsonl(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The candidates' names, for the test. */
    static List<String> candidates() {
        return List.of("careful", "hasty");
    }
}
