package dev.raq.core.report;

import dev.raq.core.pairwise.PositionBias;
import org.jspecify.annotations.Nullable;

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
 * @param positionBias     for a pairwise judge, how often it contradicted itself when both orders were played and
 *                         how often it preferred the first position; null for other judges
 */
public record JudgeSummary(String name, int judgments, int failedJudgments, int failedCalls,
                           Map<String, RankSummary> ranks, @Nullable PositionBias positionBias) {

    /** Validates and copies. */
    public JudgeSummary {
        Objects.requireNonNull(name, "name");
        ranks = Map.copyOf(ranks);
    }
}
