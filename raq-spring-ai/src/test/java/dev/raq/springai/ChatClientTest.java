package dev.raq.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.ReplySchema;
import dev.raq.core.model.TokenUsage;
import dev.raq.test.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring AI's {@code ChatClient} in both directions: over a RAQ client, and as the model a RAQ client calls. */
class ChatClientTest {

    @Test
    void chatClient_overARaqClient_sendsTheSystemPromptAndOptions_andReadsTheReply() {
        List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        ModelClient raq = request -> {
            requests.add(request);
            return Completion.builder("B").usage(TokenUsage.reported(9, 1)).finishReason("stop").build();
        };
        ChatClient chatClient = ChatClient.create(SpringAiClients.asChatModel(raq));

        ChatResponse response = chatClient.prompt().system("You are a strict judge.").user("A or B?").call()
                .chatResponse();

        assertThat(requests.get(0).messages()).containsExactly(ChatMessage.system("You are a strict judge."),
                ChatMessage.user("A or B?"));
        assertThat(response.getResult().getOutput().getText()).isEqualTo("B");
        assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(10);
    }

    @Test
    void raqClient_overAChatClient_keepsTheSystemPromptOptionsAndUsage_andAsksForTheSchemaInThePrompt()
            throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(LoopbackServer.json(200, Fixtures.OK));
            ChatClient chatClient = ChatClient.create(Fixtures.chatModel(server.baseUrl()));
            ModelClient judge = SpringAiClients.builder(chatClient).modelId("gpt-4o-mini").build();

            Completion c = judge.complete(ChatRequest.builder().system("Judge.").user("A or B?")
                    .options(GenerationOptions.builder().temperature(0.0).maxTokens(32).build())
                    .replySchema(new ReplySchema("verdict", "A or B", "{\"type\":\"object\"}")).build());

            JsonNode body = new ObjectMapper().readTree(server.lastRequest().body());
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Judge.");
            assertThat(body.path("messages").get(1).path("content").asText()).startsWith("A or B?")
                    .contains("verdict");
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.0);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(32);
            assertThat(body.has("response_format")).isFalse();
            assertThat(c.usage()).hasValue(TokenUsage.reported(23, 8));
            assertThat(c.modelId()).hasValue("gpt-4o-mini-2024-07-18");
            assertThat(c.finishReason()).hasValue("stop");
            assertThat(c.latency()).isPresent();
            assertThat(judge.modelId()).hasValue("gpt-4o-mini");
            assertThat(judge.toString()).doesNotContain(Fixtures.KEY);
        }
    }
}
