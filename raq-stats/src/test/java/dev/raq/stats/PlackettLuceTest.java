package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlackettLuceTest {

    /** Draws a Plackett–Luce ranking of the items with these worths. */
    private static int[] draw(double[] worth, SplittableRandom random) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < worth.length; i++) {
            left.add(i);
        }
        int[] out = new int[worth.length];
        for (int s = 0; s < out.length; s++) {
            double total = left.stream().mapToDouble(i -> worth[i]).sum();
            double u = random.nextDouble() * total;
            int pick = left.get(left.size() - 1);
            for (int i : left) {
                u -= worth[i];
                if (u <= 0) {
                    pick = i;
                    break;
                }
            }
            out[s] = pick;
            left.remove(Integer.valueOf(pick));
        }
        return out;
    }

    @Test
    void fit_simulatedRankings_recoversTheWorths() {
        double[] truth = {0.4, 0.3, 0.2, 0.1};
        SplittableRandom random = new SplittableRandom(5);
        int[][] rankings = new int[20_000][];
        for (int j = 0; j < rankings.length; j++) {
            rankings[j] = draw(truth, random);
        }
        double[] fitted = PlackettLuce.fit(4, rankings);
        for (int i = 0; i < 4; i++) {
            assertThat(fitted[i]).as("item " + i).isCloseTo(truth[i], within(0.01));
        }
    }

    @Test
    void intervals_coverTheTrueWorthsAtAboutTheirLevel_andNarrowWithMoreRankings() {
        double[] truth = {0.4, 0.3, 0.2, 0.1};
        int covered = 0;
        int total = 0;
        double narrowWidth = 0;
        double wideWidth = 0;
        for (int rep = 0; rep < 20; rep++) {
            SplittableRandom random = new SplittableRandom(100 + rep);
            int[][] rankings = new int[300][];
            for (int j = 0; j < rankings.length; j++) {
                rankings[j] = draw(truth, random);
            }
            ConfidenceInterval[] ci = PlackettLuce.intervals(4, rankings,
                    Bootstrap.builder().rounds(200).seed(rep).build());
            for (int i = 0; i < 4; i++) {
                covered += ci[i].lower() <= truth[i] && truth[i] <= ci[i].upper() ? 1 : 0;
                total++;
                wideWidth += ci[i].upper() - ci[i].lower();
            }
            ConfidenceInterval[] more = PlackettLuce.intervals(4, java.util.Arrays.copyOf(
                    java.util.stream.Stream.concat(java.util.Arrays.stream(rankings),
                            java.util.stream.IntStream.range(0, 900).mapToObj(j -> draw(truth, random)))
                            .toArray(int[][]::new), 1200), Bootstrap.builder().rounds(200).seed(rep).build());
            for (int i = 0; i < 4; i++) {
                narrowWidth += more[i].upper() - more[i].lower();
            }
        }
        // 80 intervals at 95%: about 76 cover; 68 or fewer would be a 3-SE shortfall
        assertThat(covered).as("covered of " + total).isGreaterThan(68);
        assertThat(narrowWidth).as("4× the rankings: about half as wide").isBetween(0.4 * wideWidth, 0.6 * wideWidth);
    }

    @Test
    void fit_pairwiseRankings_isTheBradleyTerryMaximumLikelihood() {
        SplittableRandom random = new SplittableRandom(9);
        double[] truth = {0.5, 0.3, 0.2};
        List<int[]> pairs = new ArrayList<>();
        Battles.Builder battles = Battles.builder();
        String[] names = {"p0", "p1", "p2"};
        for (int j = 0; j < 3000; j++) {
            int a = random.nextInt(3);
            int b = (a + 1 + random.nextInt(2)) % 3;
            boolean aWins = random.nextDouble() < truth[a] / (truth[a] + truth[b]);
            pairs.add(aWins ? new int[] {a, b} : new int[] {b, a});
            battles.add(names[a], names[b], aWins ? Outcome.A_WINS : Outcome.B_WINS);
        }
        double[] pl = PlackettLuce.fit(3, pairs.toArray(new int[0][]));
        Ratings bt = BradleyTerry.builder().build().fit(battles.build());
        // Bradley-Terry ratings on the Elo scale: rating difference = 400 log10(worth ratio)
        for (int i = 1; i < 3; i++) {
            assertThat(bt.rating(names[0]) - bt.rating(names[i]))
                    .isCloseTo(400 * Math.log10(pl[0] / pl[i]), within(1e-6));
        }
    }

    @Test
    void intervals_aResampleWhereAnItemNeverWins_namesTheRound() {
        int[][] rankings = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
        assertThatThrownBy(() -> PlackettLuce.intervals(3, rankings, Bootstrap.builder().rounds(200).seed(1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap round")
                .hasMessageContaining("more rankings help");
    }

    @Test
    void fit_twoTiersNeverCrossed_refusedNamingTheLowerTier_thoughEveryItemWinsAndLoses() {
        int[][] rankings = {{0, 1, 2, 3}, {1, 0, 3, 2}, {0, 1, 3, 2}, {1, 0, 2, 3}};
        assertThatThrownBy(() -> PlackettLuce.fit(4, rankings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items [2, 3] are never ranked above the other items");
    }

    @Test
    void fit_itemThatNeverLoses_refusedNamingIt() {
        assertThatThrownBy(() -> PlackettLuce.fit(3, new int[][] {{0, 1, 2}, {0, 2, 1}}))
                .hasMessageContaining("item 0 is never ranked below another item");
        assertThatThrownBy(() -> PlackettLuce.fit(3, new int[][] {{0, 1}, {1, 0}}))
                .hasMessageContaining("item 2 is in no ranking");
        assertThatThrownBy(() -> PlackettLuce.fit(2, new int[][] {{0, 0}}))
                .hasMessageContaining("twice");
    }
}
