package dev.raq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.raq.cli.RunCommandTest.raq;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code raq diff} on the pilot (60 questions) and the full offline demo (300). */
class DiffCommandTest {

    @TempDir
    Path dir;

    @Test
    void diff_ofThePilotAndTheFullRun() throws IOException {
        Path full = dir.resolve("full.json");
        RunCommandTest.Run run = raq("run", Files.writeString(dir.resolve("eval.yaml"), Files.readString(
                RunCommandTest.EXAMPLES.resolve("offline-demo.yaml"))
                .replace("../../raq-examples/src/main/resources/data", RunCommandTest.DATA.toString())
                .replace("../target/offline-demo/report.json", full.toString())
                .replace("../target/offline-demo", dir.resolve("out").toString())).toString(), "--progress", "none");
        assertThat(run.code()).isZero();
        RunCommandTest.Run r = raq("diff", "examples/pilot-report.json", full.toString(), "--max-samples", "3");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("# RAQ report diff").contains("- samples: 60 → 300")
                .contains("0 only in the earlier report, 240 only in the later one").contains("| bert-ensemble |");
        RunCommandTest.Run toFile = raq("diff", "examples/pilot-report.json", full.toString(), "--output",
                dir.resolve("d/diff.md").toString());
        assertThat(toFile.code()).isZero();
        assertThat(Files.readString(dir.resolve("d/diff.md"))).startsWith("# RAQ report diff");
    }

    @Test
    void mistakes_exitWith2() throws IOException {
        assertThat(raq("diff", "examples/pilot-report.json", dir.resolve("none.json").toString()).err())
                .contains("report not found");
        Path notReport = Files.writeString(dir.resolve("x.json"), "[]");
        RunCommandTest.Run r = raq("diff", "examples/pilot-report.json", notReport.toString());
        assertThat(r.code()).isEqualTo(Raq.USAGE);
        assertThat(r.err()).contains("x.json is not a RAQ JSON report");
        assertThat(raq("diff", "examples/pilot-report.json").err()).contains("Missing required parameter");
    }
}
