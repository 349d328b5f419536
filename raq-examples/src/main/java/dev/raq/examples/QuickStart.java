package dev.raq.examples;

import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Dataset;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;

import java.nio.file.Path;

/**
 * The README's quick start, compiled so that it cannot rot: two models on NVIDIA NIM answer the questions of a JSON
 * Lines file, an independent judge model ranks their answers three times each (one observation per question), and
 * the default test (Friedman with Conover and Holm) says whether the difference is real. A run that produced no
 * evidence (a wrong key, a judge whose replies cannot be read) throws an {@code EvaluationAbortedException} that
 * names the cause, so the program exits non-zero.
 * Needs {@code NGC_API_KEY} and {@code OPENAI_API_KEY}; the offline demo ({@link OfflineDemo}) needs nothing.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args the JSON Lines file of questions ({@code id}, {@code question}, {@code context}, {@code answers});
     *             {@code questions.jsonl} by default
     */
    public static void main(String[] args) {
        Path questions = Path.of(args.length > 0 ? args[0] : "questions.jsonl");
        // README quick start: begin
        ModelClient llama = OpenAiCompatibleClient.nim().model("meta/llama3-8b-instruct").build();
        ModelClient mistral = OpenAiCompatibleClient.nim().model("mistralai/mistral-7b-instruct-v0.3").build();
        ModelClient judge = OpenAiCompatibleClient.openAi().model("gpt-4o").build();

        EvaluationReport report = Evaluation.builder()
                .dataset(Dataset.fromJsonl(questions))
                .candidate("llama3-8b", llama)
                .candidate("mistral-7b", mistral)
                .promptTemplate("Context: {context}\nQuestion: {question}\nAnswer briefly:")
                .judge(Judges.ranking(judge).repeats(3))
                .build()
                .run();
        System.out.println(report);                      // problems first, then ranks, wins, length, speed, verdicts
        report.writeMarkdown(Path.of("raq-report.md"));  // tables to paste into a pull request
        // README quick start: end
    }
}
