package dev.raq.core;

import dev.raq.core.data.PromptTemplate;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;

import java.util.Objects;
import java.util.function.Function;

/** The default and template prompts of an evaluation. */
final class Prompts {

    /** The prompt used for samples with a context when neither the evaluation nor the candidate sets one. */
    static final PromptTemplate WITH_CONTEXT = PromptTemplate.of("{context}\n\nQuestion: {question}\nAnswer:");

    private Prompts() {
    }

    /**
     * A prompt that sends the template, rendered for the sample, as one user message.
     *
     * @throws IllegalArgumentException if the template is malformed or does not contain {@code {question}}
     */
    static Function<Sample, ChatRequest> template(String template) {
        Objects.requireNonNull(template, "template");
        PromptTemplate parsed = PromptTemplate.of(template);
        if (!parsed.placeholders().contains(PromptTemplate.QUESTION)) {
            throw new IllegalArgumentException("template must contain {question} but was '" + template + "'");
        }
        return sample -> ChatRequest.ofUser(parsed.render(sample));
    }

    /** The default prompt: the question alone, or the context followed by the question when there is one. */
    static Function<Sample, ChatRequest> defaultPrompt() {
        return sample -> ChatRequest.ofUser(sample.context() == null ? sample.question()
                : WITH_CONTEXT.render(sample));
    }
}
