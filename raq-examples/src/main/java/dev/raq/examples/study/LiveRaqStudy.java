package dev.raq.examples.study;

import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.clients.ModelClients;
import dev.raq.core.Evaluation;
import dev.raq.core.EvaluationAbortedException;
import dev.raq.core.FailurePolicy;
import dev.raq.core.model.RaqException;
import dev.raq.core.data.Dataset;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.report.html.HtmlReportWriter;
import dev.raq.report.html.MarkdownWithCharts;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The RAQ study as its authors ran it, live: the NVIDIA NIM models {@code meta/llama3-8b-instruct},
 * {@code mistralai/mistral-7b-instruct-v0.3}, {@code meta/llama3-70b-instruct} and
 * {@code mistralai/mixtral-8x22b-instruct-v0.1} answer SQuAD questions with the study's prompt at temperature 0.1;
 * an independent judge ({@code gpt-4o} on OpenAI by default) ranks the four answers of every question three times
 * in shuffled anonymous orders through the {@code return_rank} tool, and the three rankings count as one observation
 * per question; RAQ's default test (Friedman with Conover's post-hoc test and Holm's adjustment) says which
 * differences in rank are significant (the study's authors used Dunn's test, whose family-wise error on rankings is
 * about twice alpha); words per second and mean answer length are reported next to quality, and failed calls first.
 *
 * <p>Run it with {@code NGC_API_KEY} and {@code OPENAI_API_KEY} set, or point it at any OpenAI-compatible server
 * with {@code --candidates-url} / {@code --judge-url} (no key needed); {@code --help} lists every option. It prints
 * the report and writes {@code report.json} and {@code report.md} into {@code --out}; when too many calls fail and
 * the study stops, those files hold what finished before the stop, failed calls included. Every remote client retries
 * rate limits, timeouts and server errors with the default {@link dev.raq.clients.resilience.RetryPolicy}.
 * <pre>{@code
 * ./mvnw -q -pl raq-examples -am package -DskipTests
 * java -cp raq-examples/target/raq-cli.jar dev.raq.examples.study.LiveRaqStudy --samples 50 --out study-report
 * java -cp raq-examples/target/raq-cli.jar dev.raq.examples.study.LiveRaqStudy \
 *     --candidates-url http://localhost:8000/v1 --candidate-models model-a,model-b \
 *     --judge-url http://localhost:11434/v1 --judge-model qwen2.5:32b --judge-reply json-schema
 * }</pre>
 */
public final class LiveRaqStudy {

    /** The prompt of the RAQ study. */
    static final String PROMPT = "Use the following pieces of context to give a succinct and clear answer to the "
            + "question at the end:\n{context}\nQuestion: {question}\nAnswer:";
    /** The candidates' sampling temperature in the RAQ study. */
    static final double TEMPERATURE = 0.1;
    /** How often the judge ranks every question, each time in another order. */
    static final int JUDGE_REPEATS = 3;
    /**
     * The share of failed calls above which the study stops (checked after {@value FailurePolicy#DEFAULT_MIN_ITEMS}
     * calls), so a wrong key or model id ends the run with its error instead of hundreds of failed calls.
     */
    static final double MAX_ERROR_RATE = 0.5;
    /** The SQuAD sample that ships with raq-examples (300 questions). */
    static final String DATASET = "/data/squad-dev-sample.jsonl";

    private LiveRaqStudy() {
    }

