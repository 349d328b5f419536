package dev.raq.core.judge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTest {

    @Test
    void fromOrder_bestFirst_ranksOneToN() {
        Ranking r = Ranking.fromOrder(List.of("b", "a", "c"));
        assertThat(r.rank("b")).isEqualTo(1.0);
        assertThat(r.rank("c")).isEqualTo(3.0);
        assertThat(r.candidates()).containsExactly("b", "a", "c");
    }

    @Test
    void fromScores_equalScores_shareAverageRank() {
        Ranking r = Ranking.fromScores(Map.of("a", 0.9, "b", 0.5, "c", 0.5, "d", 0.1));
        assertThat(r.ranks()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1.0, "b", 2.5, "c", 2.5, "d", 4.0));
    }

    @Test
    void new_ranksThatAreNotAverageRanks_areRejected() {
        assertThatThrownBy(() -> new Ranking(Map.of("a", 1.0, "b", 1.0, "c", 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("should have rank 1.5");
        assertThatThrownBy(() -> new Ranking(Map.of("a", 1.0)))
                .hasMessageContaining("at least two candidates");
    }

    @Test
    void pairwiseTie_isOnePointFiveEach() {
        Ranking tie = Ranking.fromTiers(List.of(List.of("a", "b")));
        assertThat(tie.rank("a")).isEqualTo(1.5);
        assertThat(tie.compare("a", "b")).isZero();
    }

    @Test
    void rank_unknownCandidate_namesTheRankedOnes() {
        assertThatThrownBy(() -> Ranking.fromOrder(List.of("a", "b")).rank("z"))
                .hasMessageContaining("'z' is not ranked here; ranked: [a, b]");
    }
}
