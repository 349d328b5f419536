package dev.raq.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as CI runs it: a separate JVM, {@code raq run} on the evaluation files in {@code examples/}, and the
 * exit codes 0 (gates pass), 1 (a gate fails), 2 (a broken file), 3 (the run could not complete).
 */
class RaqProcessTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result raq(Path workDir, String... args) throws IOException, InterruptedException {
        return raq(workDir, java.util.Map.of(), args);
    }

    private static Result raq(Path workDir, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Raq.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("raq-out", ".txt");
        Path err = Files.createTempFile("raq-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("raq finishes").isTrue();
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void exitCodes_endToEnd() throws Exception {
        Path module = Path.of("").toAbsolutePath();

        Result pass = raq(module, "run", "examples/offline-demo.yaml", "--progress", "lines");
        assertThat(pass.code()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("all 4 gates passed");
        assertThat(pass.err()).contains("raq run: 300/300 samples, 0 errors");
        assertThat(module.resolve("target/offline-demo/junit.xml")).exists();

        Result fail = raq(module, "run", "examples/offline-demo-failing-gate.yaml", "--progress", "none");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).startsWith("raq run: gate failed: bert-ensemble significantly better than "
                + "slqa-plus-ensemble");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "dataset: {file: x.jsonl}\ncandidates: 3\n");
        Result usage = raq(module, "run", broken.toString());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("broken.yaml line 2, candidates: expected a list");

        String yaml = Files.readString(module.resolve("examples/offline-demo.yaml"))
                .replace("../../raq-examples", module.resolve("../raq-examples").normalize().toString())
                .replace("../target/offline-demo", dir.resolve("out").toString())
                .replace("seed: 42", "seed: 42\nfailurePolicy: fail-fast")
                .replace("  - name: logistic-regression-baseline\n", "  - name: unreachable\n"
                        + "    openai: {url: \"http://127.0.0.1:9/v1\", model: tiny, keyEnv: RAQ_TEST_KEY}\n"
                        + "  - name: logistic-regression-baseline\n");
        String key = "sk-test-3f9a1c7e5b2d4680";
        Result incomplete = raq(module, java.util.Map.of("RAQ_TEST_KEY", key), "run",
                Files.writeString(dir.resolve("abort.yaml"), yaml).toString(), "--progress", "none");
        assertThat(incomplete.code()).isEqualTo(3);
        assertThat(incomplete.err()).contains("the run could not complete");
        assertThat(dir.resolve("out/report.json")).exists();
        // the key reached the server's door, and nothing the run printed or wrote
        assertThat(incomplete.out() + incomplete.err()).doesNotContain(key);
        for (String written : new String[] {"report.json", "report.md", "junit.xml"}) {
            assertThat(Files.readString(dir.resolve("out").resolve(written))).as(written).doesNotContain(key);
        }

        Result none = raq(module);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("Usage: raq");
    }
}
