package dev.raq.examples.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.NovaMetrics;
import dev.raq.core.pairwise.PairwiseCounts;
import dev.raq.core.pairwise.PairwiseItem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NovaPairwiseExampleTest {

    private static final Path RESOURCES = Path.of("src/main/resources/data/pandalm");

    /** Counts the recorded gpt-3.5-turbo results straight from the shipped file: A, B, ties, unparsable. */
    private static double[] recordedCounts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        double[] counts = new double[4];
        for (String line : Files.readAllLines(RESOURCES.resolve("pandalm-gpt-3.5-turbo-verdicts.jsonl"))) {
            String result = json.readTree(line).get("result").asText();
            int slot = "1".equals(result) ? 0 : "2".equals(result) ? 1 : "garbage".equals(result) ? 3 : 2;
            counts[slot]++;
        }
        return counts;
    }

    @Test
    void offline_replayedVerdicts_giveTheCountsOfTheRecordedFile() throws IOException {
        NovaPairwiseExample.Result result = NovaPairwiseExample.offline();
        double[] recorded = recordedCounts();
        assertThat(result.items()).isEqualTo(150);
        PairwiseCounts counts = result.metrics().counts();
        assertThat(new double[] {counts.aWins(), counts.bWins(), counts.ties(), counts.inferenceErrors()})
                .containsExactly(recorded);
        assertThat(recorded).containsExactly(69, 74, 3, 4);
        assertThat(result.metrics().toMap()).isEqualTo(NovaMetrics.of(counts).toMap());
        assertThat(result.bias().decisiveVerdicts()).isEqualTo(69 + 74);
        assertThat(result.bias().firstPositionWins()).isEqualTo(69);
        assertThat(result.bias().swappedPairs()).isZero();
    }

    @Test
    void run_noOptions_saysItReplaysRecordedVerdictsAndPrintsTheMetricSet() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NovaPairwiseExample.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("REPLAY of the verdicts gpt-3.5-turbo gave").contains("no model is called")
                .contains("\"b_scores\" : 74.0").contains("\"inference_error\" : 4.0")
                .contains("preferred the first position in 69 of 143 decisive verdicts");
        String json = out.substring(out.indexOf('{'), out.indexOf("}\n") + 1);
        JsonNode metrics = new ObjectMapper().readTree(json);
        assertThat(metrics.get("winrate").asDouble()).isEqualTo((74 + 1.5) / 146);
    }

    @Test
    void run_badOptions_printUsageAndReturn2() {
        for (String[] args : new String[][] {{"--judge-url"}, {"--frob", "x"}, {"--judge-url", "http://127.0.0.1:9/v1"},
            {"--limit", "3"}, {"--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "m", "--limit", "0"},
            {"--bedrock", "amazon.nova-micro-v1:0", "--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "m"}}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertThat(NovaPairwiseExample.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                    .as(String.join(" ", args)).isEqualTo(2);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isNotBlank();
        }
    }

    @Test
    void replayClient_requestForAnUnknownItem_fails() {
        List<PairwiseItem> items = List.of(new PairwiseItem(1, "p", "a", "b", null, null));
        ModelClient client = NovaPairwiseExample.replayClient(items, List.of("1"));
        assertThat(NovaPairwiseExample.judge(items, client).metrics().counts().aWins()).isEqualTo(1);
        ChatRequest other = ChatRequest.builder().user("<|User Prompt|>\nq\n\n<|The Start of Assistant A's Answer|>\n"
                + "x\n<|The End of Assistant A's Answer|>\n\n<|The Start of Assistant B's Answer|>\ny\n"
                + "<|The End of Assistant B's Answer|>").build();
        assertThatThrownBy(() -> client.complete(other)).hasMessageContaining("no recorded verdict");
        assertThatThrownBy(() -> NovaPairwiseExample.replayClient(items, List.of("1", "2")))
                .hasMessageContaining("1 items but 2 recorded results");
        assertThatThrownBy(() -> NovaPairwiseExample.replayClient(items, List.of("3")))
                .hasMessageContaining("unknown recorded result '3'");
    }
}
