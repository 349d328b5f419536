package dev.raq.report.html;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML page without a browser: hostile model text stays text, the only script is the report's own and the
 * content security policy names its hash, long texts are cut, charts are well-formed SVG. (The browser tests in
 * raq-examples open the demo's page in headless Chromium.)
 */
class HtmlReportWriterTest {

    /** Texts a model might answer that would do harm if rendered as markup. */
    static final List<String> HOSTILE = List.of(
            "<script>document.title='PWNED'</script>",
            "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
            "</textarea></pre></details><b>bold?</b>",
            "[click](javascript:alert(1)) <a href=\"javascript:alert(1)\">link</a>",
            "| a | b |\n|---|---|\n| broken | table |",
            "\u0000\u0007 control characters and a lone surrogate \uD800 end");

    static EvaluationReport hostileReport(int longText) {
        List<String> candidates = List.of("safe", "<script>x</script>");
        EvaluationReport.Builder b = EvaluationReport.builder(candidates).judges(List.of("f1"))
                .significance(SignificanceTests.signTest(PAdjust.HOLM));
        for (int i = 0; i < 30; i++) {
            String hostile = HOSTILE.get(i % HOSTILE.size());
            String answer = i == 0 && longText > 0 ? "x".repeat(longText) : hostile;
            Map<String, Double> scores = Map.of("safe", i % 3 == 0 ? 0.2 : 0.9, "<script>x</script>", 0.5);
            b.add(new SampleResult(i, new Sample("s" + i + "<i>", "Question " + hostile, hostile, List.of(hostile),
                    Map.of()), List.of(AnswerRecord.answered("safe", Completion.of(answer), false),
                    i == 5 ? AnswerRecord.failed("<script>x</script>", "server said <b>no</b>")
                            : AnswerRecord.answered("<script>x</script>", Completion.of(hostile), false)),
                    List.of(new Judgment("f1", "s" + i + "<i>", List.of(JudgeCall.ranked(candidates, hostile,
                            Ranking.fromScores(scores), Map.of())), scores)), null));
        }
        return b.build();
    }

    static String html(EvaluationReport report) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReportWriter.create().write(report, out);
        return out.toString();
    }

    @Test
    void hostileText_isText_andOnlyTheReportsScriptIsThere() throws Exception {
        String page = html(hostileReport(0));
        for (String raw : List.of("<script>document", "<img", "<b>", "</textarea>", "href=\"javascript", "\u0000",
                "<i>")) {
            assertThat(page.contains(raw)).as("the page holds the raw markup " + raw).isFalse();
        }
        assertThat(page).contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;")
                .contains("&lt;img src=x onerror=&quot;");
        Matcher scripts = Pattern.compile("<script[ >]").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
        }
        assertThat(count).as("one script element: the report's own").isEqualTo(1);
        String js = page.substring(page.lastIndexOf("<script>") + 8, page.lastIndexOf("</script>"));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(js.getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("script-src 'sha256-" + hash + "'").contains("default-src 'none'");
        String withoutNamespaces = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for (String external : List.of("http://", "https://", "src=\"", "url(")) {
            assertThat(withoutNamespaces.contains(external)).as("the page refers to something outside: " + external).isFalse();
        }
    }

    @Test
    void longTexts_areCut_withANote() throws IOException {
        String page = html(hostileReport(5_000_000));
        assertThat(page.length()).isLessThan(1_000_000);
        assertThat(page).contains("(4980000 more characters; the full text is in the JSON report)");
    }

    @Test
    void charts_areWellFormedSvg() throws Exception {
        String page = html(hostileReport(0));
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(page);
        int charts = 0;
        while (svg.find()) {
            charts++;
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(charts).isGreaterThanOrEqualTo(5);
        assertThat(page).contains("Adjusted p-values").contains("Critical-difference diagram")
                .contains("Paired differences in rank").contains("Mean answer length");
    }

    @Test
    void problemsComeFirst_andTheManifestNamesTheRun() throws IOException {
        String page = html(hostileReport(0));
        assertThat(page.indexOf("id=\"problems\"")).isPositive().isLessThan(page.indexOf("id=\"candidates\""));
        assertThat(page).contains("server said &lt;b&gt;no&lt;/b&gt;").contains("fingerprint ")
                .contains("<th>Seed, alpha</th><td>0, 0.05</td>");
    }
}
