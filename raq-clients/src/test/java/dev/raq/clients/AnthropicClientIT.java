package dev.raq.clients;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** A live call to Anthropic, run only when {@code ANTHROPIC_API_KEY} is set and never in the default build. */
class AnthropicClientIT {

    @Test
    @EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
    void streaming_answers() {
        AnthropicClient client = AnthropicClient.builder().model("claude-3-5-haiku-20241022").streaming(true)
                .defaultOptions(GenerationOptions.builder().maxTokens(32).build()).build();

        Completion c = client.complete(ChatRequest.builder().system("Answer with one word.").user("Ping?").build());

        assertThat(c.text()).isNotBlank();
        assertThat(c.usage().orElseThrow().estimated()).isFalse();
        assertThat(c.timeToFirstToken()).isPresent();
    }
}
