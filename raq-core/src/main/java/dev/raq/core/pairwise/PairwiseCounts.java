package dev.raq.core.pairwise;

import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Ranking;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * How the judgements of one pair (A, B) came out: wins of A, wins of B, ties, and calls that produced no valid
 * verdict. Counts may be fractional when verdicts are weighted.
 *
 * @param aWins           judgements preferring A
 * @param bWins           judgements preferring B
 * @param ties            tied judgements
 * @param inferenceErrors judge calls that produced no valid verdict
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairwiseCounts(double aWins, double bWins, double ties, double inferenceErrors) {

    /** Validates that every count is finite and not negative. */
    public PairwiseCounts {
        for (double[] c : new double[][] {{aWins}, {bWins}, {ties}, {inferenceErrors}}) {
            if (!(c[0] >= 0) || Double.isInfinite(c[0])) {
                throw new IllegalArgumentException("counts must be finite and >= 0 but were " + aWins + ", " + bWins
                        + ", " + ties + ", " + inferenceErrors);
            }
        }
    }

    /** Judgements with a valid verdict: {@code aWins + bWins + ties}. */
    public double valid() {
        return aWins + bWins + ties;
    }

    /** Every judgement, valid or not. */
    public double total() {
        return valid() + inferenceErrors;
    }

    /**
     * Counts the verdicts of judge calls about candidates {@code a} and {@code b}: a failed call is an inference
     * error; calls about other pairs are ignored.
     */
    public static PairwiseCounts fromCalls(List<JudgeCall> calls, String a, String b) {
        Objects.requireNonNull(calls, "calls");
        double aw = 0;
        double bw = 0;
        double t = 0;
        double e = 0;
        for (JudgeCall call : calls) {
            if (!call.succeeded()) {
                if (call.shownOrder().containsAll(List.of(a, b))) {
                    e++;
                }
                continue;
            }
            Ranking r = call.ranking().orElseThrow();
            if (r.size() != 2 || !r.contains(a) || !r.contains(b)) {
                continue;
            }
            String preference = call.attributes().get(PairwiseJudge.ATTR_PREFERENCE_A);
            if (preference != null) {
                // a probability-weighted verdict: a fractional win for each side
                double pa = Double.parseDouble(preference);
                boolean aInPositionA = a.equals(call.attributes().get(PairwiseJudge.ATTR_POSITION_A));
                aw += aInPositionA ? pa : 1 - pa;
                bw += aInPositionA ? 1 - pa : pa;
                continue;
            }
            int cmp = r.compare(a, b);
            if (cmp < 0) {
                aw++;
            } else if (cmp > 0) {
                bw++;
            } else {
                t++;
            }
        }
        return new PairwiseCounts(aw, bw, t, e);
    }

    /** Counts read from verdicts about positions A and B; a null verdict is an inference error. */
    public static PairwiseCounts fromVerdicts(List<@Nullable Verdict> verdicts) {
        double aw = 0;
        double bw = 0;
        double t = 0;
        double e = 0;
        for (Verdict v : verdicts) {
            if (v == null) {
                e++;
            } else if (v.winner().isEmpty()) {
                t++;
            } else if (v.winner().get() == Verdict.Side.A) {
                aw++;
            } else {
                bw++;
            }
        }
        return new PairwiseCounts(aw, bw, t, e);
    }
}
