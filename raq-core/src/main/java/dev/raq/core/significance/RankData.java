package dev.raq.core.significance;

import dev.raq.commons.Preconditions;
import dev.raq.core.judge.Ranking;
import dev.raq.stats.FriedmanBlocks;
import dev.raq.stats.Ranks;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shared plumbing of the significance tests: argument checks, rankings turned into rank arrays restricted to
 * the compared candidates, and the verdict of one pair.
 */
final class RankData {

    private RankData() {
    }

    /** Checks the common arguments: at least two distinct candidates, at least one ranking, alpha in (0, 1). */
    static void check(List<String> candidates, List<Ranking> rankings, double alpha) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(rankings, "rankings");
        Preconditions.checkArgument(candidates.size() >= 2, () -> "candidates must hold at least two names but had "
                + candidates.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!seen.add(Objects.requireNonNull(candidates.get(i), "candidates[" + i + "]"))) {
                throw new IllegalArgumentException("candidates[" + i + "] '" + candidates.get(i) + "' appears twice");
            }
        }
        Preconditions.checkArgument(!rankings.isEmpty(), "rankings must not be empty");
        for (int i = 0; i < rankings.size(); i++) {
            int index = i;
            Objects.requireNonNull(rankings.get(i), () -> "rankings[" + index + "]");
        }
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
    }

    /**
     * The complete blocks as an n × k matrix: row i holds the ranks the i-th ranking that ranks every candidate
     * gives them (columns in candidate order), re-ranked among the compared candidates (ties averaged), so a ranking
     * of more candidates counts only for the order of the compared ones. Rankings that miss a candidate (a sample
     * some candidate failed to answer, a pairwise verdict) are left out; {@link SignificanceResult#observations()}
     * and the pairs' n say how many were used.
     *
     * @throws IllegalArgumentException if no ranking ranks every candidate, naming the test and the remedy
     */
    static double[][] fullBlocks(String test, List<String> candidates, List<Ranking> rankings) {
        List<double[]> blocks = new ArrayList<>(rankings.size());
        for (Ranking r : rankings) {
            if (r.covers(candidates)) {
                blocks.add(restricted(r, candidates));
            }
        }
        if (blocks.isEmpty()) {
            throw noCompleteRanking(test, rankings.size());
        }
        return blocks.toArray(new double[0][]);
    }

    private static IllegalArgumentException noCompleteRanking(String test, int rankings) {
        return new IllegalArgumentException("none of the " + rankings + " rankings ranks every candidate, "
                + "and " + test + " needs complete rankings (a pairwise judge's verdicts rank two candidates); "
                + "use SignificanceTests.wilcoxon or signTest, which compare each pair on the samples that rank "
                + "both");
    }

    /**
     * The complete blocks of {@link #fullBlocks}, summed as they are read instead of kept: what the Friedman family
     * needs, in O(k) memory.
     *
     * @throws IllegalArgumentException if no ranking ranks every candidate, as {@link #fullBlocks}
     */
    static FriedmanBlocks fullBlockSums(String test, List<String> candidates, List<Ranking> rankings) {
        FriedmanBlocks blocks = new FriedmanBlocks(candidates.size());
        for (Ranking r : rankings) {
            if (r.covers(candidates)) {
                blocks.add(restricted(r, candidates));
            }
        }
        if (blocks.blocks() == 0) {
            throw noCompleteRanking(test, rankings.size());
        }
        return blocks;
    }

    /** The ranks a ranking gives {@code names} (all ranked there), re-ranked among them with ties averaged. */
    static double[] restricted(Ranking ranking, List<String> names) {
        double[] ranks = new double[names.size()];
        for (int j = 0; j < ranks.length; j++) {
            ranks[j] = ranking.rank(names.get(j));
        }
        return Ranks.rank(ranks);
    }

    /** The columns of an n × k matrix, as k arrays of n values. */
    static double[][] columns(double[][] blocks, int k) {
        double[][] columns = new double[k][blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            for (int j = 0; j < k; j++) {
                columns[j][i] = blocks[i][j];
            }
        }
        return columns;
    }

    /** The mean of each column of an n × k matrix. */
    static double[] meanRanks(double[][] blocks, int k) {
        double[] means = new double[k];
        for (double[] row : blocks) {
            for (int j = 0; j < k; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < k; j++) {
            means[j] /= blocks.length;
        }
        return means;
    }

    /** The candidate with the lower value, or null on a tie. */
    static @Nullable String lower(String a, double valueOfA, String b, double valueOfB) {
        int c = Double.compare(valueOfA, valueOfB);
        return c < 0 ? a : c > 0 ? b : null;
    }

    /**
     * The verdict of one pair. An undefined (NaN) p-value — the data show no difference at all between the two,
     * such as every rank tied — is reported as 1: not significant, and no side better.
     */
    static PairComparison verdict(String a, String b, double pValue, double alpha, @Nullable String better, int n) {
        if (Double.isNaN(pValue)) {
            return new PairComparison(a, b, 1.0, false, null, n);
        }
        return new PairComparison(a, b, pValue, pValue <= alpha, better, n);
    }

    /**
     * The verdicts of every pair i &lt; j from a k × k p-value matrix over n complete blocks, the better side by
     * lower mean rank.
     */
    static List<PairComparison> verdicts(List<String> candidates, double[][] pValues, double[] meanRanks,
                                         double alpha, int n) {
        List<PairComparison> pairs = new ArrayList<>();
        int k = candidates.size();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                String a = candidates.get(i);
                String b = candidates.get(j);
                pairs.add(verdict(a, b, pValues[i][j], alpha, lower(a, meanRanks[i], b, meanRanks[j]), n));
            }
        }
        return pairs;
    }

    /**
     * The omnibus part of a result, from raq-stats' omnibus result, with its effect size: Kendall's W for Friedman
     * over {@code n} blocks of {@code k}, epsilon-squared for Kruskal–Wallis over {@code n·k} ranks.
     */
    static Omnibus omnibus(dev.raq.stats.OmnibusResult r, int n, int k, boolean friedman) {
        double effect = !r.defined() ? Double.NaN
                : friedman ? r.statistic() / (n * (k - 1.0)) : r.statistic() / (n * (double) k - 1);
        return new Omnibus(r.test(), r.statistic(), r.pValue(), r.defined(), effect);
    }
}
