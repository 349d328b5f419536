package dev.raq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code raq run} in process: the offline demo's evaluation file passes its gates, one gate more fails, and every
 * kind of mistake in a file is reported with file, line and key before any model is called.
 */
class RunCommandTest {

    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    static final Path DATA = Path.of("../raq-examples/src/main/resources/data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run raq(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Raq.execute(args, new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The offline demo's file, moved into the temporary folder with absolute data paths and outputs there. */
    Path demo(String change, String by) throws IOException {
        String yaml = Files.readString(EXAMPLES.resolve("offline-demo.yaml"))
                .replace("../../raq-examples/src/main/resources/data", DATA.toString())
                .replace("../target/offline-demo", dir.resolve("out").toString());
        assertThat(yaml).contains(change);
        return Files.writeString(dir.resolve("eval.yaml"), yaml.replace(change, by));
    }

    @Test
    void offlineDemo_passesItsGates_writesJsonMarkdownAndJunit() throws Exception {
        Run r = raq("run", demo("seed: 42", "seed: 42").toString(), "--progress", "none");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(Raq.OK);
        assertThat(r.out()).contains("| bert-ensemble | 2.627 |")
                .contains("PASS bert-ensemble significantly better than logistic-regression-baseline")
                .contains("PASS mean score of bert-ensemble at least 0.85: mean 0.9028").contains("all 4 gates passed");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.get("candidates")).hasSize(5);
        assertThat(Files.readString(dir.resolve("out/report.md"))).contains("# RAQ evaluation report")
                .contains("![Mean rank with its 95% interval lower is better](report-charts/mean-rank.svg)");
        assertThat(dir.resolve("out/report-charts/critical-difference.svg")).exists();
        assertThat(Files.readString(dir.resolve("out/report.html"))).startsWith("<!DOCTYPE html>")
                .contains("bert-ensemble");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("out/junit.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("tests")).isEqualTo("4");
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void resultsKey_streamsTheSamplesToTheFile_sameVerdicts_reportRebuildsFromIt() throws Exception {
        Path file = demo("seed: 42", "seed: 42\nresults: " + dir.resolve("out/results.jsonl"));
        Run r = raq("run", file.toString(), "--progress", "lines");
        assertThat(r.code()).isEqualTo(Raq.OK);
        assertThat(r.out()).contains("| bert-ensemble | 2.627 |").contains("all 4 gates passed");
        assertThat(r.err()).contains("raq run: building the report: significance test (3/6)");
        assertThat(Files.readAllLines(dir.resolve("out/results.jsonl"))).hasSize(300);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.get("samples")).isEmpty();
        assertThat(json.get("resultsFile").asText()).endsWith("results.jsonl");
        Run report = raq("report", dir.resolve("out/report.json").toString(), "--markdown",
                dir.resolve("again.md").toString());
        assertThat(report.code()).isEqualTo(Raq.OK);
        assertThat(Files.readString(dir.resolve("again.md"))).contains("300 samples (300 judged)");
    }

    @Test
    void aFailingGate_exitsWith1_andNamesTheGateInOneLine() throws Exception {
        Path file = demo("  - maxErrorRate: 0.02", "  - maxErrorRate: 0.02\n"
                + "  - better: {candidate: bert-ensemble, than: slqa-plus-ensemble}");
        Run r = raq("run", file.toString(), "--progress", "none");
        assertThat(r.code()).isEqualTo(Raq.GATE_FAILED);
        assertThat(r.out()).contains("FAIL bert-ensemble significantly better than slqa-plus-ensemble: the "
                + "difference is not significant");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("raq run: gate failed: bert-ensemble significantly better than "
                + "slqa-plus-ensemble: the difference is not significant (Friedman-Conover (holm), adjusted p = "
                + "0.7183");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("out/junit.xml").toFile());
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        assertThat(failures.item(0).getAttributes().getNamedItem("message").getNodeValue())
                .startsWith("the difference is not significant");
    }

