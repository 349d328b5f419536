package dev.raq.core.significance;

import dev.raq.core.judge.Ranking;
import org.apiguardian.api.API;

import java.util.List;

/**
 * Decides which candidates differ significantly, from the rankings an evaluation collected.
 *
 * <p>Each ranking is one observation: by default one per sample (a judge's repeats collapsed, or a panel's
 * consensus), or one per judge call when the evaluation asks for the RAQ paper's per-call observations.
 * Tests for independent groups (Dunn, Kruskal–Wallis) pool every candidate's ranks; blocked tests (Friedman,
 * Wilcoxon, sign) pair the candidates' ranks within each ranking. A test that needs rankings covering every
 * candidate rejects partial ones with an {@link IllegalArgumentException} that says so.
 * {@code SignificanceTests} has the built-in tests. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SignificanceTest {

    /**
     * Tests the differences between candidates.
     *
     * @param candidates the candidates to compare, in report order; at least two
     * @param rankings   the observations
     * @param alpha      the significance level, in (0, 1)
     * @return the omnibus result where the test has one, and a verdict for every pair
     * @throws IllegalArgumentException if the rankings do not suit the test (too few, partial where full ones are
     *                                  needed) or alpha is outside (0, 1)
     */
    SignificanceResult test(List<String> candidates, List<Ranking> rankings, double alpha);

    /** A short name for reports, such as {@code "Dunn (holm)"}; the default is the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * True when the test needs rankings of every candidate (Dunn, the Friedman family), so that an evaluation whose
     * judge ranks pairs (a pairwise judge over three or more candidates) is refused at build time; the default is
     * false (the paired tests compare each pair on the rankings that rank both).
     */
    default boolean needsCompleteRankings() {
        return false;
    }
}
