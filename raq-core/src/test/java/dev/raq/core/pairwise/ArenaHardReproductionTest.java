package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.Battles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproduces the published Korean Arena-Hard-Auto leaderboard (ensemble judge, no style control) from its 4,000
 * recorded verdicts, with upstream's rules: strong verdicts weigh 3, ties count once, a lone game is reused swapped,
 * Bradley–Terry anchored at the baseline (1000 on a 400 scale), score = predicted win rate against the baseline.
 */
class ArenaHardReproductionTest {

    private static final Path DIR = Path.of("src/test/resources/data/arena-hard");
    private static final String BASELINE = "claude-3.7-sonnet";

    @Test
    void noControlScores_matchThePublishedLeaderboardToTwoDecimals() throws IOException {
        ArenaGames games = ArenaGames.readJsonl(DIR.resolve("ko-arena-hard-ensemble-judgments.jsonl"));
        assertThat(games.games()).hasSize(4000);
        Battles battles = games.toBattles(3, true);
        Leaderboard board = Leaderboard.fit(battles, LeaderboardOptions.arenaHard(BASELINE));

        Map<String, Double> published = publishedNoControlScores();
        assertThat(published).hasSize(5);
        for (Map.Entry<String, Double> e : published.entrySet()) {
            double score = board.entry(e.getKey()).score();
            assertThat(Math.round(score * 100) / 100.0).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(board.entry(BASELINE).rating()).isEqualTo(1000.0);
    }

    @Test
    void noControlScores_equalTheWeightedWinRateAgainstTheBaseline() {
        // every model only plays the baseline, so the fitted score is the weighted win rate (SOURCES.md, step 3)
        ArenaGames games = ArenaGames.readJsonl(DIR.resolve("ko-arena-hard-ensemble-judgments.jsonl"));
        Battles battles = games.toBattles(3, true);
        Map<String, double[]> winsAndTotal = new HashMap<>();
        for (int i = 0; i < battles.size(); i++) {
            String model = battles.playerA(i).equals(BASELINE) ? battles.playerB(i) : battles.playerA(i);
            double[] wt = winsAndTotal.computeIfAbsent(model, k -> new double[2]);
            double modelScore = battles.playerA(i).equals(model) ? battles.outcome(i).scoreA()
                    : 1 - battles.outcome(i).scoreA();
            wt[0] += battles.weight(i) * modelScore;
            wt[1] += battles.weight(i);
        }
        Leaderboard board = Leaderboard.fit(battles, LeaderboardOptions.arenaHard(BASELINE).withBootstrapRounds(1));
        winsAndTotal.forEach((model, wt) ->
                assertThat(board.entry(model).score()).as(model).isCloseTo(100 * wt[0] / wt[1],
                        org.assertj.core.data.Offset.offset(1e-6)));
    }

    private static Map<String, Double> publishedNoControlScores() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Double> scores = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("ko-arena-hard-leaderboard-published.jsonl"))) {
            JsonNode row = mapper.readTree(line);
            if (row.get("control").asText().equals("no_control")) {
                scores.put(row.get("model").asText(), row.get("score").asDouble());
            }
        }
        return scores;
    }
}
