package dev.raq.clients.replay;

import dev.raq.core.data.PromptTemplate;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.NonRetriableModelCallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictionsModelClientTest {

    @TempDir
    Path dir;

    private static final List<Sample> SAMPLES = List.of(Sample.of("q1", "What is 2+2?"), Sample.of("q2", "Why?"),
            Sample.of("q3", "What is 2+2?"));

    @Test
    void answersEachSamplesPrompt_andFailsForAnUnknownOne() throws IOException {
        Path file = Files.writeString(dir.resolve("p.jsonl"), """
                {"id": "q1", "model": "sys", "prediction": "4"}
                {"id": "q2", "model": "sys", "prediction": "because"}
                {"id": "q3", "model": "sys", "prediction": "4"}
                {"id": "other", "model": "sys", "prediction": "ignored"}
                """);
        Map<String, PredictionsModelClient> clients = PredictionsModelClient.read(file,
                PredictionsModelClient.Fields.defaults(), SAMPLES, PromptTemplate.of("{question}"));
        PredictionsModelClient sys = clients.get("sys");
        assertThat(sys.complete(ChatRequest.ofUser("Why?")).text()).isEqualTo("because");
        assertThat(sys.replays()).isTrue();
        assertThatThrownBy(() -> sys.complete(ChatRequest.ofUser("unknown")))
                .isInstanceOf(NonRetriableModelCallException.class).hasMessageContaining("model 'sys' was not found");
    }

    @Test
    void twoSamplesWithOnePrompt_butDifferentAnswers_areRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("p.jsonl"), """
                {"id": "q1", "model": "sys", "prediction": "4"}
                {"id": "q3", "model": "sys", "prediction": "five"}
                """);
        assertThatThrownBy(() -> PredictionsModelClient.read(file, PredictionsModelClient.Fields.defaults(), SAMPLES,
                PromptTemplate.of("{question}"))).hasMessageContaining("p.jsonl line 2: samples 'q1' and 'q3' render "
                + "the same prompt, but 'sys' answered them differently");
        Path broken = Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"q1\", \"model\": \"sys\"}\n");
        assertThatThrownBy(() -> PredictionsModelClient.read(broken, PredictionsModelClient.Fields.defaults(), SAMPLES,
                PromptTemplate.of("{question}"))).hasMessageContaining("b.jsonl line 1: field 'prediction' is missing");
    }
}
