package dev.raq.core.judge;

import dev.raq.core.data.Sample;
import org.apiguardian.api.API;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a judge gets for one sample: the sample (question, context, references), the candidates' answers, and
 * a seed from which the judge derives all its randomness (the anonymous ids and the order it shows the answers in),
 * so that a run with the same seed asks the same questions.
 *
 * @param sample  the sample being judged
 * @param answers the answers of the candidates that answered, in candidate order; at least two, names unique
 * @param seed    the seed for this sample's judging
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgeInput(Sample sample, List<CandidateAnswer> answers, long seed) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if fewer than two answers are given or a candidate appears twice
     */
    public JudgeInput {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(answers, "answers");
        if (answers.size() < 2) {
            throw new IllegalArgumentException("sample '" + sample.id() + "' needs at least two answers to judge but had "
                + answers.size());
        }
        Set<String> seen = new HashSet<>();
        for (CandidateAnswer a : answers) {
            if (!seen.add(Objects.requireNonNull(a, "answer").candidate())) {
                throw new IllegalArgumentException("candidate '" + a.candidate() + "' answers sample '" + sample.id()
                        + "' twice");
            }
        }
        answers = List.copyOf(answers);
    }

    /** The names of the candidates whose answers are judged, in candidate order. */
    public List<String> candidates() {
        return answers.stream().map(CandidateAnswer::candidate).toList();
    }
}
