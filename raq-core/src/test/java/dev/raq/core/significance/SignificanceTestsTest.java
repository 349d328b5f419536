package dev.raq.core.significance;

import dev.raq.core.judge.Ranking;
import dev.raq.stats.Dunn;
import dev.raq.stats.Friedman;
import dev.raq.stats.KruskalWallis;
import dev.raq.stats.OmnibusResult;
import dev.raq.stats.PAdjust;
import dev.raq.stats.PostHocResult;
import dev.raq.stats.SignTest;
import dev.raq.stats.Wilcoxon;
import dev.raq.stats.Alternative;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignificanceTestsTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    private static final double ALPHA = 0.05;

    /** Rankings of a, b, c where a tends to win and b and c are close; ties now and then. */
    private static List<Ranking> rankings(int n, long seed) {
        Random random = new Random(seed);
        List<Ranking> rankings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> scores = Map.of("a", random.nextInt(4) + 1.5, "b", (double) random.nextInt(4),
                    "c", (double) random.nextInt(4));
            rankings.add(Ranking.fromScores(scores));
        }
        return rankings;
    }

    private static double[][] blocks(List<Ranking> rankings, List<String> candidates) {
        double[][] blocks = new double[rankings.size()][candidates.size()];
        for (int i = 0; i < rankings.size(); i++) {
            for (int j = 0; j < candidates.size(); j++) {
                blocks[i][j] = rankings.get(i).rank(candidates.get(j));
            }
        }
        return blocks;
    }

    private static double[][] columns(double[][] blocks) {
        double[][] columns = new double[blocks[0].length][blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            for (int j = 0; j < blocks[0].length; j++) {
                columns[j][i] = blocks[i][j];
            }
        }
        return columns;
    }

    private static void assertPairsMatch(SignificanceResult result, PostHocResult expected, List<String> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                PairComparison pair = result.pair(candidates.get(i), candidates.get(j));
                assertThat(pair.pValue()).isEqualTo(expected.pValue(i, j));
                assertThat(pair.significant()).isEqualTo(expected.pValue(i, j) <= ALPHA);
            }
        }
    }

    private static void assertOmnibusMatches(SignificanceResult result, OmnibusResult expected) {
        assertThat(result.omnibus()).hasValueSatisfying(o -> {
            assertThat(o.test()).isEqualTo(expected.test());
            assertThat(o.statistic()).isEqualTo(expected.statistic());
            assertThat(o.pValue()).isEqualTo(expected.pValue());
            assertThat(o.defined()).isTrue();
        });
    }

    @Test
    void dunn_fullRankings_matchesKruskalWallisAndDunnOfRaqStats() {
        List<Ranking> rankings = rankings(40, 1);
        double[][] groups = columns(blocks(rankings, ABC));

        SignificanceResult result = SignificanceTests.dunn(PAdjust.HOLM).test(ABC, rankings, ALPHA);

        assertThat(result.test()).isEqualTo("Dunn (holm)");
        assertThat(result.candidates()).isEqualTo(ABC);
        assertOmnibusMatches(result, KruskalWallis.test(groups));
        assertPairsMatch(result, Dunn.test(groups, PAdjust.HOLM), ABC);
        assertThat(result.pair("a", "b").better()).isEqualTo("a");
        assertThat(result.pair("a", "c").better()).isEqualTo("a");
        assertThat(result.pair("a", "b").significant()).isTrue();
    }

    @Test
    void friedmanNemenyi_fullRankings_matchesFriedmanAndNemenyiOfRaqStats() {
        List<Ranking> rankings = rankings(25, 2);
        double[][] blocks = blocks(rankings, ABC);

        SignificanceResult result = SignificanceTests.friedmanNemenyi().test(ABC, rankings, ALPHA);

        assertThat(result.test()).isEqualTo("Friedman-Nemenyi");
        assertOmnibusMatches(result, Friedman.test(blocks));
        assertPairsMatch(result, Friedman.nemenyi(blocks), ABC);
        assertThat(result.pair("a", "c").better()).isEqualTo("a");
    }

    @Test
    void friedmanConover_fullRankings_matchesConoverOfRaqStats() {
        List<Ranking> rankings = rankings(25, 3);
        double[][] blocks = blocks(rankings, ABC);

        SignificanceResult result = SignificanceTests.friedmanConover(PAdjust.FDR_BH).test(ABC, rankings, ALPHA);

        assertThat(result.test()).isEqualTo("Friedman-Conover (fdr_bh)");
        assertOmnibusMatches(result, Friedman.test(blocks));
        assertPairsMatch(result, Friedman.conover(blocks, PAdjust.FDR_BH), ABC);
    }

    @Test
    void friedman_twoCandidates_hasNoOmnibusButPairs() {
        List<Ranking> rankings = List.of(Ranking.fromOrder(List.of("a", "b")), Ranking.fromOrder(List.of("a", "b")),
                Ranking.fromOrder(List.of("b", "a")));

        SignificanceResult result = SignificanceTests.friedmanNemenyi().test(List.of("a", "b"), rankings, ALPHA);

        assertThat(result.omnibus()).isEmpty();
        assertThat(result.pair("a", "b").better()).isEqualTo("a");
        assertPairsMatch(result, Friedman.nemenyi(blocks(rankings, List.of("a", "b"))), List.of("a", "b"));
    }

    @Test
    void wilcoxon_fullRankings_matchesPairwiseWilcoxonOfRaqStats() {
        List<Ranking> rankings = rankings(30, 4);
        double[][] columns = columns(blocks(rankings, ABC));

        SignificanceResult result = SignificanceTests.wilcoxon(PAdjust.HOLM).test(ABC, rankings, ALPHA);

        assertThat(result.test()).isEqualTo("Wilcoxon (holm)");
        assertThat(result.omnibus()).isEmpty();
        assertPairsMatch(result, Wilcoxon.pairwise(columns, Wilcoxon.ZeroMethod.WILCOX, false, Wilcoxon.Method.AUTO,
                PAdjust.HOLM), ABC);
        assertThat(result.pair("a", "b").better()).isEqualTo("a");
    }

    @Test
    void signTest_fullRankings_matchesPairwiseSignTestOfRaqStats() {
        List<Ranking> rankings = rankings(30, 5);
        double[][] columns = columns(blocks(rankings, ABC));

        SignificanceResult result = SignificanceTests.signTest(PAdjust.BONFERRONI).test(ABC, rankings, ALPHA);

        assertThat(result.test()).isEqualTo("Sign test (bonferroni)");
        assertPairsMatch(result, SignTest.pairwise(columns, PAdjust.BONFERRONI), ABC);
        assertThat(result.pair("a", "c").better()).isEqualTo("a");
    }

    @Test
    void pairedTests_partialRankings_testEachPairOnTheRankingsThatRankBoth() {
        List<Ranking> rankings = new ArrayList<>();
        for (Ranking full : rankings(24, 6)) {
            rankings.add(full);
        }
        rankings.add(Ranking.fromOrder(List.of("a", "b")));
        rankings.add(Ranking.fromTiers(List.of(List.of("b", "c"))));
        rankings.add(Ranking.fromOrder(List.of("c", "a")));
        double[] rawWilcoxon = new double[3];
        double[] rawSign = new double[3];
        int p = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Ranking r : rankings) {
                    if (r.contains(ABC.get(i)) && r.contains(ABC.get(j))) {
                        x.add(r.rank(ABC.get(i)));
                        y.add(r.rank(ABC.get(j)));
                    }
                }
                double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
                double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
                rawWilcoxon[p] = Wilcoxon.test(xs, ys, Wilcoxon.ZeroMethod.WILCOX, false, Alternative.TWO_SIDED,
                        Wilcoxon.Method.AUTO).pValue();
                rawSign[p] = SignTest.test(xs, ys, Alternative.TWO_SIDED).pValue();
                p++;
            }
        }
        double[] wilcoxon = PAdjust.HOLM.adjust(rawWilcoxon);
        double[] sign = PAdjust.HOLM.adjust(rawSign);

        SignificanceResult w = SignificanceTests.wilcoxon(PAdjust.HOLM).test(ABC, rankings, ALPHA);
        SignificanceResult s = SignificanceTests.signTest(PAdjust.HOLM).test(ABC, rankings, ALPHA);

        assertThat(w.pValue("a", "b")).isEqualTo(wilcoxon[0]);
        assertThat(w.pValue("a", "c")).isEqualTo(wilcoxon[1]);
        assertThat(w.pValue("b", "c")).isEqualTo(wilcoxon[2]);
        assertThat(s.pValue("a", "b")).isEqualTo(sign[0]);
        assertThat(s.pValue("a", "c")).isEqualTo(sign[1]);
        assertThat(s.pValue("b", "c")).isEqualTo(sign[2]);
    }

    @Test
    void fullTests_partialRankings_leftOutAndCounted() {
        List<Ranking> rankings = List.of(Ranking.fromOrder(ABC), Ranking.fromOrder(List.of("a", "b")),
                Ranking.fromOrder(ABC), Ranking.fromOrder(List.of("b", "a", "c")));

        SignificanceResult friedman = SignificanceTests.friedmanNemenyi().test(ABC, rankings, ALPHA);
        SignificanceResult onComplete = SignificanceTests.friedmanNemenyi().test(ABC,
                List.of(rankings.get(0), rankings.get(2), rankings.get(3)), ALPHA);
        assertThat(friedman.observations()).isEqualTo(4);
        assertThat(friedman.pairs()).allSatisfy(p -> assertThat(p.n()).isEqualTo(3));
        assertThat(friedman.pairs()).extracting(PairComparison::pValue)
                .isEqualTo(onComplete.pairs().stream().map(PairComparison::pValue).toList());
        assertThat(friedman.toString()).contains("Of 4 observations, some pairs rest on fewer (as few as 3)");
        assertThat(SignificanceTests.dunn(PAdjust.HOLM).test(ABC, rankings, ALPHA).notes())
                .singleElement().asString().contains("about twice alpha");
    }

    @Test
    void fullTests_noCompleteRanking_isRejectedNamingTheRemedy() {
        List<Ranking> rankings = List.of(Ranking.fromOrder(List.of("a", "b")), Ranking.fromOrder(List.of("b", "c")));

        assertThatThrownBy(() -> SignificanceTests.dunn(PAdjust.HOLM).test(ABC, rankings, ALPHA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("none of the 2 rankings ranks every candidate, and Dunn (holm) needs "
                        + "complete rankings").hasMessageContaining("SignificanceTests.wilcoxon or signTest");
    }

    @Test
    void pairedTests_pairNeverRankedTogether_isRejected() {
        List<Ranking> rankings = List.of(Ranking.fromOrder(List.of("a", "b")), Ranking.fromOrder(List.of("b", "c")));

        assertThatThrownBy(() -> SignificanceTests.signTest(PAdjust.HOLM).test(ABC, rankings, ALPHA))
                .hasMessage("no ranking ranks both 'a' and 'c'");
    }

    @Test
    void everyRankTied_isUndefinedOmnibusAndNoSignificantPair() {
        Ranking allTied = Ranking.fromTiers(List.of(ABC));
        List<Ranking> rankings = List.of(allTied, allTied, allTied, allTied);

        for (SignificanceTest test : List.of(SignificanceTests.dunn(PAdjust.HOLM), SignificanceTests.friedmanNemenyi(),
                SignificanceTests.friedmanConover(PAdjust.HOLM), SignificanceTests.wilcoxon(PAdjust.HOLM),
                SignificanceTests.signTest(PAdjust.HOLM))) {
            SignificanceResult result = test.test(ABC, rankings, ALPHA);
            assertThat(result.pairs()).as(test.name()).allSatisfy(pair -> {
                assertThat(pair.pValue()).isEqualTo(1.0);
                assertThat(pair.significant()).isFalse();
                assertThat(pair.better()).isNull();
            });
            result.omnibus().ifPresent(o -> assertThat(o.defined()).as(test.name()).isFalse());
        }
    }

    @Test
    void wilcoxon_onePairAlwaysTied_getsPOneAndTheOthersAreStillAdjusted() {
        List<Ranking> rankings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rankings.add(Ranking.fromTiers(List.of(List.of("a"), List.of("b", "c"))));
        }

        SignificanceResult result = SignificanceTests.wilcoxon(PAdjust.FDR_BH).test(ABC, rankings, ALPHA);

        assertThat(result.pValue("b", "c")).isEqualTo(1.0);
        assertThat(result.pair("b", "c").better()).isNull();
        assertThat(result.isSignificant("a", "b")).isTrue();
        assertThat(result.pair("a", "b").better()).isEqualTo("a");
    }

    @Test
    void rankingsOfMoreCandidates_countWithTheComparedOnesReRanked() {
        List<Ranking> wide = List.of(Ranking.fromOrder(List.of("a", "x", "b", "c")),
                Ranking.fromOrder(List.of("x", "b", "a", "c")), Ranking.fromOrder(List.of("a", "c", "x", "b")));
        List<Ranking> narrow = List.of(Ranking.fromOrder(List.of("a", "b", "c")),
                Ranking.fromOrder(List.of("b", "a", "c")), Ranking.fromOrder(List.of("a", "c", "b")));

        for (SignificanceTest test : List.of(SignificanceTests.dunn(PAdjust.HOLM), SignificanceTests.friedmanNemenyi(),
                SignificanceTests.wilcoxon(PAdjust.HOLM), SignificanceTests.signTest(PAdjust.HOLM))) {
            assertThat(test.test(ABC, wide, ALPHA).pairs()).as(test.name())
                    .isEqualTo(test.test(ABC, narrow, ALPHA).pairs());
        }
    }

    @Test
    void badArguments_areRejectedNamingThem() {
        SignificanceTest dunn = SignificanceTests.dunn(PAdjust.HOLM);
        List<Ranking> rankings = rankings(5, 7);

        assertThatThrownBy(() -> dunn.test(ABC, rankings, 1.5)).hasMessage("alpha must be in (0, 1) but was 1.5");
        assertThatThrownBy(() -> dunn.test(List.of("a"), rankings, ALPHA))
                .hasMessage("candidates must hold at least two names but had 1");
        assertThatThrownBy(() -> dunn.test(List.of("a", "b", "a"), rankings, ALPHA))
                .hasMessage("candidates[2] 'a' appears twice");
        assertThatThrownBy(() -> dunn.test(ABC, List.of(), ALPHA)).hasMessage("rankings must not be empty");
        assertThatThrownBy(() -> SignificanceTests.friedmanConover(PAdjust.HOLM).test(ABC, rankings.subList(0, 1),
                ALPHA)).hasMessage("Friedman-Conover (holm) needs at least 2 complete rankings but got 1");
    }

    @Test
    void wilcoxon_withZeroMethodAndCorrection_matchesPairwiseWilcoxonOfRaqStats() {
        List<Ranking> rankings = rankings(30, 8);
        double[][] columns = columns(blocks(rankings, ABC));

        SignificanceResult result = SignificanceTests.wilcoxon(PAdjust.HOLM, Wilcoxon.ZeroMethod.ZSPLIT, true)
                .test(ABC, rankings, ALPHA);

        assertPairsMatch(result, Wilcoxon.pairwise(columns, Wilcoxon.ZeroMethod.ZSPLIT, true, Wilcoxon.Method.AUTO,
                PAdjust.HOLM), ABC);
    }
}
