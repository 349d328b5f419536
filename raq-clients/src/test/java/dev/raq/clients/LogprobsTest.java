package dev.raq.clients;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judges;
import dev.raq.core.judge.Judgment;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenLogprob;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.raq.test.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Log-probabilities through the OpenAI-compatible client: asked for, read back, and used by a weighted grade. */
class LogprobsTest {

    private static final String REPLY = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"judge\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Good. Rating: [[9]]\"},"
            + "\"logprobs\":{\"content\":["
            + "{\"token\":\"Good. Rating: [[\",\"logprob\":-0.01,\"top_logprobs\":[]},"
            + "{\"token\":\"9\",\"logprob\":-0.35667494393873245,\"top_logprobs\":["
            + "{\"token\":\"9\",\"logprob\":-0.35667494393873245},{\"token\":\"10\",\"logprob\":-1.2039728043259361},"
            + "{\"token\":\"8\",\"logprob\":-2.995732273553991}]},"
            + "{\"token\":\"]]\",\"logprob\":-0.001,\"top_logprobs\":[]}]},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":6,\"total_tokens\":56}}";

    @Test
    void topLogprobs_sentAsLogprobsAndTopLogprobs_readIntoTheCompletion_weightedGradeUsesThem() {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(json(200, REPLY), json(200, REPLY), json(200, REPLY));
            ModelClient client = OpenAiCompatibleClient.local(server.baseUrl()).model("judge").build();
            Completion c = client.complete(ChatRequest.builder().user("rate it")
                    .options(GenerationOptions.builder().topLogprobs(3).build()).build());
            assertThat(server.lastRequest().body()).contains("\"logprobs\":true").contains("\"top_logprobs\":3");
            assertThat(c.logprobs()).hasSize(3);
            TokenLogprob nine = c.logprobs().get(1);
            assertThat(nine.token()).isEqualTo("9");
            assertThat(nine.alternatives()).extracting(TokenLogprob.Alternative::token).containsExactly("9", "10", "8");

            Judgment j = Judges.grade(client).probabilityWeighted().judge(new JudgeInput(Sample.of("s", "Q?", "A"),
                    List.of(new CandidateAnswer("x", "A"), new CandidateAnswer("y", "B")), 1));
            // p(9) = 0.7, p(10) = 0.3 / ... : the three alternatives' probabilities are 0.7, 0.3 and 0.05
            assertThat(j.scores().get("y")).isEqualTo(j.scores().get("x"));
            assertThat(j.scores().get("x")).isCloseTo((0.7 * 9 + 0.3 * 10 + 0.05 * 8) / 1.05, within(1e-9));
            assertThat(server.lastRequest().body()).contains("\"top_logprobs\":20");
        }
    }
}
