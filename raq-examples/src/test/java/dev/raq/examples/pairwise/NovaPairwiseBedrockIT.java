package dev.raq.examples.pairwise;

import dev.raq.bedrock.BedrockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nova pairwise example with Nova judging on Amazon Bedrock, as the Nova LLM-as-a-Judge workflow runs: only with
 * AWS credentials in the environment (region from {@code AWS_REGION} or the profile); offline, the example replays
 * recorded verdicts instead ({@code NovaPairwiseExampleTest}).
 */
@EnabledIfEnvironmentVariable(named = "AWS_ACCESS_KEY_ID", matches = ".+")
class NovaPairwiseBedrockIT {

    @Test
    void novaOnBedrock_judgesFiveItems_andPrintsNovasMetricSet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = NovaPairwiseExample.run(new String[] {"--bedrock", BedrockClient.NOVA_MICRO, "--limit", "5"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("on Amazon Bedrock. Items: 5").contains("Nova metric set").contains("winrate");
    }
}
