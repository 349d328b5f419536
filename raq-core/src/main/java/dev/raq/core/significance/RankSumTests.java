package dev.raq.core.significance;

import dev.raq.core.judge.Ranking;
import dev.raq.stats.Dunn;
import dev.raq.stats.Friedman;
import dev.raq.stats.FriedmanBlocks;
import dev.raq.stats.KruskalWallis;
import dev.raq.stats.PAdjust;
import dev.raq.stats.PostHocResult;

import java.util.List;

/** Dunn after Kruskal–Wallis, and the Friedman-family tests: significance tests over full rankings. */
final class RankSumTests {

    private RankSumTests() {
    }

    /** What a report using Dunn's test says about it (measured by the null simulation in raq-benchmarks). */
    static final String DUNN_CAUTION = "Dunn's test treats the candidates' ranks as independent groups, but the "
            + "ranks within one ranking are not independent: on rankings its family-wise error is about twice alpha "
            + "(0.10-0.11 at alpha 0.05 with 4 candidates); it is kept to reproduce the RAQ paper, and the "
            + "Friedman family or Wilcoxon tests are the valid choice";

    /** Dunn's test: each candidate's ranks over all rankings form one independent group. */
    static final class DunnTest implements SignificanceTest {
        private final PAdjust adjustment;

        DunnTest(PAdjust adjustment) {
            this.adjustment = adjustment;
        }

        @Override
        public SignificanceResult test(List<String> candidates, List<Ranking> rankings, double alpha) {
            RankData.check(candidates, rankings, alpha);
            int k = candidates.size();
            double[][] blocks = RankData.fullBlocks(name(), candidates, rankings);
            double[][] groups = RankData.columns(blocks, k);
            Omnibus omnibus = RankData.omnibus(KruskalWallis.test(groups), blocks.length, k, false);
            PostHocResult posthoc = Dunn.test(groups, adjustment);
            return new SignificanceResult(name(), candidates, alpha, omnibus,
                    RankData.verdicts(candidates, posthoc.pValues(), RankData.meanRanks(blocks, k), alpha,
                            blocks.length), rankings.size(), List.of(DUNN_CAUTION));
        }

        @Override
        public String name() {
            return "Dunn (" + adjustment.statsmodelsName() + ")";
        }

        @Override
        public boolean needsCompleteRankings() {
            return true;
        }
    }

    /** A Friedman omnibus test with Nemenyi's or Conover's post-hoc test: each ranking is one block. */
    static final class FriedmanTest implements SignificanceTest {
        private final PAdjust conoverAdjustment;
        private final boolean conover;

        /** Nemenyi when {@code conover} is false (the adjustment is then unused). */
        FriedmanTest(boolean conover, PAdjust conoverAdjustment) {
            this.conover = conover;
            this.conoverAdjustment = conoverAdjustment;
        }

        @Override
        public SignificanceResult test(List<String> candidates, List<Ranking> rankings, double alpha) {
            RankData.check(candidates, rankings, alpha);
            int k = candidates.size();
            // the blocks are summed as they are read: a million rankings need no n × k matrix
            FriedmanBlocks blocks = RankData.fullBlockSums(name(), candidates, rankings);
            int n = blocks.blocks();
            if (conover && n < 2) {
                throw new IllegalArgumentException(name() + " needs at least 2 complete rankings but got " + n);
            }
            Omnibus omnibus = k >= 3 ? RankData.omnibus(Friedman.test(blocks), n, k, true) : null;
            PostHocResult posthoc = conover ? Friedman.conover(blocks, conoverAdjustment) : Friedman.nemenyi(blocks);
            double[] meanRanks = new double[k];
            for (int j = 0; j < k; j++) {
                meanRanks[j] = blocks.meanRank(j);
            }
            return new SignificanceResult(name(), candidates, alpha, omnibus,
                    RankData.verdicts(candidates, posthoc.pValues(), meanRanks, alpha, n), rankings.size(),
                    List.of());
        }

        @Override
        public boolean needsCompleteRankings() {
            return true;
        }

        @Override
        public String name() {
            return conover ? "Friedman-Conover (" + conoverAdjustment.statsmodelsName() + ")" : "Friedman-Nemenyi";
        }
    }
}
