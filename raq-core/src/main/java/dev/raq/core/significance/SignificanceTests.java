package dev.raq.core.significance;

import dev.raq.stats.PAdjust;
import dev.raq.stats.Wilcoxon;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The built-in significance tests over rankings, computed with {@code raq-stats} (which matches scipy 1.17 and
 * scikit-posthocs 0.12).
 *
 * <p><b>Which one?</b> (the figures come from {@code NullSimulation} in raq-benchmarks: 4 equally good candidates,
 * rankings through the real pipeline, alpha 0.05, 10,000 replications; {@code docs/statistics.md} has the table)
 * <ul>
 *   <li>{@link #recommended()} — Friedman with Conover's post-hoc test and Holm's adjustment — is the default of an
 *       evaluation whose judge ranks all answers: it holds its level (family-wise error at most alpha within
 *       Monte-Carlo error, with and without repeated judge calls collapsed per sample) and was the most powerful of
 *       the procedures that do.</li>
 *   <li>{@link #dunn(PAdjust) Dunn} after Kruskal–Wallis, with Holm's adjustment, is the RAQ paper's test. It pools
 *       each candidate's ranks over all rankings and treats them as independent groups, but the ranks of one ranking
 *       are not independent (they sum to a constant): its family-wise error is about twice alpha (0.10–0.11 at
 *       alpha 0.05; Kruskal–Wallis alone 0.11–0.12), and its apparent extra power is that inflated error. Use it only
 *       to reproduce the paper; a report that uses it says so.</li>
 *   <li>{@link #friedmanNemenyi() Friedman with Nemenyi} or {@link #friedmanConover(PAdjust) Conover} treats each
 *       ranking (each question) as a block, so differences in difficulty between questions cancel out. Nemenyi has the
 *       same power as Conover, but measured 0.058 ± 0.002 at n = 100 (above alpha + 2 Monte-Carlo standard
 *       errors); Conover takes an adjustment and held its level at every n.</li>
 *   <li>{@link #wilcoxon(PAdjust) Wilcoxon signed-rank} compares each pair on the rankings that rank both (paired by
 *       question), using the size of the rank differences; it also accepts partial rankings.</li>
 *   <li>The {@link #signTest(PAdjust) sign test} counts only which of the two won each paired ranking; it needs the
 *       fewest assumptions (none on the rank scale), so it suits any judge, including pairwise A/B verdicts, at the
 *       cost of power.</li>
 * </ul>
 *
 * <p><b>Common rules.</b> A ranking that ranks more candidates than the compared ones counts with the compared
 * candidates re-ranked among themselves (ties averaged). Dunn and the Friedman family need every ranking to rank
 * every compared candidate and reject others with an {@link IllegalArgumentException}; the paired tests use, for
 * each pair, the rankings that rank both, and reject a pair that no ranking ranks. A pair is significant when its
 * (adjusted) p-value is at most alpha, whatever the omnibus test says (the omnibus result is reported alongside).
 * The better side of a pair is the one with the lower mean rank (for the sign test: the one that wins more paired
 * rankings); none on an exact tie. A pair whose p-value is undefined because the data show no difference at all
 * (its ranks are equal in every ranking, or every rank is tied) is reported with p = 1, not significant, and no
 * better side; an undefined omnibus statistic is reported as {@link Omnibus#defined() undefined}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SignificanceTests {

    private SignificanceTests() {
    }

    /**
     * The default test of an evaluation whose judges rank all answers: {@link #friedmanConover(PAdjust) Friedman with
     * Conover's post-hoc test} and {@link PAdjust#HOLM Holm's adjustment}, chosen because it holds its level in the
     * null simulation and had the most power among the procedures that do (see the class description). An
     * evaluation whose judge ranks pairs (a pairwise judge over three or more candidates) defaults to
     * {@link #signTest(PAdjust) the sign test} with Holm's adjustment instead.
     */
    public static SignificanceTest recommended() {
        return friedmanConover(PAdjust.HOLM);
    }

    /**
     * Dunn's test after a Kruskal–Wallis omnibus test, as in the RAQ paper (with {@link PAdjust#HOLM}): the groups
     * are each candidate's ranks over all rankings. Needs full rankings. Named {@code "Dunn (<adjustment>)"}.
     * <b>Not valid on rankings:</b> its family-wise error is about twice alpha (see the class description); every
     * result carries a note that says so.
     *
     * @param adjustment the adjustment of the pairwise p-values
     * @return a test whose omnibus is Kruskal–Wallis and whose pairs come from {@code dev.raq.stats.Dunn}
     */
    public static SignificanceTest dunn(PAdjust adjustment) {
        return new RankSumTests.DunnTest(Objects.requireNonNull(adjustment, "adjustment"));
    }

    /**
     * The Friedman test with Nemenyi's post-hoc test: the blocks are the rankings (n rankings × k candidates).
     * Needs full rankings. The omnibus is left out for two candidates (Friedman needs three; the post-hoc test
     * still runs). Named {@code "Friedman-Nemenyi"}.
     *
     * @return a test whose pairs' p-values are family-wise by construction (no adjustment)
     */
    public static SignificanceTest friedmanNemenyi() {
        return new RankSumTests.FriedmanTest(false, PAdjust.NONE);
    }

    /**
     * The Friedman test with Conover's post-hoc test (Student t p-values, adjusted). Needs full rankings, at least
     * two of them; the omnibus is left out for two candidates. Named {@code "Friedman-Conover (<adjustment>)"}.
     *
     * @param adjustment the adjustment of the pairwise p-values
     */
    public static SignificanceTest friedmanConover(PAdjust adjustment) {
        return new RankSumTests.FriedmanTest(true, Objects.requireNonNull(adjustment, "adjustment"));
    }

    /**
     * Two-sided Wilcoxon signed-rank tests of every pair on the rankings that rank both, with scipy's defaults:
     * zero differences discarded ({@code ZeroMethod.WILCOX}), no continuity correction, and scipy's automatic choice
     * of the exact, permutation or normal distribution. No omnibus. Named {@code "Wilcoxon (<adjustment>)"}.
     *
     * @param adjustment the adjustment of the k(k−1)/2 pairwise p-values
     */
    public static SignificanceTest wilcoxon(PAdjust adjustment) {
        return wilcoxon(adjustment, Wilcoxon.ZeroMethod.WILCOX, false);
    }

    /**
     * Two-sided Wilcoxon signed-rank tests of every pair with a chosen treatment of zero differences and continuity
     * correction; otherwise as {@link #wilcoxon(PAdjust)}.
     *
     * @param adjustment the adjustment of the pairwise p-values
     * @param zeroMethod how tied pairs (zero rank differences) are treated
     * @param correction whether the normal approximation uses a continuity correction
     */
    public static SignificanceTest wilcoxon(PAdjust adjustment, Wilcoxon.ZeroMethod zeroMethod, boolean correction) {
        return new PairedTests.WilcoxonTest(Objects.requireNonNull(adjustment, "adjustment"),
                Objects.requireNonNull(zeroMethod, "zeroMethod"), correction);
    }

    /**
     * Two-sided sign tests of every pair on the rankings that rank both: an exact binomial test of the wins of one
     * side among the rankings that do not tie the two. No omnibus. Named {@code "Sign test (<adjustment>)"}.
     *
     * @param adjustment the adjustment of the k(k−1)/2 pairwise p-values
     */
    public static SignificanceTest signTest(PAdjust adjustment) {
        return new PairedTests.SignTests(Objects.requireNonNull(adjustment, "adjustment"));
    }
}
