package dev.raq.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sandwich standard errors of Bradley–Terry ratings: against an independent scipy fit with arena-rank's formulas
 * ({@code reference/bt_sandwich.py}; to 1e-5 rating points, the precision of its BFGS fit), against the bootstrap on
 * plentiful data, and the rank ranges they imply.
 */
class BradleyTerrySandwichTest {

    private static JsonNode reference() throws IOException {
        try (InputStream in = BradleyTerrySandwichTest.class.getResourceAsStream("/reference/bt_sandwich.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Battles battles(JsonNode ref) {
        Battles.Builder b = Battles.builder();
        for (JsonNode battle : ref.get("battles")) {
            double s = battle.get(2).asDouble();
            b.add(battle.get(0).asText(), battle.get(1).asText(),
                    s == 1 ? Outcome.A_WINS : s == 0 ? Outcome.B_WINS : Outcome.TIE);
        }
        return b.build();
    }

    @Test
    void sandwich_matchesTheIndependentReference() throws IOException {
        JsonNode ref = reference();
        SandwichIntervals s = BradleyTerry.builder().build().sandwich(battles(ref), 0.95);

        for (int i = 0; i < ref.get("players").size(); i++) {
            String player = ref.get("players").get(i).asText();
            assertThat(s.ratings().rating(player)).as(player)
                    .isCloseTo(ref.get("ratings").get(i).asDouble(), within(1e-5));
            assertThat(s.standardError(player)).as(player)
                    .isCloseTo(ref.get("standard_errors").get(i).asDouble(), within(1e-5));
            assertThat(s.interval(player).lower()).isCloseTo(ref.get("lower").get(i).asDouble(), within(1e-5));
            assertThat(s.interval(player).upper()).isCloseTo(ref.get("upper").get(i).asDouble(), within(1e-5));
        }
    }

    @Test
    void sandwich_onPlentifulData_agreesWithTheBootstrap_andAnchoringMovesTheErrorToDifferences() {
        SplittableRandom random = new SplittableRandom(5);
        String[] players = {"p0", "p1", "p2", "p3", "p4"};
        double[] strength = {0.8, 0.4, 0, -0.3, -0.9};
        Battles.Builder b = Battles.builder();
        for (int n = 0; n < 20_000; n++) {
            int i = random.nextInt(5);
            int j = (i + 1 + random.nextInt(4)) % 5;
            double p = 1 / (1 + Math.exp(strength[j] - strength[i]));
            double u = random.nextDouble();
            b.add(players[i], players[j], u < 0.1 ? Outcome.TIE : u < 0.1 + 0.9 * p ? Outcome.A_WINS : Outcome.B_WINS);
        }
        Battles battles = b.build();
        SandwichIntervals sandwich = BradleyTerry.builder().build().sandwich(battles, 0.95);
        RatingIntervals boot = BradleyTerry.builder().build().bootstrap(battles,
                Bootstrap.builder().rounds(300).seed(3).build());
        for (String p : players) {
            double[] replicates = boot.replicates(p);
            double mean = java.util.Arrays.stream(replicates).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(replicates).map(r -> (r - mean) * (r - mean)).sum()
                    / (replicates.length - 1));
            assertThat(sandwich.standardError(p)).as(p).isCloseTo(sd, within(0.15 * sd));
        }
        assertThat(sandwich.rankRange("p0")).containsExactly(1, 1);
        assertThat(sandwich.rankRange("p4")).containsExactly(5, 5);

        SandwichIntervals anchored = BradleyTerry.builder().anchor("p2", 1000).build().sandwich(battles, 0.95);
        assertThat(anchored.standardError("p2")).isZero();
        assertThat(anchored.standardError("p0")).isGreaterThan(sandwich.standardError("p0"));
    }

    @Test
    void rankRange_overlappingIntervals_spanTheRanksTheyAllow() {
        Battles.Builder b = Battles.builder();
        for (int n = 0; n < 6; n++) {
            b.add("x", "y", n % 2 == 0 ? Outcome.A_WINS : Outcome.B_WINS);
            b.add("y", "z", n % 3 == 0 ? Outcome.B_WINS : Outcome.A_WINS);
            b.add("x", "z", n % 3 == 0 ? Outcome.B_WINS : Outcome.A_WINS);
        }
        SandwichIntervals s = BradleyTerry.builder().build().sandwich(b.build(), 0.95);
        assertThat(s.rankRange("x")).containsExactly(1, 3);
        assertThat(s.toString()).contains("rank 1–3");
    }
}
