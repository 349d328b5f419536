package dev.raq.metrics;

import java.util.List;
import java.util.Objects;

/** An {@link AnswerScorer} with a report name: the metrics' scorers are a name plus a scoring lambda. */
final class NamedScorer implements AnswerScorer {

    private final String name;
    private final AnswerScorer body;

    NamedScorer(String name, AnswerScorer body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public double score(String answer, List<String> references) {
        Objects.requireNonNull(answer, "answer");
        Checks.references(references, "references");
        return body.score(answer, references);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
