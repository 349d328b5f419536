package dev.raq.clients.replay;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ReplySchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestKeyTest {

    @Test
    void requestKey_isStableAndSensitiveToEverythingThatMatters() {
        ReplySchema s1 = new ReplySchema("r", "d", "{\"type\":\"object\",\"properties\":{\"b\":{},\"a\":{}}}");
        ReplySchema s2 = new ReplySchema("r", "d", "{ \"properties\": {\"a\":{}, \"b\":{}}, \"type\": \"object\" }");
        ChatRequest base = ChatRequest.builder().user("q").replySchema(s1).build();

        assertThat(RequestKey.of("m", base)).isEqualTo(RequestKey.of("m", base.toBuilder().replySchema(s2).build()));
        assertThat(RequestKey.of("m", ChatRequest.ofUser("q")).canonical())
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"options\":{}}");
        assertThat(RequestKey.of("m", ChatRequest.ofUser("q")).hash()).hasSize(64)
                .isEqualTo(RequestKey.of("m", ChatRequest.ofUser("q")).hash());
        assertThat(RequestKey.of("m2", base)).isNotEqualTo(RequestKey.of("m", base));
        assertThat(RequestKey.of("m", base.toBuilder()
                .options(GenerationOptions.builder().temperature(0.5).build()).build()))
                .isNotEqualTo(RequestKey.of("m", base));
        assertThat(RequestKey.of("m", ChatRequest.builder().system("q").build()))
                .isNotEqualTo(RequestKey.of("m", ChatRequest.ofUser("q")));
    }
}
