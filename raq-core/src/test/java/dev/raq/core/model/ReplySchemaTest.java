package dev.raq.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplySchemaTest {

    private static final ReplySchema RANK = new ReplySchema("return_rank", "the ids, best first",
            "{\"type\":\"object\"}");

    @Test
    void promptInstructions_nameTheSchemaAndForbidProseAndFences() {
        assertThat(RANK.promptInstructions()).isEqualTo("\n\nReply with a single JSON object and nothing else (no "
                + "prose, no code fence). It is 'return_rank': the ids, best first\nIt must match this JSON Schema:\n"
                + "{\"type\":\"object\"}");
    }

    @Test
    void unfenced_takesTheInsideOfAWholeFencedReply_andLeavesAnythingElse() {
        assertThat(ReplySchema.unfenced("```json\n{\"ranking\": [2, 1]}\n```")).isEqualTo("{\"ranking\": [2, 1]}");
        assertThat(ReplySchema.unfenced("  ```\n{}\n```  ")).isEqualTo("{}");
        assertThat(ReplySchema.unfenced("Sure: ```json\n{}\n```")).isEqualTo("Sure: ```json\n{}\n```");
        assertThat(ReplySchema.unfenced("```{}```")).isEqualTo("```{}```");
        assertThat(ReplySchema.unfenced("```")).isEqualTo("```");
        assertThat(ReplySchema.unfenced("{\"a\": 1}")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void badNamesAndBlankSchemas_areRefused() {
        assertThatThrownBy(() -> new ReplySchema("has space", "d", "{}"))
                .hasMessage("name must match [A-Za-z0-9_-]{1,64} but was 'has space'");
        assertThatThrownBy(() -> new ReplySchema("n", "d", " ")).hasMessage("jsonSchema must not be blank");
    }
}
