package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;

import java.util.Objects;
import java.util.function.Function;

/** Renders the default and template prompts of an evaluation. */
final class Prompts {

    /** The prompt used when neither the evaluation nor the candidate sets one. */
    static final String DEFAULT_TEMPLATE = "{context}\n\nQuestion: {question}\nAnswer:";

    private Prompts() {
    }

    /** A prompt that sends the template, with the sample filled in, as one user message. */
    static Function<Sample, ChatRequest> template(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.contains("{question}")) {
            throw new IllegalArgumentException("template must contain {question} but was '" + template + "'");
        }
        return sample -> ChatRequest.ofUser(render(template, sample));
    }

    /** The default prompt: the question alone, or the context followed by the question when there is one. */
    static Function<Sample, ChatRequest> defaultPrompt() {
        return sample -> ChatRequest.ofUser(sample.context() == null ? sample.question()
                : render(DEFAULT_TEMPLATE, sample));
    }

    static String render(String template, Sample sample) {
        String context = sample.context() == null ? "" : sample.context();
        // one pass, so that a question containing "{context}" is not expanded again
        StringBuilder out = new StringBuilder(template.length() + context.length() + sample.question().length());
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{question}", i)) {
                out.append(sample.question());
                i += "{question}".length();
            } else if (template.startsWith("{context}", i)) {
                out.append(context);
                i += "{context}".length();
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }
}
