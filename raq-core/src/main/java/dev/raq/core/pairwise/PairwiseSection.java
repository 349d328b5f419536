package dev.raq.core.pairwise;

import dev.raq.core.internal.MarkdownText;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.significance.PValues;
import dev.raq.core.model.Completion;
import dev.raq.stats.Battles;
import dev.raq.stats.LengthControlledWinRate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link PairwiseJudge} adds to a report: the Bradley–Terry leaderboard of its verdicts (Arena-Hard's
 * recipe: strong verdicts weigh {@value #STRONG_VERDICT_WEIGHT}, 100 bootstrap rounds seeded with the evaluation's
 * seed, anchored at 1000 for the baseline when every battle involves one candidate, centred otherwise) and its
 * {@link PositionBias}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairwiseSection implements ReportSection {

    /** How much a strong pairwise verdict ({@code >>}) weighs in the leaderboard, as in Arena-Hard. */
    public static final double STRONG_VERDICT_WEIGHT = 3;

    private final String judge;
    private final @Nullable Leaderboard leaderboard;
    private final @Nullable String leaderboardError;
    private final PositionBias positionBias;
    private final List<StyleControlledLeaderboard> styleControlled;
    private final Map<String, LengthControlledWinRate.ModelResult> lengthControlled;
    private final @Nullable String styleControlError;

    private PairwiseSection(String judge, @Nullable Leaderboard leaderboard, @Nullable String leaderboardError,
                            PositionBias positionBias, List<StyleControlledLeaderboard> styleControlled,
                            Map<String, LengthControlledWinRate.ModelResult> lengthControlled,
                            @Nullable String styleControlError) {
        this.judge = judge;
        this.leaderboard = leaderboard;
        this.leaderboardError = leaderboardError;
        this.positionBias = positionBias;
        this.styleControlled = List.copyOf(styleControlled);
        this.lengthControlled = Collections.unmodifiableMap(new LinkedHashMap<>(lengthControlled));
        this.styleControlError = styleControlError;
    }

    /**
     * The section of one pairwise judge's judgments; the leaderboard is left out (with the reason) when no finite
     * ratings exist, such as when a candidate never lost.
     */
    public static PairwiseSection of(String judge, List<Judgment> judgments, long seed) {
        return of(judge, judgments, null, seed);
    }

    /**
     * The section with, when every battle is against one baseline and the judged answers are given, the win rates
     * against it with style held equal: Arena-Hard's style and length control ({@link StyleControlledLeaderboard})
     * and AlpacaEval's length-controlled GLM ({@link LengthControlledWinRate}). If those cannot be fitted (a style
     * feature that never differs, say) the reason is kept instead.
     *
     * @param answers per sample id, per candidate, the judged completion; null for none
     */
    public static PairwiseSection of(String judge, List<Judgment> judgments,
                                     @Nullable Map<String, Map<String, Completion>> answers, long seed) {
        Objects.requireNonNull(judge, "judge");
        List<JudgeCall> calls = new ArrayList<>();
        judgments.forEach(j -> calls.addAll(j.calls()));
        Leaderboard board = null;
        String error = null;
        try {
            Battles battles = PairwiseBattles.fromJudgments(judgments, STRONG_VERDICT_WEIGHT);
            board = Leaderboard.fit(battles, LeaderboardOptions.arenaHard(commonOpponent(battles)).withSeed(seed));
        } catch (RuntimeException e) {
            error = messageOf(e);
        }
        List<StyleControlledLeaderboard> controlled = new ArrayList<>();
        Map<String, LengthControlledWinRate.ModelResult> lengthControlled = new LinkedHashMap<>();
        String controlError = null;
        String baseline = board == null ? null : board.options().baseline();
        if (board != null && baseline != null && answers != null) {
            try {
                StyledBattles styled = PairwiseBattles.styled(judgments, STRONG_VERDICT_WEIGHT, answers);
                for (StyleControl control : List.of(StyleControl.STYLE, StyleControl.LENGTH)) {
                    controlled.add(StyleControlledLeaderboard.fit(styled, control, board.options()));
                }
                lengthControlled.putAll(LengthControlledWinRate.of(
                        PairwiseBattles.againstBaseline(judgments, baseline, answers)));
            } catch (RuntimeException e) {
                controlled.clear();
                lengthControlled.clear();
                controlError = messageOf(e);
            }
        }
        return new PairwiseSection(judge, board, error, PositionBias.of(calls), controlled, lengthControlled,
                controlError);
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The candidate that takes part in every battle (the baseline of an against-baseline run), or null. */
    private static @Nullable String commonOpponent(Battles battles) {
        Set<String> common = null;
        for (int i = 0; i < battles.size(); i++) {
            Set<String> pair = Set.of(battles.playerA(i), battles.playerB(i));
            if (common == null) {
                common = new HashSet<>(pair);
            } else {
                common.retainAll(pair);
            }
        }
        return common != null && common.size() == 1 && battles.playerCount() > 2 ? common.iterator().next() : null;
    }

    /** The judge whose verdicts these are. */
    public String judge() {
        return judge;
    }

    /** The leaderboard, unless it could not be fitted (see {@link #leaderboardError()}). */
    public Optional<Leaderboard> leaderboard() {
        return Optional.ofNullable(leaderboard);
    }

    /** Why the leaderboard could not be fitted (for example a candidate that never lost), if it could not. */
    public Optional<String> leaderboardError() {
        return Optional.ofNullable(leaderboardError);
    }

    /** The style- and length-controlled leaderboards against the baseline (empty without a baseline or answers). */
    public List<StyleControlledLeaderboard> styleControlled() {
        return styleControlled;
    }

    /** AlpacaEval's length-controlled win rates against the baseline, by model (empty without one). */
    public Map<String, LengthControlledWinRate.ModelResult> lengthControlled() {
        return lengthControlled;
    }

    /** Why the style-controlled win rates could not be fitted, if they could not. */
    public Optional<String> styleControlError() {
        return Optional.ofNullable(styleControlError);
    }

    /** How the judge's verdicts depend on the order the answers were shown in. */
    public PositionBias positionBias() {
        return positionBias;
    }

    @Override
    public String title() {
        return "Pairwise leaderboard of " + judge;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "pairwise");
        out.put("judge", judge);
        if (leaderboard != null) {
            out.put("leaderboard", leaderboard.toMap());
        } else {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("error", leaderboardError);
            out.put("leaderboard", failed);
        }
        Map<String, Object> bias = new LinkedHashMap<>();
        bias.put("swappedPairs", positionBias.swappedPairs());
        bias.put("inconsistentPairs", positionBias.inconsistentPairs());
        bias.put("inconsistencyRate", finite(positionBias.inconsistencyRate()));
        bias.put("decisiveVerdicts", positionBias.decisiveVerdicts());
        bias.put("firstPositionWins", positionBias.firstPositionWins());
        bias.put("firstPositionRate", finite(positionBias.firstPositionRate()));
        out.put("positionBias", bias);
        if (!styleControlled.isEmpty()) {
            out.put("styleControlled", styleControlled.stream().map(StyleControlledLeaderboard::toMap).toList());
            Map<String, Object> lc = new LinkedHashMap<>();
            lengthControlled.forEach((model, r) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("winRate", r.winRate());
                row.put("lengthControlledWinRate", r.lengthControlledWinRate());
                row.put("lengthEffect", r.lengthEffect());
                row.put("comparisons", r.comparisons());
                lc.put(model, row);
            });
            out.put("lengthControlledWinRates", lc);
        } else if (styleControlError != null) {
            out.put("styleControlError", styleControlError);
        }
        return out;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        if (leaderboard == null) {
            sb.append("The pairwise leaderboard could not be fitted: ").append(esc(String.valueOf(leaderboardError)))
                    .append("\n\n");
        } else {
            appendLeaderboard(sb, leaderboard);
            appendStyleControl(sb, leaderboard);
        }
        sb.append("Position bias: ").append(describe(positionBias)).append(".\n");
        return sb.toString();
    }

    private static void appendLeaderboard(StringBuilder sb, Leaderboard board) {
        String baseline = board.options().baseline();
        sb.append("Bradley–Terry ratings with ").append(board.options().bootstrapRounds())
                .append(" bootstrap rounds").append(baseline == null ? "" : ", anchored at baseline " + esc(baseline))
                .append("; the sandwich interval needs no resampling, and the rank range is what the sandwich "
                        + "intervals allow.\n\n| Model | Rating | 95% interval | Sandwich 95% | Rank |")
                .append(baseline == null ? "" : " Win rate vs baseline |")
                .append(" Battles |\n|---|---:|---:|---:|---:|").append(baseline == null ? "" : "---:|").append("---:|\n");
        for (Leaderboard.Entry e : board.entries()) {
            sb.append("| ").append(esc(e.model())).append(" | ").append(num(e.rating())).append(" | ")
                    .append(num(e.ratingInterval().lower())).append("–").append(num(e.ratingInterval().upper()))
                    .append(" | ").append(num(e.sandwichInterval().lower())).append("–")
                    .append(num(e.sandwichInterval().upper())).append(" | ")
                    .append(e.bestRank() == e.worstRank() ? String.valueOf(e.bestRank())
                            : e.bestRank() + "–" + e.worstRank()).append(" |");
            if (e.scoreInterval() != null) {
                sb.append(' ').append(num(e.score())).append("% (").append(num(e.scoreInterval().lower()))
                        .append("–").append(num(e.scoreInterval().upper())).append(") |");
            }
            sb.append(' ').append(num(e.battles())).append(" |\n");
        }
        sb.append('\n');
        List<String> differ = new ArrayList<>();
        List<Leaderboard.Entry> entries = board.entries();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String a = entries.get(i).model();
                String b = entries.get(j).model();
                if (board.isSignificant(a, b)) {
                    differ.add(esc(a) + " > " + esc(b) + " (p = " + PValues.format(board.pValue(a, b)) + ")");
                }
            }
        }
        sb.append(differ.isEmpty() ? "No two ratings differ significantly (bootstrap test)."
                : "Significant rating differences (bootstrap test): " + String.join("; ", differ) + ".")
                .append("\n\n");
    }

    private void appendStyleControl(StringBuilder sb, Leaderboard board) {
        if (styleControlError != null) {
            sb.append("Style-controlled win rates could not be fitted: ").append(esc(styleControlError))
                    .append("\n\n");
            return;
        }
        if (styleControlled.isEmpty()) {
            return;
        }
        sb.append("Win rate against ").append(esc(String.valueOf(board.options().baseline())))
                .append(" with answer style held equal: Arena-Hard's style control (tokens, headers, lists, bold) and "
                        + "length control (tokens), and AlpacaEval's length-controlled GLM (characters). A model "
                        + "that loses points here was winning partly by answering longer or more formatted.\n\n"
                        + "| Model | Win rate | Style-controlled | Length-controlled | AlpacaEval LC |\n"
                        + "|---|---:|---:|---:|---:|\n");
        for (Leaderboard.Entry e : board.entries()) {
            if (e.model().equals(board.options().baseline())) {
                continue;
            }
            sb.append("| ").append(esc(e.model())).append(" | ").append(num(e.score())).append("% |");
            for (StyleControlledLeaderboard controlled : styleControlled) {
                StyleControlledLeaderboard.Entry c = controlled.entry(e.model());
                sb.append(' ').append(num(c.score())).append("% (").append(num(c.scoreInterval().lower()))
                        .append("–").append(num(c.scoreInterval().upper())).append(") |");
            }
            LengthControlledWinRate.ModelResult lc = lengthControlled.get(e.model());
            sb.append(' ').append(lc == null ? "n/a" : num(lc.lengthControlledWinRate()) + "%").append(" |\n");
        }
        sb.append('\n');
        for (StyleControlledLeaderboard controlled : styleControlled) {
            if (!controlled.unusedFeatures().isEmpty()) {
                sb.append(controlled.control() == StyleControl.STYLE ? "Style" : "Length")
                        .append(" control left out ").append(String.join(", ", controlled.unusedFeatures()))
                        .append(": no two answers it compared differed in them.\n\n");
            }
        }
    }

    private static String describe(PositionBias bias) {
        return String.format(Locale.ROOT, "contradicted itself in %d of %d pairs played in both orders%s; preferred the "
                + "first position in %d of %d decisive verdicts%s", bias.inconsistentPairs(), bias.swappedPairs(),
                Double.isNaN(bias.inconsistencyRate()) ? "" : " (" + num(100 * bias.inconsistencyRate()) + "%)",
                bias.firstPositionWins(), bias.decisiveVerdicts(),
                Double.isNaN(bias.firstPositionRate()) ? "" : " (" + num(100 * bias.firstPositionRate()) + "%)");
    }

    private static String esc(String text) {
        return MarkdownText.escape(text);
    }

    private static String num(double v) {
        return MarkdownText.number(v);
    }
}
