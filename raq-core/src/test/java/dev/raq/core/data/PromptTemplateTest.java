package dev.raq.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplateTest {

    private final Sample full = new Sample("q1", "What is pi?", "Pi is about 3.14.", List.of("3.14", "3.1416"),
            Map.of("lang", "en"));
    private final Sample bare = Sample.of("q2", "Who?");

    @Test
    void render_everyPlaceholder_filledVerbatim() {
        PromptTemplate t = PromptTemplate.of("[{lang}] Context: {context}\nQ: {question}\nRef: {reference}\n"
                + "All: {references}");

        assertThat(t.render(full)).isEqualTo("[en] Context: Pi is about 3.14.\nQ: What is pi?\nRef: 3.14\n"
                + "All: 3.14\n3.1416");
        assertThat(t.placeholders()).containsExactly("lang", "context", "question", "reference", "references");
    }

    @Test
    void render_escapedBraces_becomeLiteralBraces() {
        PromptTemplate t = PromptTemplate.of("Reply as {{\"answer\": \"...\"}} to {question}");

        assertThat(t.render(full)).isEqualTo("Reply as {\"answer\": \"...\"} to What is pi?");
        assertThat(t.placeholders()).containsExactly("question");
    }

    @Test
    void render_valuesWithBraces_areNotExpandedAgain() {
        Sample s = Sample.of("q", "Is {context} a word?", "yes");

        assertThat(PromptTemplate.of("Q: {question}").render(s)).isEqualTo("Q: Is {context} a word?");
    }

    @Test
    void render_contextMissing_namesPlaceholderAndSample() {
        PromptTemplate t = PromptTemplate.of("{context} {question}");

        assertThatThrownBy(() -> t.render(bare))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("placeholder {context} cannot be filled for sample 'q2': the sample has no context");
    }

    @Test
    void render_referencesMissing_namesPlaceholderAndSample() {
        assertThatThrownBy(() -> PromptTemplate.of("{reference}").render(bare))
                .hasMessage("placeholder {reference} cannot be filled for sample 'q2': the sample has no reference "
                        + "answers");
        assertThatThrownBy(() -> PromptTemplate.of("{references}").render(bare))
                .hasMessageContaining("placeholder {references} cannot be filled for sample 'q2'");
    }

    @Test
    void render_unknownPlaceholder_namesItAndTheMetadataKeys() {
        assertThatThrownBy(() -> PromptTemplate.of("{question} in {language}").render(full))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placeholder {language} for sample 'q1': not question, context, references, "
                        + "reference or a metadata key of the sample (its metadata keys: [lang])");
    }

    @Test
    void of_malformedTemplates_areRejectedAtConstruction() {
        assertThatThrownBy(() -> PromptTemplate.of("Q: {question"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed '{' at index 3 of prompt template (write '{{' for a literal brace)");
        assertThatThrownBy(() -> PromptTemplate.of("Q: question}"))
                .hasMessage("unmatched '}' at index 11 of prompt template (write '}}' for a literal brace)");
        assertThatThrownBy(() -> PromptTemplate.of("Q: {}"))
                .hasMessageContaining("placeholder {} at index 3 of prompt template is not a name");
        assertThatThrownBy(() -> PromptTemplate.of("Q: {two words}"))
                .hasMessageContaining("placeholder {two words} at index 3");
    }
}
