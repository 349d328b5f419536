package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.stats.Battles;
import dev.raq.stats.LengthControlledWinRate;
import dev.raq.stats.Outcome;
import org.apiguardian.api.API;

import java.util.ArrayList;
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
        forEachVerdict(judgments, (sample, a, b, outcome, strong) ->
                VerdictBattles.add(builder, a, b, outcome, strong, strongWeight));
        return builder.build();
    }

    /**
     * The battles of {@code judgments} as {@link #fromJudgments} makes them, each with the style of its two answers.
     *
     * @param answers per sample id, per candidate, the completion that was judged
     * @throws IllegalArgumentException as {@link #fromJudgments}, or naming the sample and candidate whose answer
     *                                  is missing
     */
    public static StyledBattles styled(List<Judgment> judgments, double strongWeight,
                                       Map<String, Map<String, Completion>> answers) {
        Objects.requireNonNull(judgments, "judgments");
        Objects.requireNonNull(answers, "answers");
        VerdictBattles.checkStrongWeight(strongWeight);
        StyledBattles.Builder builder = new StyledBattles.Builder();
        forEachVerdict(judgments, (sample, a, b, outcome, strong) -> builder.add(a, b, outcome, strong,
                strongWeight, AnswerStyle.of(answer(answers, sample, a)), AnswerStyle.of(answer(answers, sample, b))));
        return builder.build();
    }

    /**
     * Every verdict against {@code baseline} as a comparison for {@link LengthControlledWinRate} (preference 1, ½ or
     * 0 for the other candidate; lengths in characters; the sample is the instruction).
     *
     * @throws IllegalArgumentException naming the sample and candidate whose answer is missing, or if no verdict
     *                                  involves the baseline
     */
    public static List<LengthControlledWinRate.Comparison> againstBaseline(List<Judgment> judgments, String baseline,
                                                                          Map<String, Map<String, Completion>> answers) {
        Objects.requireNonNull(baseline, "baseline");
        List<LengthControlledWinRate.Comparison> out = new ArrayList<>();
        forEachVerdict(judgments, (sample, a, b, outcome, strong) -> {
            if (!a.equals(baseline) && !b.equals(baseline)) {
                return;
            }
            boolean modelIsA = b.equals(baseline);
            String model = modelIsA ? a : b;
            double scoreA = outcome.scoreA();
            out.add(new LengthControlledWinRate.Comparison(model, sample, modelIsA ? scoreA : 1 - scoreA,
                    answer(answers, sample, model).text().length(),
                    answer(answers, sample, baseline).text().length()));
        });
        Preconditions.checkArgument(!out.isEmpty(), () -> "no verdict involves the baseline '" + baseline + "'");
        return out;
    }

    private static Completion answer(Map<String, Map<String, Completion>> answers, String sample, String candidate) {
        Map<String, Completion> bySample = answers.get(sample);
        Completion c = bySample == null ? null : bySample.get(candidate);
        return Preconditions.checkPresent(c, () -> "no answer of '" + candidate + "' for sample '" + sample
                + "' among the judged answers");
    }

    /** One successful two-way verdict: its sample, the candidates in shown order, the outcome, strength. */
    @FunctionalInterface
    private interface VerdictVisitor {
        void visit(String sample, String a, String b, Outcome outcome, boolean strong);
    }

    private static void forEachVerdict(List<Judgment> judgments, VerdictVisitor visitor) {
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
                visitor.visit(judgment.sampleId(), a, b, outcome, isStrong(call.attributes()));
                count++;
            }
        }
        int verdicts = count;
        Preconditions.checkArgument(verdicts != 0, () -> "no pairwise verdict among " + judgments.size()
                + " judgments");
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
