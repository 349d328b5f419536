package dev.raq.clients;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;

import static dev.raq.test.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** vLLM's min_tokens and ignore_eos: sent by the OpenAI-compatible client only when set. */
class VllmExtensionsTest {

    private static final String REPLY = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{"
            + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"},\"finish_reason\":\"length\"}]}";

    @Test
    void minTokensAndIgnoreEos_sentOnlyWhenSet() {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(json(200, REPLY), json(200, REPLY));
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("m").build();
            client.complete(ChatRequest.builder().user("hi").options(GenerationOptions.builder().maxTokens(128)
                    .minTokens(128).ignoreEos(true).build()).build());
            assertThat(server.lastRequest().body()).contains("\"max_tokens\":128").contains("\"min_tokens\":128")
                    .contains("\"ignore_eos\":true");
            client.complete(ChatRequest.builder().user("hi").options(GenerationOptions.builder().maxTokens(8).build())
                    .build());
            assertThat(server.lastRequest().body()).doesNotContain("min_tokens").doesNotContain("ignore_eos");
        }
    }
}
