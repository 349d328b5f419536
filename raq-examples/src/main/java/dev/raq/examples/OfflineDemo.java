package dev.raq.examples;

import dev.raq.clients.replay.PredictionsModelClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.judge.Judges;
import dev.raq.metrics.Scorers;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.core.store.ResultStore;
import dev.raq.report.html.HtmlReportWriter;
import dev.raq.report.html.MarkdownWithCharts;
import dev.raq.stats.PAdjust;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline demo: which of five real SQuAD v1.1 systems answers best on 300 questions of the SQuAD dev set, with
 * statistical evidence — no network, no key, a few seconds.
 *
 * <p>Each system is a model client that replays the answer it really gave (recorded from the SQuAD leaderboard, see
 * {@code data/SQUAD-ATTRIBUTION.md}). Two rule-based judges rank the five answers of every question: the official
 * SQuAD token F1 and exact match. For each judge the rankings are tested with RAQ's default, Friedman's test with
 * Conover's post-hoc test and Holm's adjustment (which uses the pairing by question and holds its level), and, for
 * comparison, with Dunn's test (Holm adjustment), the RAQ paper's test, whose family-wise error on rankings is about
 * twice alpha. The summary is printed, problems first when there are any; JSON, Markdown (with its charts as SVG files) and HTML reports are written into the folder named by the first argument
 * ({@value #DEFAULT_FOLDER} by default).
 *
 * <p>Run: {@code ./mvnw -q -Pdemo -pl raq-examples -am package -DskipTests}
 */
public final class OfflineDemo {

    /** The output folder when no argument is given. */
    public static final String DEFAULT_FOLDER = "target/demo-report";

    /** The prompt the candidates were asked (rendered per question; the replayed systems answered it). */
    static final String PROMPT = "Use the following pieces of context to give a succinct and clear answer to the "
            + "question at the end:\n{context}\nQuestion: {question}\nAnswer:";

    private OfflineDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args the output folder (optional)
     */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : DEFAULT_FOLDER);
        Map<String, EvaluationReport> reports = run(folder);
        System.out.println("RAQ offline demo: 5 SQuAD v1.1 systems replayed on 300 dev questions\n");
        String judge = "";
        for (Map.Entry<String, EvaluationReport> e : reports.entrySet()) {
            EvaluationReport report = e.getValue();
            if (!report.judges().get(0).equals(judge)) {
                judge = report.judges().get(0);
                System.out.println("=== judged by " + judge);
                System.out.println(report); // the candidate table and the first test's verdicts
            } else {
                report.significance().ifPresent(s -> System.out.println(s + "\n"));
            }
        }
        System.out.println("Reports (JSON, Markdown and HTML) written to " + folder.toAbsolutePath());
    }

    /**
     * Evaluates the five systems with each judge and test, writes {@code <judge>-<test>.json} and {@code .md} into
     * the folder, and returns the reports by that name.
     */
    public static Map<String, EvaluationReport> run(Path folder) {
        Dataset questions = squadSample();
        Map<String, PredictionsModelClient> systems = recordedSystems(questions);
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        ResultStore store = ResultStore.inMemory(); // each system answers once; later runs reuse the answers
        Map<String, SignificanceTest> tests = new LinkedHashMap<>();
        tests.put("friedman-conover-holm", SignificanceTests.recommended()); // the default, named for the file
        tests.put("dunn-holm", SignificanceTests.dunn(PAdjust.HOLM)); // the RAQ paper's test, for comparison
        for (var judge : List.of(Judges.score(Scorers.squadF1()), Judges.score(Scorers.squadExactMatch()))) {
            for (var test : tests.entrySet()) {
                Evaluation.Builder b = Evaluation.builder().dataset(questions).promptTemplate(PROMPT).judge(judge)
                        .significance(test.getValue()).alpha(0.05).seed(42).store(store);
                systems.forEach(b::candidate);
                EvaluationReport report = b.build().run();
                String name = judge.name().replaceAll("^score\\((.*)\\)$", "$1").replaceAll("[^A-Za-z0-9-]+", "-") + "-"
                        + test.getKey();
                report.writeJson(folder.resolve(name + ".json"));
                MarkdownWithCharts.write(report, folder.resolve(name + ".md"));
                report.write(folder.resolve(name + ".html"), HtmlReportWriter.create());
                reports.put(name, report);
            }
        }
        return reports;
    }

    /** The 300 SQuAD v1.1 dev questions shipped in this module's resources. */
    static Dataset squadSample() {
        return Dataset.fromJsonl(resourceFile("squad-dev-sample.jsonl"));
    }

    /** System name → a client giving that system's recorded answer to each question's prompt, by name. */
    static Map<String, PredictionsModelClient> recordedSystems(Dataset questions) {
        Map<String, PredictionsModelClient> clients = new java.util.TreeMap<>(PredictionsModelClient.read(
                resourceFile("squad-dev-sample-predictions.jsonl"), PredictionsModelClient.Fields.defaults(),
                questions, PromptTemplate.of(PROMPT)));
        return new LinkedHashMap<>(clients);
    }

    /** A resource of {@code data/} as a file (copied out of the jar when needed). */
    private static Path resourceFile(String name) {
        try (InputStream in = OfflineDemo.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource data/" + name + " is missing from the classpath");
            }
            Path file = Files.createTempFile("raq-demo-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy data/" + name, e);
        }
    }
}