    /**
     * Runs the study; exits with status 2 and a message saying what to set when a key or an option is missing or
     * wrong, with status 1 when the study cannot finish (the message says why), never with a stack trace.
     *
     * @param args the options, see {@code --help}
     */
    public static void main(String[] args) {
        int status = run(args, System::getenv, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses the options, runs the study and prints the report.
     *
     * @return 0 on success, 2 for a bad command line or a missing key, 1 when the study failed or stopped because
     *         more than {@link #MAX_ERROR_RATE} of the calls failed
     */
    static int run(String[] args, Function<String, @Nullable String> environment, PrintStream out,
                   PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(StudyConfig.USAGE);
            return 0;
        }
        StudyConfig config;
        try {
            config = StudyConfig.parse(args, environment);
        } catch (StudyConfigException e) {
            err.println(e.getMessage());
            err.println("(run with --help for every option)");
            return 2;
        }
        try {
            study(config, out);
            return 0;
        } catch (EvaluationAbortedException e) {
            err.println("The study stopped: " + e.getMessage());
            try {
                List<Path> files = writeReports(e.partialReport(), config.out());
                err.println("What finished before the stop is in " + files.get(0) + " and " + files.get(1) + ".");
            } catch (UncheckedIOException io) {
                err.println("The partial report could not be written: " + io.getMessage());
            }
            err.println("Check the model ids, the URLs and the keys (see --help).");
            return 1;
        } catch (RaqException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("The study failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Runs the study of {@code config}, prints the report to {@code out} and writes {@code report.json} and
     * {@code report.md} into the output directory.
     *
     * @return the report
     * @throws UncheckedIOException when the dataset cannot be read or the reports cannot be written
     */
    static EvaluationReport study(StudyConfig config, PrintStream out) {
        Objects.requireNonNull(config, "config");
        Dataset questions = squadSample().shuffled(config.seed()).limit(config.samples());
        ModelClient judge = ModelClients.retrying(judgeClient(config));
        Evaluation.Builder evaluation = Evaluation.builder()
                .dataset(questions)
                .promptTemplate(PROMPT)
                .judge(Judges.ranking(judge).repeats(JUDGE_REPEATS)
                        .options(GenerationOptions.builder().temperature(0).build()))
                .concurrency(config.concurrency())
                .seed(config.seed())
                .failurePolicy(FailurePolicy.maxErrorRate(MAX_ERROR_RATE))
                .progressListener(new ProgressPrinter(out));
        for (String model : config.candidateModels()) {
            evaluation.candidate(model, ModelClients.retrying(candidateClient(config, model)));
        }
        out.println("RAQ study: " + questions.size() + " SQuAD questions, candidates " + config.candidateModels()
                + " on " + config.candidatesServer() + ", judge " + config.judgeModel() + " on "
                + config.judgeServer() + " (" + JUDGE_REPEATS + " rankings per question, one observation per question), "
                + "Friedman + Conover (Holm)");
        EvaluationReport report = evaluation.build().run();
        List<Path> files = writeReports(report, config.out());
        out.println(report.toMarkdown());
        out.println("Reports written to " + files.get(0) + ", " + files.get(1) + " (with its charts) and "
                + files.get(2));
        return report;
    }

    /**
     * Writes {@code report.json}, {@code report.md} (with its SVG charts beside it) and {@code report.html} into
     * {@code dir}, creating it when needed.
     *
     * @return the three files
     * @throws UncheckedIOException when the directory or a file cannot be written
     */
    static List<Path> writeReports(EvaluationReport report, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir, e);
        }
        Path json = dir.resolve("report.json");
        Path markdown = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        report.writeJson(json);
        MarkdownWithCharts.write(report, markdown);
        report.write(html, HtmlReportWriter.create());
        return List.of(json, markdown, html);
    }

    /** A candidate on hosted NIM (with the NGC key) or on the configured server (with its key, if any). */
    static ModelClient candidateClient(StudyConfig config, String model) {
        OpenAiCompatibleClient.Builder b = config.candidatesUrl() == null ? OpenAiCompatibleClient.nim()
                : OpenAiCompatibleClient.local(config.candidatesUrl());
        b.environment(name -> null).model(model)
                .defaultOptions(GenerationOptions.builder().temperature(TEMPERATURE).build());
        if (config.candidatesKey() != null) {
            b.apiKey(config.candidatesKey());
        }
        return b.build();
    }

    /** The judge on OpenAI (with the OpenAI key) or on the configured server, replying as configured. */
    static ModelClient judgeClient(StudyConfig config) {
        OpenAiCompatibleClient.Builder b = config.judgeUrl() == null ? OpenAiCompatibleClient.openAi()
                : OpenAiCompatibleClient.local(config.judgeUrl());
        b.environment(name -> null).model(config.judgeModel())
                .structuredReplyMode(config.judgeReply());
        if (config.judgeKey() != null) {
            b.apiKey(config.judgeKey());
        }
        return b.build();
    }

    /** The 300 SQuAD questions shipped on the class path (copied to a temporary file, as they may sit in a jar). */
    static Dataset squadSample() {
        try (InputStream in = LiveRaqStudy.class.getResourceAsStream(DATASET)) {
            if (in == null) {
                throw new IllegalStateException(DATASET + " is missing from the class path");
            }
            Path copy = Files.createTempFile("raq-squad-", ".jsonl");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return Dataset.fromJsonl(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATASET, e);
        }
    }
}
