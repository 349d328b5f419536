package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FriedmanBlocksTest {

    /** n blocks of k small integers: many ties within blocks. */
    private static double[][] matrix(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[n][k];
        for (double[] row : m) {
            for (int j = 0; j < k; j++) {
                row[j] = random.nextInt(4) + (j == 0 ? 0.5 : 0);
            }
        }
        return m;
    }

    private static FriedmanBlocks added(double[][] m) {
        FriedmanBlocks blocks = new FriedmanBlocks(m[0].length);
        for (double[] row : m) {
            blocks.add(row);
        }
        return blocks;
    }

    /** Equal to the bit, NaN included (the undefined cases: one block, all ties). */
    private static void assertSameBits(double[][] actual, double[][] expected) {
        assertThat(Arrays.deepEquals(actual, expected)).as("%s vs %s", Arrays.deepToString(actual),
                Arrays.deepToString(expected)).isTrue();
    }

    @Test
    void blocksAddedOneAtATime_giveTheMatrixResults_toTheLastBit() {
        for (int k : new int[] {2, 3, 5, 30}) {
            for (int n : new int[] {1, 2, 17, 500}) {
                double[][] m = matrix(n, k, 31L * n + k);
                FriedmanBlocks blocks = added(m);
                assertThat(blocks.blocks()).isEqualTo(n);
                for (PAdjust adjustment : new PAdjust[] {PAdjust.NONE, PAdjust.HOLM, PAdjust.BONFERRONI}) {
                    PostHocResult expected = Friedman.conover(m, adjustment);
                    PostHocResult actual = Friedman.conover(blocks, adjustment);
                    assertSameBits(actual.pValues(), expected.pValues());
                    assertSameBits(actual.statistics(), expected.statistics());
                    assertThat(actual.test()).isEqualTo(expected.test());
                }
                assertSameBits(Friedman.nemenyi(blocks).pValues(), Friedman.nemenyi(m).pValues());
                if (k >= 3) {
                    assertThat(Friedman.test(blocks)).isEqualTo(Friedman.test(m));
                }
                for (int j = 0; j < k; j++) {
                    double sum = 0;
                    for (double[] row : m) {
                        sum += Ranks.rank(row)[j];
                    }
                    assertThat(blocks.meanRank(j)).isEqualTo(sum / n);
                }
            }
        }
    }

    @Test
    void badBlocksAndTooFewTreatmentsOrBlocks_areRefusedSayingWhich() {
        FriedmanBlocks blocks = new FriedmanBlocks(3).add(1, 2, 3);
        assertThatThrownBy(() -> blocks.add(1, 2)).hasMessage("block 1 has 2 values but there are 3 treatments");
        assertThatThrownBy(() -> blocks.add(1, Double.NaN, 3)).hasMessage("block 1: value 1 is NaN");
        assertThat(blocks.blocks()).isEqualTo(1);
        assertThatThrownBy(() -> Friedman.test(new FriedmanBlocks(2).add(1, 2)))
                .hasMessage("Friedman needs at least 3 treatments but there are 2");
        assertThatThrownBy(() -> Friedman.conover(new FriedmanBlocks(3), PAdjust.HOLM))
                .hasMessage("no blocks were added: at least one block is needed");
        assertThatThrownBy(() -> new FriedmanBlocks(1)).hasMessage("treatments must be at least 2 but was 1");
        assertThat(new FriedmanBlocks(2).meanRank(0)).isNaN();
    }
}
