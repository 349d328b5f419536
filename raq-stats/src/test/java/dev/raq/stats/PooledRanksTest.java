package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PooledRanksTest {

    @Test
    void of_randomTiedGroups_matchesRankingThePooledData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + random.nextInt(6);
            double[][] groups = new double[k][];
            int total = 0;
            for (int g = 0; g < k; g++) {
                groups[g] = new double[1 + random.nextInt(30)];
                for (int i = 0; i < groups[g].length; i++) {
                    // few distinct values (many ties), including both signed zeros
                    int v = random.nextInt(9) - 4;
                    groups[g][i] = v == 0 && random.nextBoolean() ? -0.0 : v * 0.5;
                }
                total += groups[g].length;
            }
            double[] pooled = new double[total];
            int offset = 0;
            for (double[] group : groups) {
                System.arraycopy(group, 0, pooled, offset, group.length);
                offset += group.length;
            }
            double[] ranks = Ranks.rank(pooled);
            PooledRanks r = PooledRanks.of(groups);
            offset = 0;
            for (int g = 0; g < k; g++) {
                double expected = 0;
                for (int i = 0; i < groups[g].length; i++) {
                    expected += ranks[offset + i];
                }
                offset += groups[g].length;
                assertThat(r.rankSums[g]).as("trial %d group %d", trial, g).isCloseTo(expected, within(1e-9));
            }
            assertThat(r.tieCubeSum).isEqualTo(Ranks.tieCubeSum(pooled));
            assertThat(r.total).isEqualTo(total);
        }
    }
}
