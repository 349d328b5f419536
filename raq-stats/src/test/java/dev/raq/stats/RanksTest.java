package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RanksTest {

    @Test
    void rank_ties_getAverageRanks() {
        assertThat(Ranks.rank(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
    }

    @Test
    void rank_eachTieMethod_matchesScipyDocExample() {
        double[] a = {0, 2, 3, 2};
        assertThat(Ranks.rank(a, TieMethod.MIN)).containsExactly(1, 2, 4, 2);
        assertThat(Ranks.rank(a, TieMethod.MAX)).containsExactly(1, 3, 4, 3);
        assertThat(Ranks.rank(a, TieMethod.DENSE)).containsExactly(1, 2, 3, 2);
        assertThat(Ranks.rank(a, TieMethod.ORDINAL)).containsExactly(1, 2, 4, 3);
    }

    @Test
    void rank_largeInput_isStableForOrdinal() {
        double[] a = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 7;
        }
        double[] r = Ranks.rank(a, TieMethod.ORDINAL);
        // the first 0 comes first, the second 0 (index 7) second
        assertThat(r[0]).isEqualTo(1);
        assertThat(r[7]).isEqualTo(2);
    }

    @Test
    void rank_nan_isRejectedWithItsIndex() {
        assertThatThrownBy(() -> Ranks.rank(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("values[1] is NaN");
    }

    @Test
    void tieCubeSum_countsEachGroup() {
        // groups of 2 and 3: (8-2) + (27-3) = 30
        assertThat(Ranks.tieCubeSum(new double[] {1, 1, 2, 3, 3, 3})).isEqualTo(30);
        assertThat(Ranks.tieCubeSum(new double[] {1, 2, 3})).isZero();
    }
}
