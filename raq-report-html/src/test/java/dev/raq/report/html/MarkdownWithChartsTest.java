package dev.raq.report.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownWithChartsTest {

    @TempDir
    Path dir;

    @Test
    void markdown_linksItsChartsWrittenBesideIt_asStandaloneSvg() throws Exception {
        Path md = dir.resolve("out/report.md");
        Files.createDirectories(dir.resolve("out/report-charts"));
        Files.writeString(dir.resolve("out/report-charts/stale.svg"), "<svg/>");
        List<Path> charts = MarkdownWithCharts.write(HtmlReportWriterTest.hostileReport(0), md);
        assertThat(charts).extracting(p -> p.getFileName().toString()).contains("mean-rank.svg", "p-values.svg",
                "critical-difference.svg", "differences-1.svg", "answer-length.svg");
        assertThat(dir.resolve("out/report-charts/stale.svg")).doesNotExist();
        String text = Files.readString(md);
        assertThat(text).startsWith("# RAQ evaluation report").contains("\n## Charts\n")
                .contains("![Mean rank with its 95% interval lower is better](report-charts/mean-rank.svg)");
        for (Path chart : charts) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile());
            assertThat(text).contains("](report-charts/" + chart.getFileName() + ")");
        }
    }

    @Test
    void altText_dropsWhatWouldBreakTheImageLink() {
        assertThat(MarkdownWithCharts.altText("a [b](c) | `d` <e>\nf")).isEqualTo("a b c d e f");
    }
}
