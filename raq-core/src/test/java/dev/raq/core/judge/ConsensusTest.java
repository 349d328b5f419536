package dev.raq.core.judge;

import dev.raq.stats.Agreement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsensusTest {

    private static Ranking order(String... bestFirst) {
        return Ranking.fromOrder(List.of(bestFirst));
    }

    private static JudgeCall call(Ranking r) {
        return JudgeCall.ranked(List.of(), "{}", r, Map.of());
    }

    @Test
    void medianRank_threeJudges_takesTheMedianRankPerCandidate() {
        // a: 1,1,3 -> 1; b: 2,3,1 -> 2; c: 3,2,2 -> 2 => a 1, b and c tie at 2.5
        Ranking consensus = Consensus.medianRank(List.of(order("a", "b", "c"), order("a", "c", "b"),
                order("b", "c", "a")));

        assertThat(consensus.ranks()).isEqualTo(Map.of("a", 1.0, "b", 2.5, "c", 2.5));
    }

    @Test
    void medianRank_evenNumberOfJudges_averagesTheMiddleTwo() {
        // a: 1,2 -> 1.5; b: 2,1 -> 1.5; c: 3,3 -> 3
        Ranking consensus = Consensus.medianRank(List.of(order("a", "b", "c"), order("b", "a", "c")));

        assertThat(consensus.ranks()).isEqualTo(Map.of("a", 1.5, "b", 1.5, "c", 3.0));
    }

    @Test
    void medianRank_oneWaywardJudge_doesNotMoveTheConsensus() {
        Ranking consensus = Consensus.medianRank(List.of(order("a", "b", "c", "d"), order("a", "b", "c", "d"),
                order("d", "c", "b", "a")));

        assertThat(consensus).isEqualTo(order("a", "b", "c", "d"));
    }

    @Test
    void medianRank_differentCandidates_orEmpty_areRejected() {
        assertThatThrownBy(() -> Consensus.medianRank(List.of(order("a", "b"), order("a", "c"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rankings[1] ranks");
        assertThatThrownBy(() -> Consensus.medianRank(List.of())).hasMessage("rankings must not be empty");
    }

    @Test
    void of_judgments_averagesRepeatsPerJudgeThenTakesTheMedian() {
        // judge 1 repeats: a 1,2 b 2,1 c 3,3 -> means a 1.5 b 1.5 c 3
        Judgment first = Judgment.of("j1", "q", List.of(call(order("a", "b", "c")), call(order("b", "a", "c"))));
        // judge 2: a 1 b 3 c 2
        Judgment second = Judgment.of("j2", "q", List.of(call(order("a", "c", "b"))));
        // judge 3: c 1 a 2 b 3, plus a failed call that is ignored
        Judgment third = Judgment.of("j3", "q", List.of(call(order("c", "a", "b")),
                JudgeCall.failed(List.of(), "??", "unreadable", Map.of())));
        // medians: a median(1.5,1,2)=1.5; b median(1.5,3,3)=3; c median(3,2,1)=2
        Judgment failed = Judgment.of("j4", "q", List.of(JudgeCall.failed(List.of(), null, "down", Map.of())));

        assertThat(Consensus.of(List.of(first, second, third, failed))).contains(order("a", "c", "b"));
        assertThat(Consensus.of(List.of(failed))).isEmpty();
    }

    @Test
    void of_judgmentsOfDifferentSamples_areRejected() {
        Judgment q1 = Judgment.of("j1", "q1", List.of(call(order("a", "b"))));
        Judgment q2 = Judgment.of("j2", "q2", List.of(call(order("a", "b"))));

        assertThatThrownBy(() -> Consensus.of(List.of(q1, q2)))
                .hasMessage("judgments[1] is of sample 'q2' but judgments[0] is of sample 'q1'");
    }

    @Test
    void kendallW_matchesAgreementOfRaqStats() {
        List<Ranking> rankings = List.of(order("a", "b", "c", "d"), order("a", "c", "b", "d"),
                Ranking.fromTiers(List.of(List.of("b"), List.of("a", "c"), List.of("d"))));
        double[][] ratings = {{1, 2, 3, 4}, {1, 3, 2, 4}, {2.5, 1, 2.5, 4}};

        assertThat(Consensus.kendallW(rankings)).hasValue(Agreement.kendallW(ratings));
        assertThat(Consensus.kendallW(List.of(order("a", "b", "c"), order("a", "b", "c")))).hasValue(1.0);
    }

    @Test
    void kendallW_everyJudgeTiesEverything_isEmpty_andOneRankingIsRejected() {
        Ranking tied = Ranking.fromTiers(List.of(List.of("a", "b", "c")));

        assertThat(Consensus.kendallW(List.of(tied, tied))).isEmpty();
        assertThatThrownBy(() -> Consensus.kendallW(List.of(tied)))
                .hasMessage("rankings must hold at least two rankings but had 1");
    }

    @Test
    void agreement_usesEachJudgesMeanRanks_andNeedsTwoSuccessfulJudges() {
        Judgment first = Judgment.of("j1", "q", List.of(call(order("a", "b", "c")), call(order("b", "a", "c"))));
        Judgment second = Judgment.of("j2", "q", List.of(call(order("a", "c", "b"))));
        Judgment failed = Judgment.of("j3", "q", List.of(JudgeCall.failed(List.of(), null, "down", Map.of())));

        assertThat(Consensus.agreement(List.of(first, second, failed)))
                .hasValue(Agreement.kendallW(new double[][] {{1.5, 1.5, 3}, {1, 3, 2}}));
        assertThat(Consensus.agreement(List.of(first, failed))).isEmpty();
    }
}
