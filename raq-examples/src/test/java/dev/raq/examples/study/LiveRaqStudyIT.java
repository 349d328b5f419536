package dev.raq.examples.study;

import dev.raq.core.report.EvaluationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny live study (2 questions) against hosted NVIDIA NIM and OpenAI; runs only with both keys set and never in
 * the default build (surefire skips {@code *IT}). Run with
 * {@code ./mvnw -B -pl raq-examples -am test -Dtest=LiveRaqStudyIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LiveRaqStudyIT {

    @TempDir
    Path dir;

    @Test
    @EnabledIfEnvironmentVariable(named = "NGC_API_KEY", matches = ".+")
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void study_twoQuestionsOnNimJudgedByGpt4o_everyCandidateAnsweredAndRanked() throws Exception {
        StudyConfig config = StudyConfig.parse(new String[] {"--samples", "2", "--out", dir.toString(),
                "--concurrency", "4"}, System::getenv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EvaluationReport report = LiveRaqStudy.study(config, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(report.answerErrors()).isZero();
        assertThat(report.rankings()).isNotEmpty();
        for (String model : StudyConfig.STUDY_MODELS) {
            assertThat(report.candidate(model).wordsPerSecond()).as(model).isNotNull();
        }
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json).doesNotContain(System.getenv("NGC_API_KEY"), System.getenv("OPENAI_API_KEY"));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(System.getenv("OPENAI_API_KEY"));
    }
}
