package dev.raq.bedrock;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ReplySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live calls to Amazon Nova on Bedrock, run only when {@code AWS_ACCESS_KEY_ID} is set and never in the default build
 * (surefire excludes {@code *IT}): {@code ./mvnw -pl raq-bedrock -am test -Dtest=BedrockClientIT
 * -Dsurefire.failIfNoSpecifiedTests=false}. The region is {@code AWS_REGION}, or us-east-1.
 */
@EnabledIfEnvironmentVariable(named = "AWS_ACCESS_KEY_ID", matches = ".+")
class BedrockClientIT {

    private static BedrockClient nova(boolean streaming) {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        return BedrockClient.nova("us." + BedrockClient.NOVA_MICRO).region(region).streaming(streaming)
                .defaultOptions(GenerationOptions.builder().maxTokens(64).temperature(0.0).build()).build();
    }

    @Test
    void converse_answers() {
        try (BedrockClient client = nova(false)) {
            Completion c = client.complete(ChatRequest.builder().system("Answer with one word.").user("Capital of "
                    + "France?").build());

            assertThat(c.text()).containsIgnoringCase("Paris");
            assertThat(c.usage().orElseThrow().estimated()).isFalse();
            assertThat(c.finishReason()).isPresent();
        }
    }

    @Test
    void converseStream_answersWithATimeToFirstToken_andToolUseGivesJson() {
        try (BedrockClient client = nova(true)) {
            Completion c = client.complete(ChatRequest.builder().user("Which is larger, A=3 or B=5?")
                    .replySchema(new ReplySchema("verdict", "The larger one.", "{\"type\":\"object\",\"properties\":"
                            + "{\"winner\":{\"type\":\"string\",\"enum\":[\"A\",\"B\"]}},\"required\":[\"winner\"]}"))
                    .build());

            assertThat(c.text()).contains("\"winner\"");
            assertThat(c.timeToFirstToken()).isPresent();
        }
    }
}
