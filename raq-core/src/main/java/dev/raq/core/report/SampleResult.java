package dev.raq.core.report;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judgment;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an evaluation recorded for one sample: every candidate's answer or error, every judge's judgment, and
 * why the sample was not judged when it was not.
 *
 * @param index      the sample's position in the dataset, from 0
 * @param sample     the sample
 * @param answers    one record per candidate, in candidate order
 * @param judgments  one judgment per judge that ran, in judge order; empty when not judged
 * @param notJudged  why the sample was not judged (such as fewer than two answers), or null when it was
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampleResult(int index, Sample sample, List<AnswerRecord> answers, List<Judgment> judgments,
                           @Nullable String notJudged) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the index is negative
     */
    public SampleResult {
        Preconditions.checkArgument(index >= 0, () -> "index must be >= 0 but was " + index);
        Objects.requireNonNull(sample, "sample");
        answers = List.copyOf(answers);
        judgments = List.copyOf(judgments);
    }

    /** Why the sample was not judged, if it was not. */
    public Optional<String> notJudgedReason() {
        return Optional.ofNullable(notJudged);
    }

    /** The answer record of a candidate, if the candidate took part. */
    public Optional<AnswerRecord> answer(String candidate) {
        return answers.stream().filter(a -> a.candidate().equals(candidate)).findFirst();
    }
}
