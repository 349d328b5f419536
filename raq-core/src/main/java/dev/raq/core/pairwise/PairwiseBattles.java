package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.stats.Battles;
import dev.raq.stats.Outcome;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the pairwise verdicts an evaluation collected into {@link Battles} for a {@link Leaderboard}: every
 * successful call whose ranking covers exactly two candidates is one verdict, added as {@link VerdictBattles} says
 * (a strong one with a whole weight w as w unit battles); failed calls are left out (they are counted as errors in
 * the report, never as ties).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairwiseBattles {

    private PairwiseBattles() {
    }

    /**
     * The battles of {@code judgments}.
     *
     * @param judgments    the judgments of a pairwise judge (other rankings are ignored)
     * @param strongWeight the weight of a battle decided by a strong verdict ({@code >>}), at least 1; Arena-Hard
     *                     uses 3, as three unit battles. A combined call of both orders is strong only when both of
     *                     its verdicts are.
     * @throws IllegalArgumentException if strongWeight is below 1, or there is no battle at all
     */
    public static Battles fromJudgments(List<Judgment> judgments, double strongWeight) {
        Objects.requireNonNull(judgments, "judgments");
        VerdictBattles.checkStrongWeight(strongWeight);
        Battles.Builder builder = Battles.builder();
        int count = 0;
        for (Judgment judgment : judgments) {
            for (JudgeCall call : judgment.calls()) {
                if (!call.succeeded() || call.ranking().orElseThrow().size() != 2) {
                    continue;
                }
                Ranking r = call.ranking().orElseThrow();
                List<String> order = call.shownOrder().size() == 2 ? call.shownOrder() : r.candidates();
                String a = order.get(0);
                String b = order.get(1);
                int cmp = r.compare(a, b);
                Outcome outcome = cmp < 0 ? Outcome.A_WINS : cmp > 0 ? Outcome.B_WINS : Outcome.TIE;
                VerdictBattles.add(builder, a, b, outcome, isStrong(call.attributes()), strongWeight);
                count++;
            }
        }
        Preconditions.checkArgument(count != 0, () -> "no pairwise verdict among " + judgments.size() + " judgments");
        return builder.build();
    }

    private static boolean isStrong(Map<String, String> attributes) {
        String v = attributes.get(PairwiseJudge.ATTR_VERDICT);
        if (v == null || !Verdict.parseLabel(v).isStrong()) {
            return false;
        }
        String swapped = attributes.get(PairwiseJudge.ATTR_SWAPPED_VERDICT);
        return swapped == null || Verdict.parseLabel(swapped).isStrong();
    }
}
