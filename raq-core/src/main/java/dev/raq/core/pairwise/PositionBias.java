package dev.raq.core.pairwise;

import dev.raq.core.judge.JudgeCall;
import org.apiguardian.api.API;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * How a pairwise judge's verdicts depend on the order the answers were shown in: how often it contradicted itself
 * when both orders were played, and how often a decisive verdict went to the answer shown first.
 *
 * @param swappedPairs       pairs judged in both orders (combined calls, or both games kept separately)
 * @param inconsistentPairs  of those, the pairs whose two orders disagreed after mapping positions to candidates
 * @param decisiveVerdicts   game verdicts that preferred one position (ties and failures excluded)
 * @param firstPositionWins  of those, the verdicts that preferred position A
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PositionBias(int swappedPairs, int inconsistentPairs, int decisiveVerdicts, int firstPositionWins) {

    /** Validates the counts. */
    public PositionBias {
        if (swappedPairs < 0 || inconsistentPairs < 0 || inconsistentPairs > swappedPairs || decisiveVerdicts < 0
                || firstPositionWins < 0 || firstPositionWins > decisiveVerdicts) {
            throw new IllegalArgumentException("inconsistent counts: " + swappedPairs + ", " + inconsistentPairs
                    + ", " + decisiveVerdicts + ", " + firstPositionWins);
        }
    }

    /**
     * Measures the bias in the calls of a {@link PairwiseJudge}: combined calls carry both verdicts and a
     * consistency flag; separate games are paired by their positions (game 2 shows game 1's pair swapped) within
     * the same collection, which should be the calls of one sample's judgment or of a whole run in order.
     */
    public static PositionBias of(Collection<JudgeCall> calls) {
        Objects.requireNonNull(calls, "calls");
        int swapped = 0;
        int inconsistent = 0;
        int decisive = 0;
        int first = 0;
        java.util.Map<String, String> game1Winner = new java.util.HashMap<>();
        for (JudgeCall call : calls) {
            java.util.Map<String, String> a = call.attributes();
            String verdictLabel = a.get(PairwiseJudge.ATTR_VERDICT);
            if (!call.succeeded() || verdictLabel == null) {
                continue;
            }
            Verdict v = Verdict.parseLabel(verdictLabel);
            if (v.winner().isPresent()) {
                decisive++;
                first += v.winner().get() == Verdict.Side.A ? 1 : 0;
            }
            String swappedLabel = a.get(PairwiseJudge.ATTR_SWAPPED_VERDICT);
            if (swappedLabel != null) {
                Verdict s = Verdict.parseLabel(swappedLabel);
                if (s.winner().isPresent()) {
                    decisive++;
                    first += s.winner().get() == Verdict.Side.A ? 1 : 0;
                }
                swapped++;
                inconsistent += "false".equals(a.get(PairwiseJudge.ATTR_CONSISTENT)) ? 1 : 0;
                continue;
            }
            String posA = a.get(PairwiseJudge.ATTR_POSITION_A);
            String posB = a.get(PairwiseJudge.ATTR_POSITION_B);
            String game = a.get(PairwiseJudge.ATTR_GAME);
            if (posA == null || posB == null || game == null) {
                continue;
            }
            String winner = v.winner().map(side -> side == Verdict.Side.A ? posA : posB).orElse("");
            if ("1".equals(game)) {
                game1Winner.put(posA + '\u0000' + posB, winner);
            } else if ("2".equals(game)) {
                String w1 = game1Winner.remove(posB + '\u0000' + posA);
                if (w1 != null) {
                    swapped++;
                    inconsistent += w1.equals(winner) ? 0 : 1;
                }
            }
        }
        return new PositionBias(swapped, inconsistent, decisive, first);
    }

    /** The share of swapped pairs whose orders disagreed, or NaN when no pair was played in both orders. */
    public double inconsistencyRate() {
        return swappedPairs == 0 ? Double.NaN : (double) inconsistentPairs / swappedPairs;
    }

    /** The share of decisive verdicts that went to position A (0.5 = no bias), or NaN when there were none. */
    public double firstPositionRate() {
        return decisiveVerdicts == 0 ? Double.NaN : (double) firstPositionWins / decisiveVerdicts;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PositionBias{contradicted itself in %d of %d swapped pairs, preferred the "
                + "first position in %d of %d decisive verdicts}", inconsistentPairs, swappedPairs, firstPositionWins,
                decisiveVerdicts);
    }
}
