package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.Battles;
import dev.raq.stats.BradleyTerry;
import dev.raq.stats.Elo;
import dev.raq.stats.Outcome;
import dev.raq.stats.Ratings;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bradley-Terry (exact MLE, arena-hard-auto, FastChat) and FastChat online Elo against the golden files. */
class RatingsGoldenTest {

    @TestFactory
    Stream<DynamicNode> ratings() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "bradley_terry", RatingsGoldenTest::checkBradleyTerry,
                "elo", RatingsGoldenTest::checkElo));
    }

    /** FastChat's compute_bt anchors this model at 1114 when present (scale_and_offset), else keeps the mean. */
    private static final String FASTCHAT_ANCHOR = "mixtral-8x7b-instruct-v0.1";
    private static final double FASTCHAT_ANCHOR_RATING = 1114;
    /** arena-hard-auto's compute_mle_elo shifts its baseline to a literal 1000 when present, else keeps the mean. */
    private static final double ARENA_HARD_ANCHOR_RATING = 1000;

    private static void checkBradleyTerry(JsonNode c) {
        JsonNode params = c.get("params");
        double scale = params.get("SCALE").asDouble();
        double base = params.get("BASE").asDouble();
        double init = params.get("INIT_RATING").asDouble();
        JsonNode baselineNode = params.path("baseline_model");
        String baseline = baselineNode.isTextual() ? baselineNode.asText() : null;
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> BradleyTerry.builder().scale(scale).base(base).initialRating(init).build()
                    .fit(battles(c.at("/input/battles"), false))).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        JsonNode expected = c.get("expected");
        Battles battles = battles(c.at("/input/battles"), false);
        boolean baselinePlays = baseline != null && battles.players().contains(baseline);

        assertThat(new TreeSet<>(battles.players())).containsExactlyElementsOf(names(expected.get("models")));

        BradleyTerry.Builder builder = BradleyTerry.builder().scale(scale).base(base).initialRating(init);
        BradleyTerry centred = builder.build();
        Ratings exactCentred = centred.fit(battles);
        assertRatings("mle_elo_centered", exactCentred, expected.get("mle_elo_centered"), 0, 1e-9);
        close("log_likelihood_per_battle_sum", exactCentred.logLikelihood(),
                expected.get("log_likelihood_per_battle_sum"), 1e-12, 0);

        Ratings exactAnchored = baselinePlays ? builder.anchor(baseline, init).build().fit(battles) : exactCentred;
        assertRatings("mle_elo_anchored", exactAnchored, expected.get("mle_elo_anchored"), 0, 1e-9);
        close("log_likelihood_per_battle_sum (anchored)", exactAnchored.logLikelihood(),
                expected.get("log_likelihood_per_battle_sum"), 1e-12, 0);

        Ratings fastChat = battles.players().contains(FASTCHAT_ANCHOR)
                ? builder.anchor(FASTCHAT_ANCHOR, FASTCHAT_ANCHOR_RATING).build().fit(battles) : exactCentred;
        assertRatings("fastchat_compute_bt", fastChat, expected.get("fastchat_compute_bt"), 0, 1e-2);

        // arena-hard-auto's convention: every battle twice, a tie as one A-win plus one B-win
        BradleyTerry arenaHard = baselinePlays ? builder.anchor(baseline, ARENA_HARD_ANCHOR_RATING).build() : centred;
        Ratings duplicated = arenaHard.fit(battles(c.at("/input/battles"), true));
        assertRatings("arena_hard_auto_compute_mle_elo", duplicated,
                expected.get("arena_hard_auto_compute_mle_elo"), 0, 1e-3);
        close("log-likelihood of the duplicated battles", duplicated.logLikelihood(),
                2 * expected.get("log_likelihood_per_battle_sum").asDouble(), 1e-12, 0);
        if (!baselinePlays || ARENA_HARD_ANCHOR_RATING == init) {
            assertRatings("mle_elo_anchored (duplicated ties)", duplicated, expected.get("mle_elo_anchored"), 0,
                    1e-9);
        }
    }

    private static void checkElo(JsonNode c) {
        JsonNode params = c.get("params");
        if (GoldenAssert.expectsError(c)) {
            assertThatThrownBy(() -> Elo.builder().k(params.get("K").asDouble()).build()
                    .ratings(battles(c.at("/input/battles"), false))).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        Elo elo = Elo.builder().k(params.get("K").asDouble()).scale(params.get("SCALE").asDouble())
                .base(params.get("BASE").asDouble()).initialRating(params.get("INIT_RATING").asDouble()).build();
        Ratings ratings = elo.ratings(battles(c.at("/input/battles"), false));
        assertRatings("ratings", ratings, c.at("/expected/ratings"), 0, 1e-9);
    }

    private static void assertRatings(String what, Ratings actual, JsonNode expected, double rel, double abs) {
        List<String> expectedPlayers = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedPlayers::add);
        assertThat(actual.players()).as(what + " players").containsExactlyInAnyOrderElementsOf(expectedPlayers);
        for (String player : expectedPlayers) {
            close(what + "[" + player + "]", actual.rating(player), expected.get(player), rel, abs);
        }
    }

    /**
     * The golden battles; with {@code arenaHardDuplication} each decisive battle is added twice and each tie as
     * one win for each side, as arena-hard-auto's compute_mle_elo builds its logistic regression rows.
     */
    static Battles battles(JsonNode array, boolean arenaHardDuplication) {
        Battles.Builder builder = Battles.builder();
        for (JsonNode battle : array) {
            String a = battle.get("model_a").asText();
            String b = battle.get("model_b").asText();
            Outcome outcome = outcome(battle.get("winner").asText());
            if (!arenaHardDuplication) {
                builder.add(a, b, outcome);
            } else if (outcome == Outcome.TIE) {
                builder.add(a, b, Outcome.A_WINS).add(a, b, Outcome.B_WINS);
            } else {
                builder.add(a, b, outcome).add(a, b, outcome);
            }
        }
        return builder.build();
    }

    static Outcome outcome(String winner) {
        switch (winner) {
            case "model_a":
                return Outcome.A_WINS;
            case "model_b":
                return Outcome.B_WINS;
            case "tie":
            case "tie (bothbad)":
                return Outcome.TIE;
            default:
                throw new AssertionError("unknown winner '" + winner + "'");
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }
}
