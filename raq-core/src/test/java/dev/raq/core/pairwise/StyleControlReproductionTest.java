package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.LengthControlledWinRate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Style- and length-controlled win rates on the Korean Arena-Hard-Auto data (4 models against claude-3.7-sonnet,
 * 4,000 games, upstream's answer metadata), against the published {@code style_control}, {@code length_control} and
 * {@code markdown_control} leaderboards. Upstream fitted its style coefficients over 76 models; these 4 fix them
 * alone, so the scores agree only as far as the coefficients do. Measured (see docs/statistics.md): length control
 * within 0.9 points for every model, style control within 2.0 points except gemma-3-27b-it (7.2), Markdown control
 * off by up to 16 points (its coefficients depend most on the model pool). The tolerances below are those
 * measurements rounded up, so that a change to the fit shows.
 */
class StyleControlReproductionTest {

    private static final Path DIR = Path.of("src/test/resources/data/arena-hard");
    private static final String BASELINE = "claude-3.7-sonnet";

    private static StyledBattles battles() {
        ArenaGames games = ArenaGames.readJsonl(DIR.resolve("ko-arena-hard-ensemble-judgments.jsonl"));
        return games.toStyledBattles(3, true, ArenaGames.readStyles(DIR.resolve("ko-arena-hard-answer-metadata.jsonl")));
    }

    private static Map<String, Double> published(String control) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("ko-arena-hard-leaderboard-published.jsonl"))) {
            JsonNode row = mapper.readTree(line);
            if (row.get("control").asText().equals(control) && !row.get("model").asText().equals(BASELINE)) {
                scores.put(row.get("model").asText(), row.get("score").asDouble());
            }
        }
        return scores;
    }

    private static void assertClose(StyleControl control, String published, double tolerance, double looseModel,
                                    String loose) throws IOException {
        StyleControlledLeaderboard board = StyleControlledLeaderboard.fit(battles(), control,
                LeaderboardOptions.arenaHard(BASELINE).withBootstrapRounds(20));
        Map<String, Double> expected = published(published);
        assertThat(expected).hasSize(4);
        expected.forEach((model, score) -> assertThat(board.entry(model).score()).as(control + " " + model)
                .isCloseTo(score, within(model.equals(loose) ? looseModel : tolerance)));
        assertThat(board.entry(BASELINE).score()).isEqualTo(50.0);
    }

    @Test
    void lengthControl_isWithinOnePointOfThePublishedScores() throws IOException {
        assertClose(StyleControl.LENGTH, "length_control", 1.0, 1.0, "");
    }

    @Test
    void styleControl_isWithinTwoPointsExceptGemma() throws IOException {
        assertClose(StyleControl.STYLE, "style_control", 2.0, 7.5, "gemma-3-27b-it");
    }

    @Test
    void markdownControl_followsThePublishedOrderOnlyRoughly() throws IOException {
        assertClose(StyleControl.MARKDOWN, "markdown_control", 16.5, 16.5, "");
    }

    @Test
    void styleControl_lowersTheVerboseModel_andLengthCoefficientIsPositive() {
        StyledBattles battles = battles();
        StyleControlledLeaderboard board = StyleControlledLeaderboard.fit(battles, StyleControl.STYLE,
                LeaderboardOptions.arenaHard(BASELINE).withBootstrapRounds(20));
        Leaderboard plain = Leaderboard.fit(battles.battles(), LeaderboardOptions.arenaHard(BASELINE)
                .withBootstrapRounds(1));
        // gemma-3-27b-it answers longest (1,655 tokens on average against the baseline's 1,094)
        assertThat(board.entry("gemma-3-27b-it").score()).isLessThan(plain.entry("gemma-3-27b-it").score() - 10);
        assertThat(board.coefficientInterval("tokens").lower()).isGreaterThan(0);
        assertThat(board.toMap()).containsKeys("control", "baseline", "models", "coefficients");
    }

    @Test
    void alpacaEvalLengthControl_onTheSameGames() {
        // AlpacaEval's GLM on the same verdicts (character lengths, preference 1 / ½ / 0 per game)
        ArenaGames games = ArenaGames.readJsonl(DIR.resolve("ko-arena-hard-ensemble-judgments.jsonl"));
        Map<String, Map<String, AnswerStyle>> styles = ArenaGames.readStyles(
                DIR.resolve("ko-arena-hard-answer-metadata.jsonl"));
        List<LengthControlledWinRate.Comparison> comparisons = new ArrayList<>();
        for (ArenaGame g : games.games()) {
            boolean modelIsA = !g.positionA().equals(BASELINE);
            String model = modelIsA ? g.positionA() : g.positionB();
            double preference = g.verdict().winner().map(s -> (s == Verdict.Side.A) == modelIsA ? 1.0 : 0.0)
                    .orElse(0.5);
            comparisons.add(new LengthControlledWinRate.Comparison(model, g.questionId(),
                    preference, styles.get(g.questionId()).get(model).characters(),
                    styles.get(g.questionId()).get(BASELINE).characters()));
        }
        Map<String, LengthControlledWinRate.ModelResult> results = LengthControlledWinRate.of(comparisons);
        LengthControlledWinRate.ModelResult gemma = results.get("gemma-3-27b-it");
        assertThat(gemma.lengthEffect()).isPositive();
        // measured: raw 50.25, controlled 44.06 (gpt-4.1: 54.55 and 60.71; the published length_control is 61.10)
        assertThat(gemma.lengthControlledWinRate()).isCloseTo(44.06, within(0.01));
        assertThat(results.get("gpt-4.1-2025-04-14").lengthControlledWinRate()).isCloseTo(60.71, within(0.01));
    }
}