    @Test
    void mistakes_nameFileLineAndKey_andExitWith2BeforeAnyCall() throws IOException {
        String[][] cases = {
            {"alpha: 0.05", "alpah: 0.05", "line 30, alpah: unknown key 'alpah'; the keys here are [alpha,"},
            {"alpha: 0.05", "alpha: lots", "line 30, alpha: expected a number but found 'lots'"},
            {"alpha: 0.05", "alpha: 0.05\njudgeConcurrency: 0", "judgeConcurrency must be at least 1 but was 0"},
            {"seed: 42", "seed: [42]", "line 31, seed: expected a whole number but found a list"},
            {"than: logistic-regression-baseline}", "than: gpt-9}",
                "line 40, gates[0].better.than: no candidate 'gpt-9'; the candidates are [bert-ensemble,"},
            {"metric: squad-f1", "metric: squad-f2", "line 27, judges[0]: metric 'squad-f2' is not one of"},
            {"significance: friedman-conover-holm", "significance: t-test",
                "significance 't-test' is not one of [friedman-conover-holm,"},
            {"  - name: logistic-regression-baseline\n", "  - name: gpt\n    openai: {model: gpt-4o, keyEnv: "
                + "RAQ_SURELY_UNSET_KEY}\n  - name: logistic-regression-baseline\n",
                "line 24, candidates[4].openai.keyEnv: environment variable RAQ_SURELY_UNSET_KEY is not set"},
            {"  - name: bert-ensemble\n", "  - name: bert-ensemble\n    openai: {model: x}\n",
                "candidates[0]: give exactly one of openai, anthropic, replay or predictions, not 2"},
            {"alpha: 0.05", "alpha: 0.05\n\tbroken: 1", "line 31: not valid YAML: while scanning for the next token"},
            {"squad-dev-sample.jsonl", "missing.jsonl", "dataset.file: "},
        };
        for (String[] c : cases) {
            Run r = raq("run", demo(c[0], c[1]).toString());
            assertThat(r.code()).as(c[2]).isEqualTo(Raq.USAGE);
            assertThat(r.out()).as(c[2]).isEmpty();
            assertThat(r.err()).as(c[2]).startsWith("raq run: " + dir.resolve("eval.yaml")).contains(c[2]);
        }
        Run missing = raq("run", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(Raq.USAGE);
        assertThat(missing.err()).contains("nope.yaml: no such file");
        Run badOption = raq("run", demo("seed: 42", "seed: 42").toString(), "--progress", "sometimes");
        assertThat(badOption.code()).isEqualTo(Raq.USAGE);
        assertThat(badOption.err()).contains("--progress must be auto, bar, lines or none");
    }

    @Test
    void aReportThatCannotBeWritten_afterTheRun_exitsWith3() throws IOException {
        Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path file = demo("  json: " + dir.resolve("out") + "/report.json", "  json: " + dir.resolve("blocker")
                + "/report.json");
        Run r = raq("run", file.toString(), "--progress", "none");
        assertThat(r.code()).isEqualTo(Raq.INCOMPLETE);
        assertThat(r.err()).contains("raq run: the run finished but its report could not be written");
    }

    @Test
    void anAbortedRun_exitsWith3_andWritesThePartialReport() throws IOException {
        Path file = demo("seed: 42", "seed: 42\nfailurePolicy: fail-fast").toAbsolutePath();
        String yaml = Files.readString(file).replace("  - name: logistic-regression-baseline\n",
                "  - name: unreachable\n    openai: {url: \"http://127.0.0.1:9/v1\", model: tiny}\n"
                        + "  - name: logistic-regression-baseline\n");
        Files.writeString(file, yaml);
        Run r = raq("run", file.toString(), "--progress", "none");
        assertThat(r.code()).isEqualTo(Raq.INCOMPLETE);
        assertThat(r.err()).contains("raq run: the run could not complete: evaluation aborted")
                .contains("the partial report is written");
        assertThat(dir.resolve("out/report.json")).exists();
        assertThat(Files.readString(dir.resolve("out/junit.xml"))).contains("the evaluation completes")
                .contains("<failure");
    }
}
