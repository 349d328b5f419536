package dev.raq.clients;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ReplySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live calls to OpenAI and hosted NIM; each test runs only when its key variable is set, and never in the default
 * build (surefire excludes {@code *IT}). Run with
 * {@code ./mvnw -B -pl raq-clients -am test -Dtest=OpenAiCompatibleClientIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OpenAiCompatibleClientIT {

    private static final ReplySchema RANK = new ReplySchema("return_rank", "Letters ranked best first.",
            "{\"type\":\"object\",\"properties\":{\"ranking\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                    + "\"required\":[\"ranking\"]}");
    private static final GenerationOptions SHORT = GenerationOptions.builder().maxTokens(64).temperature(0).build();

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi_streamingAndToolCall_answer() {
        OpenAiCompatibleClient client = OpenAiCompatibleClient.openAi().model("gpt-4o-mini").defaultOptions(SHORT)
                .streaming(true).structuredReplyMode(StructuredReplyMode.TOOL_CALL).build();

        Completion text = client.complete(ChatRequest.ofUser("Say the word 'pong'."));
        Completion ranked = client.complete(ChatRequest.builder().user("Rank the letters B, A alphabetically.")
                .replySchema(RANK).build());

        assertThat(text.text().toLowerCase()).contains("pong");
        assertThat(text.usage().orElseThrow().estimated()).isFalse();
        assertThat(text.timeToFirstToken()).isPresent();
        assertThat(ranked.text()).contains("ranking");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "NGC_API_KEY", matches = ".+")
    void nim_jsonSchema_answers() {
        OpenAiCompatibleClient client = OpenAiCompatibleClient.nim().model("meta/llama-3.1-8b-instruct")
                .defaultOptions(SHORT).build();

        Completion c = client.complete(ChatRequest.builder().user("Rank the letters B, A alphabetically.")
                .replySchema(RANK).build());

        assertThat(c.text()).contains("ranking");
        assertThat(c.modelId()).isPresent();
    }
}
