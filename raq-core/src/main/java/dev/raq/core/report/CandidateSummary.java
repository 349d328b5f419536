package dev.raq.core.report;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One candidate's results: how it was ranked, how it fared against each other candidate, how long and how fast it
 * answered, what it spent, and how often it failed. Measures that need data the run did not have (latency of a
 * recorded answer, token usage a client did not report, a price) are absent, never invented.
 *
 * @param name               the candidate's name
 * @param answers            calls that produced an answer (including answers reused from a store)
 * @param errors             calls that failed
 * @param rank               the rank summary over the evaluation's rankings, or null when it was never ranked
 * @param versus             other candidate → wins/ties/losses of this candidate against it
 * @param meanWords          mean answer length in words (see {@link EvaluationReport} for the word rule), or NaN
 *                           exactly when there are no answers
 * @param wordsPerSecond     words / latency seconds over answers with a measured latency, or null when none had one
 * @param tokensPerSecond    completion tokens / latency seconds over answers with both, or null
 * @param latencyP50         median latency, or null when no latency was measured
 * @param latencyP95         95th percentile latency (linear interpolation, as numpy's default), or null; above
 *                           20,000 timed answers (a large run) this and the other percentiles come from an
 *                           HdrHistogram with 3 significant digits (the value at the percentile, within 0.1% of one
 *                           between the two closest ranks, not interpolated between them), so that
 *                           the report's memory does not grow with the answers
 * @param timeToFirstTokenP50 median time to the first streamed token, or null when no answer was streamed
 * @param promptTokens       prompt tokens over answers that report usage
 * @param completionTokens   completion tokens over answers that report usage
 * @param answersWithUsage   answers that reported (or estimated) token usage
 * @param cost               estimated cost from the price table over answers with usage, or null without a price
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CandidateSummary(String name, int answers, int errors, @Nullable ValueSummary rank,
                               Map<String, WinTieLoss> versus, double meanWords, @Nullable Double wordsPerSecond,
                               @Nullable Double tokensPerSecond, @Nullable Duration latencyP50,
                               @Nullable Duration latencyP95, @Nullable Duration timeToFirstTokenP50,
                               long promptTokens, long completionTokens,
                               int answersWithUsage, @Nullable Double cost) {

    /** Validates and copies. */
    public CandidateSummary {
        Objects.requireNonNull(name, "name");
        versus = Map.copyOf(versus);
    }

    /** The rank summary, if the candidate was ranked at least once. */
    public Optional<ValueSummary> rankIfRanked() {
        return Optional.ofNullable(rank);
    }

    /** Mean answer length in words, if the candidate answered at least once. */
    public OptionalDouble meanWordsIfAnswered() {
        return answers == 0 ? OptionalDouble.empty() : OptionalDouble.of(meanWords);
    }

    /** Wins/ties/losses against {@code other}. */
    public WinTieLoss against(String other) {
        return Preconditions.checkPresent(versus.get(other),
                () -> "no candidate '" + other + "' to compare '" + name + "' with");
    }
}
