package dev.raq.core.significance;

import dev.raq.commons.Preconditions;
import dev.raq.core.judge.Ranking;
import dev.raq.stats.Alternative;
import dev.raq.stats.PAdjust;
import dev.raq.stats.PostHocResult;
import dev.raq.stats.SignTest;
import dev.raq.stats.Wilcoxon;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Paired two-sample tests of every pair of candidates (Wilcoxon signed-rank, sign test): each pair is compared on
 * the rankings that rank both, so partial rankings (pairwise verdicts) work too.
 */
abstract class PairedTests implements SignificanceTest {

    final PAdjust adjustment;

    PairedTests(PAdjust adjustment) {
        this.adjustment = adjustment;
    }

    /** The pairwise post-hoc result over full columns (one per candidate, one row per ranking). */
    abstract PostHocResult pairwise(double[][] columns);

    /** The raw two-sided p-value of one pair; 1 when the pair's ranks are equal in every ranking. */
    abstract double rawPValue(double[] x, double[] y);

    /** The candidate the data favour: {@code a} when {@code x} (its ranks) tends to be lower, or null. */
    abstract @Nullable String better(String a, double[] x, String b, double[] y);

    @Override
    public SignificanceResult test(List<String> candidates, List<Ranking> rankings, double alpha) {
        RankData.check(candidates, rankings, alpha);
        int k = candidates.size();
        List<double[][]> pairData = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairData.add(paired(candidates, rankings, i, j));
            }
        }
        double[] pValues = null;
        if (rankings.stream().allMatch(r -> r.covers(candidates))) {
            double[][] matrix = pairwise(RankData.columns(RankData.fullBlocks(name(), candidates, rankings), k))
                    .pValues();
            pValues = upperTriangle(matrix, k);
        }
        if (pValues == null || hasNaN(pValues)) {
            double[] raw = new double[pairData.size()];
            for (int p = 0; p < raw.length; p++) {
                raw[p] = rawPValue(pairData.get(p)[0], pairData.get(p)[1]);
            }
            pValues = adjustment.adjust(raw);
        }
        List<PairComparison> pairs = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                String a = candidates.get(i);
                String b = candidates.get(j);
                double[][] xy = pairData.get(p);
                pairs.add(RankData.verdict(a, b, pValues[p], alpha, better(a, xy[0], b, xy[1]), xy[0].length));
                p++;
            }
        }
        return new SignificanceResult(name(), candidates, alpha, null, pairs, rankings.size(), List.of());
    }

    /**
     * The ranks of candidates i and j in every ranking that ranks both, each ranking re-ranked among the compared
     * candidates it ranks: {x, y}.
     */
    private static double[][] paired(List<String> candidates, List<Ranking> rankings, int i, int j) {
        String a = candidates.get(i);
        String b = candidates.get(j);
        List<double[]> rows = new ArrayList<>();
        for (Ranking r : rankings) {
            if (r.contains(a) && r.contains(b)) {
                List<String> present = candidates.stream().filter(r::contains).toList();
                double[] ranks = RankData.restricted(r, present);
                rows.add(new double[] {ranks[present.indexOf(a)], ranks[present.indexOf(b)]});
            }
        }
        Preconditions.checkArgument(!rows.isEmpty(), () -> "no ranking ranks both '" + a + "' and '" + b + "'");
        double[][] xy = new double[2][rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            xy[0][n] = rows.get(n)[0];
            xy[1][n] = rows.get(n)[1];
        }
        return xy;
    }

    private static double[] upperTriangle(double[][] matrix, int k) {
        double[] upper = new double[k * (k - 1) / 2];
        int p = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                upper[p++] = matrix[i][j];
            }
        }
        return upper;
    }

    private static boolean hasNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allEqual(double[] x, double[] y) {
        for (int n = 0; n < x.length; n++) {
            if (x[n] != y[n]) {
                return false;
            }
        }
        return true;
    }

    /** The Wilcoxon signed-rank test of every pair; the better side has the lower mean rank. */
    static final class WilcoxonTest extends PairedTests {
        private final Wilcoxon.ZeroMethod zeroMethod;
        private final boolean correction;

        WilcoxonTest(PAdjust adjustment, Wilcoxon.ZeroMethod zeroMethod, boolean correction) {
            super(adjustment);
            this.zeroMethod = zeroMethod;
            this.correction = correction;
        }

        @Override
        PostHocResult pairwise(double[][] columns) {
            return Wilcoxon.pairwise(columns, zeroMethod, correction, Wilcoxon.Method.AUTO, adjustment);
        }

        @Override
        double rawPValue(double[] x, double[] y) {
            if (allEqual(x, y)) {
                return 1.0;
            }
            double p = Wilcoxon.test(x, y, zeroMethod, correction, Alternative.TWO_SIDED, Wilcoxon.Method.AUTO)
                    .pValue();
            return Double.isNaN(p) ? 1.0 : p;
        }

        @Override
        @Nullable String better(String a, double[] x, String b, double[] y) {
            return RankData.lower(a, mean(x), b, mean(y));
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        @Override
        public String name() {
            return "Wilcoxon (" + adjustment.statsmodelsName() + ")";
        }
    }

    /** The sign test of every pair; the better side wins (has the lower rank) more often. */
    static final class SignTests extends PairedTests {

        SignTests(PAdjust adjustment) {
            super(adjustment);
        }

        @Override
        PostHocResult pairwise(double[][] columns) {
            return SignTest.pairwise(columns, adjustment);
        }

        @Override
        double rawPValue(double[] x, double[] y) {
            return allEqual(x, y) ? 1.0 : SignTest.test(x, y, Alternative.TWO_SIDED).pValue();
        }

        @Override
        @Nullable String better(String a, double[] x, String b, double[] y) {
            int winsOfA = 0;
            int winsOfB = 0;
            for (int n = 0; n < x.length; n++) {
                if (x[n] < y[n]) {
                    winsOfA++;
                } else if (y[n] < x[n]) {
                    winsOfB++;
                }
            }
            return RankData.lower(a, -winsOfA, b, -winsOfB);
        }

        @Override
        public String name() {
            return "Sign test (" + adjustment.statsmodelsName() + ")";
        }
    }
}
