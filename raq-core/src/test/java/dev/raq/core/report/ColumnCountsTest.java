package dev.raq.core.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.McNemar;
import dev.raq.stats.PairedDifference;
import dev.raq.stats.PairedDifferenceResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Coded columns read back what was added, and large reports computed from their counts equal the values copied out. */
class ColumnCountsTest {

    private static final Bootstrap BOOTSTRAP = Bootstrap.builder().rounds(1000).confidence(0.95).seed(42).build();

    @Test
    void doubleColumn_readsBackBitForBit_andTurnsIntoPlainDoublesPastItsDictionary() {
        DoubleColumn column = new DoubleColumn();
        double[] special = {Double.NaN, -0.0, 0.0, 1.5, Double.longBitsToDouble(0x7ff8000000000123L)};
        List<Double> added = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            double v = i % 7 == 0 ? special[random.nextInt(special.length)] : random.nextInt(250) / 4.0;
            column.add(v);
            added.add(v);
        }
        assertThat(column.coded()).isTrue();
        assertThat(column.distinct()).isLessThanOrEqualTo(DoubleColumn.MAX_CODES);
        for (int i = 0; i < added.size(); i++) {
            assertThat(Double.doubleToRawLongBits(column.get(i))).isEqualTo(Double.doubleToRawLongBits(added.get(i)));
            assertThat(Double.doubleToRawLongBits(column.decode(column.code(i))))
                    .isEqualTo(Double.doubleToRawLongBits(added.get(i)));
        }
        for (int i = 0; i < 300; i++) { // more distinct values than one byte codes
            column.add(1000 + i);
            added.add(1000.0 + i);
        }
        assertThat(column.coded()).isFalse();
        assertThat(column.size()).isEqualTo(added.size());
        for (int i = 0; i < added.size(); i++) {
            assertThat(Double.doubleToRawLongBits(column.get(i))).isEqualTo(Double.doubleToRawLongBits(added.get(i)));
        }
        assertThatThrownBy(() -> column.code(0)).hasMessageContaining("no longer coded");
        assertThatThrownBy(() -> column.get(added.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void summaryFromCounts_isTheSummaryOfTheValuesCopiedOut() {
        for (int distinct : new int[] {2, 3, 11, 200}) {
            Random random = new Random(distinct);
            DoubleColumn column = new DoubleColumn();
            List<Double> present = new ArrayList<>();
            int rows = ValueSummary.LARGE + 3_001;
            for (int i = 0; i < rows; i++) {
                double v = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(distinct) / 10.0;
                column.add(v);
                if (!Double.isNaN(v)) {
                    present.add(v);
                }
            }
            ValueSummary expected = ValueSummary.of(present.stream().mapToDouble(Double::doubleValue).toArray(),
                    BOOTSTRAP);
            ValueSummary counted = ColumnCounts.summary(column, rows, BOOTSTRAP.confidence());
            assertThat(counted.n()).isEqualTo(expected.n());
            assertThat(counted.median()).isEqualTo(expected.median());
            assertThat(counted.mean()).isCloseTo(expected.mean(), within(1e-13));
            assertThat(counted.sd()).isCloseTo(expected.sd(), within(1e-13));
            assertThat(counted.meanInterval().lower()).isCloseTo(expected.meanInterval().lower(), within(1e-13));
            assertThat(counted.meanInterval().upper()).isCloseTo(expected.meanInterval().upper(), within(1e-13));
            assertThat(ColumnCounts.summary(column, rows, null).meanInterval()).isNull();
        }
    }

    @Test
    void medianFromCounts_whereTheMiddleFallsOnTheBoundaryBetweenTwoValues() {
        long[][] cases = {{10_001, 10_001}, {10_001, 10_000}, {10_000, 10_001}, {10_000, 10_002}, {1, 20_001}};
        for (long[] counts : cases) {
            double[] written = new double[(int) (counts[0] + counts[1])];
            java.util.Arrays.fill(written, (int) counts[0], written.length, 1.0);
            assertThat(ValueSummary.ofCounts(new double[] {0, 1}, counts, null).median())
                    .as("%d zeros and %d ones", counts[0], counts[1]).isEqualTo(ValueSummary.of(written).median());
        }
        assertThat(ValueSummary.ofCounts(new double[] {0, 1}, new long[] {10_001, 10_001}, null).median())
                .isEqualTo(0.5);
    }

    @Test
    void summaryFromCounts_onlyAboveTheLargeThreshold() {
        assertThatThrownBy(() -> ValueSummary.ofCounts(new double[] {1, 2}, new long[] {5, 5}, 0.95))
                .hasMessageContaining("more than " + ValueSummary.LARGE);
    }

    @Test
    void pairsFromCounts_giveThePairedDifferenceAndMcNemarOfTheRowsCopiedOut() {
        Random random = new Random(5);
        DoubleColumn a = new DoubleColumn();
        DoubleColumn b = new DoubleColumn();
        List<double[]> both = new ArrayList<>();
        int rows = ValueSummary.LARGE + 500;
        for (int i = 0; i < rows; i++) {
            double x = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(2);
            double y = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(3) == 0 ? 1 : 0;
            a.add(x);
            b.add(y);
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                both.add(new double[] {x, y});
            }
        }
        double[] xs = both.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = both.stream().mapToDouble(p -> p[1]).toArray();
        PairedDifferenceResult expected = PairedDifference.of(xs, ys, 0.95);
        ColumnCounts.Pairs pairs = ColumnCounts.pairs(a, b, rows);
        PairedDifferenceResult counted = PairedDifference.ofCounts(pairs.a(), pairs.b(), pairs.counts(), 0.95);
        assertThat(counted.n()).isEqualTo(expected.n());
        assertThat(counted.rankBiserial()).isEqualTo(expected.rankBiserial());
        assertThat(counted.meanDifference()).isCloseTo(expected.meanDifference(), within(1e-13));
        assertThat(counted.tPValue()).isCloseTo(expected.tPValue(), within(1e-13));
        assertThat(counted.correlation()).isCloseTo(expected.correlation(), within(1e-13));
        int firstOnly = 0;
        int secondOnly = 0;
        for (int i = 0; i < xs.length; i++) {
            firstOnly += xs[i] == 1 && ys[i] == 0 ? 1 : 0;
            secondOnly += xs[i] == 0 && ys[i] == 1 ? 1 : 0;
        }
        assertThat(pairs.mcnemar()).isEqualTo(McNemar.test(firstOnly, secondOnly));
        DoubleColumn graded = new DoubleColumn();
        for (int i = 0; i < rows; i++) {
            graded.add(i % 3);
        }
        assertThat(ColumnCounts.pairs(a, graded, rows).mcnemar()).isNull();
    }

    @Test
    void largeReport_summariesAndPairedDifferencesFromCounts_equalThoseOfItsRankingsCopiedOut() {
        Random random = new Random(9);
        int n = ValueSummary.LARGE + 1_000;
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j")).seed(3);
        double[] scoreA = new double[n];
        double[] scoreB = new double[n];
        for (int i = 0; i < n; i++) {
            scoreA[i] = random.nextInt(10) / 10.0; // tenths: summing them one by one rounds
            scoreB[i] = random.nextInt(7) / 10.0;
            Ranking r = scoreA[i] > scoreB[i] ? Ranking.fromOrder(List.of("a", "b"))
                    : scoreA[i] < scoreB[i] ? Ranking.fromOrder(List.of("b", "a"))
                    : Ranking.fromTiers(List.of(List.of("a", "b")));
            b.add(new SampleResult(i, Sample.of("s" + i, "q"), List.of(), List.of(new Judgment("j", "s" + i,
                    List.of(JudgeCall.ranked(List.of("a", "b"), null, r, Map.of())),
                    Map.of("a", scoreA[i], "b", scoreB[i]))), null));
        }
        EvaluationReport report = b.build();
        double[] ranksA = report.rankings().stream().mapToDouble(r -> r.rank("a")).toArray();
        double[] ranksB = report.rankings().stream().mapToDouble(r -> r.rank("b")).toArray();
        ValueSummary rankA = ValueSummary.of(ranksA, BOOTSTRAP);
        assertThat(report.candidate("a").rank().median()).isEqualTo(rankA.median());
        assertThat(report.candidate("a").rank().mean()).isCloseTo(rankA.mean(), within(1e-13));
        assertThat(report.candidate("a").rank().meanInterval().lower())
                .isCloseTo(rankA.meanInterval().lower(), within(1e-13));
        ValueSummary scoresB = ValueSummary.of(scoreB, BOOTSTRAP);
        ValueSummary reportedB = report.judgeSummaries().get(0).scores().get("b");
        assertThat(reportedB.n()).isEqualTo(n);
        assertThat(reportedB.sd()).isCloseTo(scoresB.sd(), within(1e-13));
        PairDifference rank = report.pairDifferences().stream().filter(d -> d.measure().equals("rank"))
                .findFirst().orElseThrow();
        PairedDifferenceResult expectedRank = PairedDifference.of(ranksA, ranksB, 0.95);
        assertThat(rank.difference().tStatistic()).isCloseTo(expectedRank.tStatistic(), within(1e-9));
        assertThat(rank.difference().rankBiserial()).isEqualTo(expectedRank.rankBiserial());
        assertThat(rank.bootstrapInterval().upper()).isCloseTo(ValueSummary.normalInterval(
                expectedRank.meanDifference(), expectedRank.sdDifference(), n, 0.95).upper(), within(1e-13));
        PairDifference score = report.pairDifferences().stream().filter(d -> d.measure().equals("j"))
                .findFirst().orElseThrow();
        assertThat(score.difference().meanDifference()).isCloseTo(
                PairedDifference.of(scoreA, scoreB, 0.95).meanDifference(), within(1e-13));
        assertThat(score.mcnemar()).isNull(); // graded, not pass/fail

        // the report took the counts path: its sums are the exact per-value ones, not the rounded one-by-one sums
        ValueSummary scoresA = ValueSummary.of(scoreA, BOOTSTRAP);
        long[] tenths = new long[10];
        for (double v : scoreA) {
            tenths[(int) Math.round(v * 10)]++;
        }
        double[] values = java.util.stream.IntStream.range(0, 10).mapToDouble(k -> k / 10.0).toArray();
        ValueSummary counted = ValueSummary.ofCounts(values, tenths, 0.95);
        assertThat(counted.mean()).as("the test needs sums that round differently").isNotEqualTo(scoresA.mean());
        assertThat(report.judgeSummaries().get(0).scores().get("a").mean()).isEqualTo(counted.mean());
        DoubleColumn columnA = new DoubleColumn(); // the same columns as the report's: values in sample order
        DoubleColumn columnB = new DoubleColumn();
        for (int i = 0; i < n; i++) {
            columnA.add(scoreA[i]);
            columnB.add(scoreB[i]);
        }
        ColumnCounts.Pairs pairs = ColumnCounts.pairs(columnA, columnB, n);
        PairedDifferenceResult countedDifference = PairedDifference.ofCounts(pairs.a(), pairs.b(), pairs.counts(),
                0.95);
        assertThat(countedDifference.sdDifference()).as("the test needs sums that round differently")
                .isNotEqualTo(PairedDifference.of(scoreA, scoreB, 0.95).sdDifference());
        assertThat(score.difference().sdDifference()).isEqualTo(countedDifference.sdDifference());
    }
}
