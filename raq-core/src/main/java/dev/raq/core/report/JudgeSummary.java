package dev.raq.core.report;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * One judge's results over the run: how many samples it judged, how many of its judgments and calls failed, and how
 * it ranked each candidate.
 *
 * @param name             the judge's name
 * @param judgments        samples the judge ran on
 * @param calls            judge calls made (a judgment may hold several: repeats, pairs)
 * @param failedJudgments  judgments without any ranking
 * @param failedCalls      judge calls that failed
 * @param ranks            candidate → rank summary over this judge's observations (per sample by default)
 * @param scores           candidate → summary of the raw scores (mean with a bootstrap interval, median) for a
 *                         metric judge; empty for judges that do not score
 * @param selfAgreement    the judge's consistency with itself: the mean over samples of Kendall's W between its
 *                         repeated rankings of the same answers (1 = every repeat alike), or null without repeats
 * @param selfAgreementSamples the samples {@code selfAgreement} averages over
 * @param orderEffect      for a judge that ranks answers shown in an order (a pairwise judge's two included), how
 *                         often it ranked the first-shown answer alone best against chance; null for other judges.
 *                         A judge kind's own measures of order (a pairwise judge's position bias) are in its
 *                         {@linkplain EvaluationReport#sections() report section}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgeSummary(String name, int judgments, int calls, int failedJudgments, int failedCalls,
                           Map<String, ValueSummary> ranks, Map<String, ValueSummary> scores,
                           @Nullable Double selfAgreement, int selfAgreementSamples,
                           @Nullable OrderEffect orderEffect) {

    /** Validates and copies (keeping candidate order). */
    public JudgeSummary {
        Objects.requireNonNull(name, "name");
        ranks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ranks));
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }
}
