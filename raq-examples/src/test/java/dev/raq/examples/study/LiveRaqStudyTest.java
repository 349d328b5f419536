package dev.raq.examples.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.report.CandidateSummary;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.significance.SignificanceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static dev.raq.examples.study.FakeStudyServer.GOOD;
import static dev.raq.examples.study.FakeStudyServer.JUDGE;
import static dev.raq.examples.study.FakeStudyServer.MODELS;
import static dev.raq.examples.study.FakeStudyServer.SILENT;
import static dev.raq.examples.study.FakeStudyServer.VERBOSE;
import static dev.raq.examples.study.FakeStudyServer.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

class LiveRaqStudyTest {

    private static final String CANDIDATES_KEY = "cand-secret-7f3a91";
    private static final String JUDGE_KEY = "judge-secret-9c1b42";
    private static final int SAMPLES = 20;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void study_loopbackCandidatesAndJudge_goodModelRanksFirstSignificantly() throws IOException {
        try (FakeStudyServer server = new FakeStudyServer(goldAnswers())) {
            StudyConfig config = StudyConfig.parse(new String[] {"--candidates-url", server.candidatesUrl(),
                    "--candidate-models", String.join(",", MODELS), "--judge-url", server.judgeUrl(),
                    "--judge-model", JUDGE, "--samples", String.valueOf(SAMPLES), "--seed", "7",
                    "--out", dir.resolve("report").toString(), "--concurrency", "4"},
                    Map.of("CANDIDATES_API_KEY", CANDIDATES_KEY, "JUDGE_API_KEY", JUDGE_KEY)::get);

            EvaluationReport report = LiveRaqStudy.study(config, print(out));

            assertThat(server.rejected()).isZero();
            for (String model : MODELS) {
                assertThat(server.calls(model)).as(model).isEqualTo(SAMPLES);
            }
            assertThat(server.calls(JUDGE)).isEqualTo(SAMPLES * LiveRaqStudy.JUDGE_REPEATS);
            assertThat(server.judgeModes()).containsExactly("tool_call");
            assertThat(server.authorizations()).containsExactlyInAnyOrder("candidates Bearer " + CANDIDATES_KEY,
                    "judge Bearer " + JUDGE_KEY);

            assertThat(report.samples()).hasSize(SAMPLES);
            assertThat(report.answerErrors()).isZero();
            assertThat(report.judgeErrors()).isZero();
            assertThat(report.rankings()).hasSize(SAMPLES); // the repeats collapse: one observation per sample
            assertThat(meanRank(report, GOOD)).isEqualTo(1.0);
            assertThat(meanRank(report, VERBOSE)).isEqualTo(2.0);
            assertThat(meanRank(report, WRONG)).isEqualTo(3.0);
            assertThat(meanRank(report, SILENT)).isEqualTo(4.0);
            SignificanceResult test = report.significance().orElseThrow();
            assertThat(test.test()).isEqualTo("Friedman-Conover (holm)");
            assertThat(test.isSignificant(GOOD, SILENT)).isTrue();
            assertThat(test.pValue(GOOD, SILENT)).isLessThan(report.alpha());
            for (String model : MODELS) {
                CandidateSummary c = report.candidate(model);
                assertThat(c.wordsPerSecond()).as(model).isNotNull().isPositive();
                assertThat(c.meanWordsIfAnswered()).as(model).isPresent();
            }
            assertThat(report.candidate(VERBOSE).meanWords()).isGreaterThan(report.candidate(GOOD).meanWords());
        }
        String json = Files.readString(dir.resolve("report/report.json"));
        String markdown = Files.readString(dir.resolve("report/report.md"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains(GOOD, SILENT);
        assertThat(markdown).contains(GOOD, SILENT);
        assertThat(printed).contains("RAQ study: " + SAMPLES + " SQuAD questions", SAMPLES + "/" + SAMPLES + " samples")
                .contains(GOOD)
                .contains("report.json", "report.md", "report.html");
        assertThat(dir.resolve("report/report.html")).content(StandardCharsets.UTF_8).contains("<!DOCTYPE html>");
        assertThat(dir.resolve("report/report-charts/mean-rank.svg")).exists();
        String html = Files.readString(dir.resolve("report/report.html"));
        for (String text : new String[] {json, markdown, printed, html}) {
            assertThat(text).doesNotContain(CANDIDATES_KEY, JUDGE_KEY);
        }
    }

    @ParameterizedTest
    @CsvSource({"json-schema, json_schema", "prompt, prompt"})
    void study_judgeReplyMode_judgeAskedThatWayAndEverySampleRanked(String option, String mode) throws IOException {
        try (FakeStudyServer server = new FakeStudyServer(goldAnswers())) {
            StudyConfig config = StudyConfig.parse(new String[] {"--candidates-url", server.candidatesUrl(),
                    "--candidate-models", SILENT + "," + GOOD, "--judge-url", server.judgeUrl(),
                    "--judge-model", JUDGE, "--judge-reply", option, "--samples", "4",
                    "--out", dir.toString()}, name -> null);

            EvaluationReport report = LiveRaqStudy.study(config, print(out));

            assertThat(server.judgeModes()).containsExactly(mode);
            assertThat(server.authorizations()).isEmpty();
            assertThat(report.judgeErrors()).isZero();
            assertThat(report.rankings()).hasSize(4);
            assertThat(meanRank(report, GOOD)).isEqualTo(1.0);
        }
    }

    @Test
    void run_noKeysForHostedModels_exitCode2WithWhatToSetAndNoStackTrace() {
        int status = LiveRaqStudy.run(new String[] {"--samples", "2"}, name -> null, print(out), print(err));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(2);
        assertThat(message).contains("export NGC_API_KEY=", "export OPENAI_API_KEY=", "--help")
                .doesNotContain("Exception", "\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void run_help_printsEveryOptionAndExits0() {
        int status = LiveRaqStudy.run(new String[] {"--help"}, name -> null, print(out), print(err));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--candidates-url", "--candidate-models",
                "--judge-url", "--judge-model", "--samples", "--seed", "--out", "--concurrency", "NGC_API_KEY",
                "OPENAI_API_KEY");
    }

    @Test
    void run_modelsTheServerDoesNotKnow_exitCode1WithTheCauseAndReportWritten() throws IOException {
        // every candidate call gets HTTP 400 (not retried); too few calls for the failure policy, but a run in which
        // no sample could be judged has no evidence and must not look like a result
        try (FakeStudyServer server = new FakeStudyServer(goldAnswers())) {
            int status = LiveRaqStudy.run(new String[] {"--candidates-url", server.candidatesUrl(),
                    "--candidate-models", "fake/unknown-1,fake/unknown-2", "--judge-url", server.judgeUrl(),
                    "--judge-model", JUDGE, "--samples", "2", "--out", dir.resolve("failed").toString()},
                    name -> null, print(out), print(err));

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(message).isEqualTo(1);
            assertThat(message).contains("no sample was answered by two candidates", "HTTP 400", "[endpoint http://");
            assertThat(server.rejected()).isEqualTo(2 * 2);
            assertThat(server.calls(JUDGE)).isZero();
            assertThat(dir.resolve("failed/report.json")).exists();
        }
    }

    @Test
    void run_judgeFailsEveryCall_exitCode1NamingTheJudgeAndTheCause() throws IOException {
        try (FakeStudyServer server = new FakeStudyServer(goldAnswers())) {
            int status = LiveRaqStudy.run(new String[] {"--candidates-url", server.candidatesUrl(),
                    "--candidate-models", String.join(",", MODELS), "--judge-url", server.judgeUrl(),
                    "--judge-model", "fake/no-such-judge", "--samples", "3", "--out", dir.resolve("judge").toString()},
                    name -> null, print(out), print(err));

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(message).isEqualTo(1);
            assertThat(message).contains("judge 'ranking(fake/no-such-judge)' produced no usable judgment in 3 samples",
                    "HTTP 400");
            assertThat(dir.resolve("judge/report.md")).content(StandardCharsets.UTF_8).contains("## Problems",
                    "judge 'ranking(fake/no-such-judge)': 9 of 9 calls failed (invalid request 9)");
        }
    }

    @Test
    void run_mostCallsFail_stopsWithExitCode1AndTheLastErrorNoStackTrace() throws IOException {
        try (FakeStudyServer server = new FakeStudyServer(goldAnswers())) {
            int status = LiveRaqStudy.run(new String[] {"--candidates-url", server.candidatesUrl(),
                    "--candidate-models", "fake/unknown-1,fake/unknown-2", "--judge-url", server.judgeUrl(),
                    "--judge-model", JUDGE, "--samples", "30", "--concurrency", "1",
                    "--out", dir.resolve("stopped").toString()}, name -> null, print(out), print(err));

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(message).isEqualTo(1);
            assertThat(message).contains("The study stopped", "fake/unknown-", "HTTP 400").doesNotContain("\tat ");
            assertThat(server.rejected()).isLessThan(2 * 30);
            // what finished before the stop is kept: every failed call is in the partial report, none as a result
            Path partial = dir.resolve("stopped/report.json");
            assertThat(message).contains("What finished before the stop is in " + partial);
            assertThat(partial).exists();
            assertThat(dir.resolve("stopped/report.md")).exists();
            assertThat(Files.readString(partial)).contains("fake/unknown-1", "HTTP 400");
        }
    }

    private static double meanRank(EvaluationReport report, String model) {
        return report.candidate(model).rankIfRanked().orElseThrow().mean();
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }

    /** Question to its first SQuAD answer, read from the same file the study reads. */
    private static Map<String, String> goldAnswers() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> gold = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LiveRaqStudyTest.class.getResourceAsStream(LiveRaqStudy.DATASET)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = json.readTree(line);
                gold.put(row.path("question").asText(), row.path("answers").path(0).asText());
            }
        }
        return gold;
    }
}
