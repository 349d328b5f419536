package dev.raq.core.report;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.metrics.Scorers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two runs of the same questions, before and after the "new" candidate was fixed. */
class ReportDiffTest {

    @TempDir
    Path dir;

    /** "old" always answers right; "new" answers right on every question when fixed, else on one in three. */
    private static EvaluationReport run(boolean fixed, int samples, String template) {
        List<Sample> data = IntStream.range(0, samples).mapToObj(i -> Sample.of("q" + i, "Question " + i + "?",
                "answer " + i)).toList();
        return Evaluation.builder().dataset(data)
                .candidate("old", request -> Completion.of("answer " + request.lastUserMessage().replaceAll("\\D", "")))
                .candidate("new", request -> {
                    int i = Integer.parseInt(request.lastUserMessage().replaceAll("\\D", ""));
                    return Completion.of(fixed || i % 3 == 0 ? "answer " + i : "no idea");
                })
                .promptTemplate(template).judge(Judges.score(Scorers.squadF1())).seed(3).build().run();
    }

    @Test
    void diff_showsSetupCandidatesVerdictsAndSamples() {
        EvaluationReport before = run(false, 30, "{question}");
        EvaluationReport after = run(true, 32, "Q: {question}");
        ReportDiff diff = ReportDiff.of(before, after);
        assertThat(diff.setupChanges()).anyMatch(l -> l.startsWith("prompt template hash: "))
                .anyMatch(l -> l.startsWith("dataset fingerprint: ")).contains("samples: 30 → 32");
        ReportDiff.CandidateChange changed = diff.candidates().stream().filter(c -> c.candidate().equals("new"))
                .findFirst().orElseThrow();
        assertThat(changed.rankBefore()).isGreaterThan(changed.rankAfter());
        assertThat(changed.scores().get("score(squad-f1)")[1]).isEqualTo(1.0);
        assertThat(diff.verdictChanges()).singleElement().satisfies(v -> {
            assertThat(v.before()).startsWith("old better");
            assertThat(v.after()).startsWith("no significant difference");
        });
        assertThat(diff.sampleChanges()).hasSize(20);
        assertThat(diff.sampleChanges().get(0).changes()).contains("best: old → new = old",
                "answer of new changed", "score(squad-f1) of new: 0 → 1");
        assertThat(diff.unmatchedSamples()).containsExactly(0, 2);
        String md = diff.toMarkdown(5);
        assertThat(md).contains("## Setup changes").contains("| new | 1.833 | 1.5 | -0.333 |")
                .contains("- new vs old: old better").contains("20 samples changed; 0 only in the earlier report, "
                        + "2 only in the later one").contains("- … and 15 more");
    }

    @Test
    void sameRunTwice_hasNoChanges() {
        ReportDiff diff = ReportDiff.of(run(false, 12, "{question}"), run(false, 12, "{question}"));
        assertThat(diff.setupChanges()).isEmpty();
        assertThat(diff.verdictChanges()).isEmpty();
        assertThat(diff.sampleChanges()).isEmpty();
        assertThat(diff.toMarkdown(10)).contains("Same setup").contains("No verdict of the significance test changed");
    }

    @Test
    void files_areRead_andANonReportIsNamed() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run(false, 12, "{question}").writeJson(a);
        run(true, 12, "{question}").writeJson(b);
        assertThat(ReportDiff.read(a, b).sampleChanges()).hasSize(8);
        Path other = Files.writeString(dir.resolve("c.json"), "{\"x\": 1}");
        assertThatThrownBy(() -> ReportDiff.read(a, other)).hasMessageContaining("c.json is not a RAQ JSON report");
        Path broken = Files.writeString(dir.resolve("d.json"), "{");
        assertThatThrownBy(() -> ReportDiff.read(broken, a)).hasMessageContaining("d.json is not JSON");
    }
}
