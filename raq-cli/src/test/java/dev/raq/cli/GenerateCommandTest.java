package dev.raq.cli;

import dev.raq.core.data.Dataset;
import dev.raq.core.synthetic.SyntheticDataset;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.raq.cli.RunCommandTest.raq;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    private static final String PASSAGE = "The Rhine flows from the Swiss Alps to the North Sea. Its delta forms near "
            + "Rotterdam.";

    @TempDir
    Path dir;

    private static String reply(String content) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gen\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode
                .valueOf(content) + "},\"finish_reason\":\"stop\"}]}";
    }

    @Test
    void fromPassages_malformedReplyAskedAgain_writesSamplesWithProvenance() throws IOException {
        Path data = Files.writeString(dir.resolve("docs.jsonl"), "{\"id\": \"d1\", \"question\": \"-\", \"context\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(PASSAGE) + ", \"answers\": [\"-\"]}\n");
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(LoopbackServer.json(200, reply("Here you go: Where does the Rhine end?")),
                    LoopbackServer.json(200, reply("{\"pairs\": [{\"question\": \"Where does the Rhine flow to?\", "
                            + "\"answer\": \"the North Sea\"}, {\"question\": \"Where does the Rhine flow to??\", "
                            + "\"answer\": \"North Sea\"}, {\"question\": \"Near which city is its delta?\", "
                            + "\"answer\": \"Rotterdam\"}]}")));
            Path out = dir.resolve("generated.jsonl");
            RunCommandTest.Run r = raq("generate", "--url", server.baseUrl(), "--model", "gen", "--passages",
                    data.toString(), "--out", out.toString(), "--per-passage", "3");
            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isEqualTo(Raq.OK);
            assertThat(r.out()).contains("2 samples generated, 1 left out {a near duplicate of an earlier question or "
                    + "seed=1}; 2 requests");
            Dataset generated = Dataset.fromJsonl(out);
            assertThat(generated.samples()).hasSize(2);
            assertThat(generated.get(0).metadata()).containsEntry(SyntheticDataset.GENERATOR, "gen")
                    .containsEntry(SyntheticDataset.PASSAGE, "d1");
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(1).body()).contains("Your reply could not be used: the reply is not JSON");
        }
    }

    @Test
    void nothingPassesTheChecks_exit3_nothingWritten_andUsageErrorsExit2() throws IOException {
        Path seeds = Files.writeString(dir.resolve("seeds.jsonl"), "{\"id\": \"s1\", \"question\": \"What is the "
                + "capital of France?\", \"answers\": [\"Paris\"]}\n");
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(LoopbackServer.json(200, reply("{\"pairs\": [{\"question\": \"What is the capital of France?\","
                    + " \"answer\": \"Paris\"}]}")));
            Path out = dir.resolve("none.jsonl");
            RunCommandTest.Run r = raq("generate", "--url", server.baseUrl(), "--model", "gen", "--seeds",
                    seeds.toString(), "--count", "1", "--batch", "1", "--out", out.toString());
            assertThat(r.code()).isEqualTo(Raq.INCOMPLETE);
            assertThat(r.err()).contains("no sample passed the checks");
            assertThat(out).doesNotExist();
        }
        assertThat(raq("generate", "--model", "gen", "--out", "x.jsonl").code()).isEqualTo(Raq.USAGE);
    }
}
