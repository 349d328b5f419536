package dev.raq.core.judge;

import org.apiguardian.api.API;

import java.util.Map;

/**
 * What one kind of judge adds to a report beyond the rankings and scores every judge gives: a pairwise judge's
 * leaderboard and position bias, say, or a 1–10 grader's score distribution. A judge contributes it through
 * {@link Judge#reportSection}; every report writer shows it without knowing the judge's kind.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReportSection {

    /** The section's heading, such as {@code "Pairwise leaderboard of pairwise(gpt-4o)"}. */
    String title();

    /**
     * The section's content for machine-readable writers: maps with string keys, lists, strings, numbers (finite or
     * null), booleans and nulls only.
     */
    Map<String, Object> toMap();

    /** The section's content as Markdown, without its heading; untrusted text in it is already escaped. */
    String toMarkdown();
}
