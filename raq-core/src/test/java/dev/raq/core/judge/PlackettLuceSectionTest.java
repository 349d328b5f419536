package dev.raq.core.judge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PlackettLuceSectionTest {

    private static Judgment judgment(int sample, List<String> bestFirst) {
        return Judgment.of("ranker", "s" + sample, List.of(JudgeCall.ranked(bestFirst, null,
                Ranking.fromOrder(bestFirst), Map.of())));
    }

    @Test
    void worths_followTheJudgesOrders_withIntervals_andTiedRankingsCounted() {
        SplittableRandom random = new SplittableRandom(3);
        List<Judgment> judgments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double u = random.nextDouble();
            judgments.add(judgment(i, u < 0.6 ? List.of("a", "b", "c") : u < 0.85 ? List.of("b", "a", "c")
                    : List.of("c", "b", "a")));
        }
        judgments.add(Judgment.of("ranker", "tied", List.of(JudgeCall.ranked(List.of("a", "b", "c"), null,
                Ranking.fromTiers(List.of(List.of("a", "b"), List.of("c"))), Map.of()))));

        PlackettLuceSection s = PlackettLuceSection.of("ranker", judgments, 1);

        assertThat(s.error()).isNull();
        assertThat(s.rankingsUsed()).isEqualTo(200);
        assertThat(s.rankingsWithTies()).isEqualTo(1);
        assertThat(s.worth("a")).isGreaterThan(s.worth("b")).isGreaterThan(0.4);
        assertThat(s.worth("b")).isGreaterThan(s.worth("c"));
        assertThat(s.worth("a") + s.worth("b") + s.worth("c")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.interval("a").lower()).isLessThan(s.worth("a")).isGreaterThan(s.interval("b").upper());
        assertThat(s.toMarkdown()).contains("| a | ").contains("1 with ties left out");
        assertThat(s.toMap()).containsEntry("kind", "plackett-luce").containsEntry("rankings", 200);
    }

    @Test
    void aCandidateThatIsAlwaysLast_hasNoFiniteWorth_andTheSectionSaysSo() {
        List<Judgment> judgments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            judgments.add(judgment(i, i % 2 == 0 ? List.of("a", "b", "z") : List.of("b", "a", "z")));
        }
        PlackettLuceSection s = PlackettLuceSection.of("ranker", judgments, 1);
        assertThat(s.error()).contains("'z' is never ranked above another item");
        assertThat(s.toMarkdown()).startsWith("No Plackett–Luce fit: ");
        assertThat(s.worth("a")).isNaN();
    }
}
