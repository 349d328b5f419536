package dev.raq.examples;

import dev.raq.core.report.EvaluationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineDemoTest {

    @Test
    void run_squadSample_judgesEveryQuestionAndWritesEveryReport(@TempDir Path dir) {
        Map<String, EvaluationReport> reports = OfflineDemo.run(dir);
        assertThat(reports).containsOnlyKeys("squad-f1-friedman-conover-holm", "squad-f1-dunn-holm",
                "squad-em-friedman-conover-holm", "squad-em-dunn-holm");
        assertThat(reports.get("squad-f1-friedman-conover-holm").significanceTest()).hasValue("Friedman-Conover (holm)");
        assertThat(reports.get("squad-f1-dunn-holm").significance().orElseThrow().notes()).isNotEmpty();
        // "not significant" is explained: these pairs were measured on too few samples to tell
        assertThat(reports.get("squad-f1-friedman-conover-holm").toMarkdown())
                .contains("## Paired differences", "MDE (80% power)", "too few samples to tell")
                .contains("bert-ensemble vs slqa-plus-ensemble");
        // exact match is pass/fail: its pairs get McNemar's test, token F1's do not
        var em = reports.get("squad-em-friedman-conover-holm").pairDifferences().stream()
                .filter(d -> d.measure().equals("score(squad-em)") && d.first().equals("bert-ensemble")
                        && d.second().equals("logistic-regression-baseline")).findFirst().orElseThrow();
        assertThat(em.mcnemar().exactPValue()).isLessThan(1e-10);
        assertThat(reports.get("squad-f1-friedman-conover-holm").pairDifferences())
                .allSatisfy(d -> assertThat(d.mcnemar()).isNull());
        assertThat(reports.get("squad-em-friedman-conover-holm").toMarkdown())
                .contains("Pass/fail scores, McNemar's exact test (unadjusted): ");
        // the metric itself beside the ranks: the strongest system's mean F1, in F1 units
        assertThat(reports.get("squad-f1-friedman-conover-holm").judgeSummaries().get(0).scores().get("bert-ensemble")
                .mean()).isBetween(0.8, 1.0);
        for (Map.Entry<String, EvaluationReport> e : reports.entrySet()) {
            EvaluationReport r = e.getValue();
            assertThat(r.candidates()).hasSize(5);
            assertThat(r.samples()).hasSize(300);
            assertThat(r.rankings()).hasSize(300);
            assertThat(r.answerErrors()).isZero();
            assertThat(r.judgeErrors()).isZero();
            assertThat(r.significance()).isPresent();
            assertThat(dir.resolve(e.getKey() + ".json")).exists();
            assertThat(dir.resolve(e.getKey() + ".md")).exists();
        }
        // the weakest system is told apart from the strongest by every test
        for (EvaluationReport r : reports.values()) {
            assertThat(r.significance().orElseThrow().isSignificant("bert-ensemble", "logistic-regression-baseline"))
                    .isTrue();
        }
        // replayed answers have no latency: speed is not available, never invented
        assertThat(reports.get("squad-f1-dunn-holm").candidate("bert-ensemble").wordsPerSecond()).isNull();
    }

    @Test
    void main_folderArgument_writesReportsThere(@TempDir Path dir) throws Exception {
        OfflineDemo.main(new String[] {dir.toString()});
        assertThat(Files.readString(dir.resolve("squad-f1-friedman-conover-holm.json"))).contains("\"schema\" : \"raq-report/2\"");
    }
}
