package dev.raq.clients;

import dev.raq.clients.replay.RecordingModelClient;
import dev.raq.clients.resilience.ConcurrencyLimitedModelClient;
import dev.raq.clients.resilience.RateLimitedModelClient;
import dev.raq.clients.resilience.RetryPolicy;
import dev.raq.clients.resilience.RetryingModelClient;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelClientsTest {

    private static final ModelClient MODEL = new ModelClient() {
        @Override
        public Completion complete(ChatRequest request) {
            return Completion.of("hi");
        }

        @Override
        public Optional<String> modelId() {
            return Optional.of("m");
        }
    };

    @Test
    void decorate_readsInTheOrderWritten_innermostFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.jsonl");
        ModelClient client = ModelClients.decorate(MODEL).rateLimited(600).adaptiveConcurrency(1, 4)
                .retrying(RetryPolicy.defaults()).recordingTo(file).build();

        assertThat(client).isInstanceOf(RecordingModelClient.class);
        assertThat(client.toString()).containsSubsequence("Recording", "Retrying", "ConcurrencyLimited",
                "RateLimited");
        assertThat(client.fingerprint()).isEqualTo(MODEL.fingerprint());
        assertThat(client.modelId()).hasValue("m");
        assertThat(client.complete(ChatRequest.ofUser("q")).text()).isEqualTo("hi");
        assertThat(Files.readString(file)).contains("\"hi\"");
    }

    @Test
    void shortcuts_wrapOneDecoratorEach() {
        assertThat(ModelClients.retrying(MODEL)).isInstanceOf(RetryingModelClient.class);
        assertThat(ModelClients.rateLimited(MODEL, 10)).isInstanceOf(RateLimitedModelClient.class);
        assertThat(ModelClients.concurrencyLimited(MODEL, 2)).isInstanceOf(ConcurrencyLimitedModelClient.class);
        assertThat(ModelClients.decorate(MODEL).build()).isSameAs(MODEL);
    }
}
