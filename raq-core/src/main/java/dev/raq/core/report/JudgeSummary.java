package dev.raq.core.report;

import java.util.Map;
import java.util.Objects;

/**
 * One judge's results over the run: how many samples it judged, how many of its judgments and calls failed, and how
 * it ranked each candidate.
 *
 * @param name             the judge's name
 * @param judgments        samples the judge ran on
 * @param failedJudgments  judgments without any ranking
 * @param failedCalls      judge calls that failed (a judgment may hold several calls)
 * @param ranks            candidate → rank summary over this judge's successful rankings
 */
public record JudgeSummary(String name, int judgments, int failedJudgments, int failedCalls,
                           Map<String, RankSummary> ranks) {

    /** Validates and copies. */
    public JudgeSummary {
        Objects.requireNonNull(name, "name");
        ranks = Map.copyOf(ranks);
    }
}
