package dev.raq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.raq.cli.RunCommandTest.raq;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code raq report} renders the pilot report kept in {@code examples/}. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersHtmlAndMarkdownFromJson() throws IOException {
        RunCommandTest.Run r = raq("report", "examples/pilot-report.json", "--html", dir.resolve("p.html").toString(),
                "--markdown", dir.resolve("md/p.md").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(Files.readString(dir.resolve("p.html"))).startsWith("<!DOCTYPE html>").contains("bert-ensemble")
                .contains("60 samples");
        assertThat(Files.readString(dir.resolve("md/p.md"))).contains("# RAQ evaluation report")
                .contains("(p-charts/mean-rank.svg)").contains("## Manifest");
        assertThat(dir.resolve("md/p-charts/critical-difference.svg")).exists();
    }

    @Test
    void mistakes_exitWith2() throws IOException {
        assertThat(raq("report", "examples/pilot-report.json").err()).contains("give --html FILE, --markdown FILE");
        assertThat(raq("report", dir.resolve("none.json").toString(), "--html", "x.html").err())
                .contains("report not found");
        Path notReport = Files.writeString(dir.resolve("x.json"), "{}");
        RunCommandTest.Run r = raq("report", notReport.toString(), "--html", dir.resolve("x.html").toString());
        assertThat(r.code()).isEqualTo(Raq.USAGE);
        assertThat(r.err()).contains("is not a RAQ JSON report");
    }
}
