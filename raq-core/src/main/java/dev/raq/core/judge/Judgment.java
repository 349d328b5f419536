package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one judge concluded about one sample: every call it made (each a ranking or an error, with the raw output),
 * and the raw scores when the judge scores answers (metric judges). Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Judgment {

    private final String judge;
    private final String sampleId;
    private final List<JudgeCall> calls;
    private final Map<String, Double> scores;

    /**
     * @param judge    the judge's name
     * @param sampleId the judged sample's id
     * @param calls    every call made, in order; at least one
     * @param scores   candidate → raw score (higher better) for scoring judges, else empty
     * @throws IllegalArgumentException if there are no calls or a score is NaN
     */
    public Judgment(String judge, String sampleId, List<JudgeCall> calls, Map<String, Double> scores) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.sampleId = Objects.requireNonNull(sampleId, "sampleId");
        this.calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
        Preconditions.checkArgument(!this.calls.isEmpty(), () ->
                "a judgment of sample '" + sampleId + "' needs at least one call");
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() == null || e.getValue().isNaN()) {
                throw new IllegalArgumentException("score of '" + e.getKey() + "' on sample '" + sampleId
                        + "' must be a number but was " + e.getValue());
            }
        }
        this.scores = Map.copyOf(scores);
    }

    /** A judgment of calls without scores. */
    public static Judgment of(String judge, String sampleId, List<JudgeCall> calls) {
        return new Judgment(judge, sampleId, calls, Map.of());
    }

    /** The judge's name. */
    public String judge() {
        return judge;
    }

    /** The judged sample's id. */
    public String sampleId() {
        return sampleId;
    }

    /** Every call made, in order. */
    public List<JudgeCall> calls() {
        return calls;
    }

    /** The rankings of the successful calls, in call order. */
    public List<Ranking> rankings() {
        return calls.stream().filter(JudgeCall::succeeded).map(c -> c.ranking().orElseThrow()).toList();
    }

    /** The calls that failed. */
    public List<JudgeCall> failedCalls() {
        return calls.stream().filter(c -> !c.succeeded()).toList();
    }

    /** True when no call produced a ranking. */
    public boolean failed() {
        return calls.stream().noneMatch(JudgeCall::succeeded);
    }

    /** Candidate → raw score for scoring judges; empty otherwise. */
    public Map<String, Double> scores() {
        return scores;
    }

    /** The raw score of a candidate, or null when the judge does not score. */
    public @Nullable Double score(String candidate) {
        return scores.get(candidate);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Judgment)) {
            return false;
        }
        Judgment j = (Judgment) o;
        return judge.equals(j.judge) && sampleId.equals(j.sampleId) && calls.equals(j.calls)
                && scores.equals(j.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(judge, sampleId, calls, scores);
    }

    @Override
    public String toString() {
        return "Judgment{judge=" + judge + ", sample=" + sampleId + ", calls=" + calls
                + (scores.isEmpty() ? "" : ", scores=" + scores) + "}";
    }
}
