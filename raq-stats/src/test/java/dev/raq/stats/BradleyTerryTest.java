package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BradleyTerryTest {

    private final BradleyTerry centred = BradleyTerry.builder().build();

    @Test
    void fit_twoPlayers_givesTheLogOddsOfTheScore() {
        Battles battles = Battles.builder()
                .add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.B_WINS).add("a", "b", Outcome.A_WINS)
                .add("a", "b", Outcome.B_WINS).build();
        // a scores 3 of 4: the MLE odds are 3, so R_a - R_b = 400 log10(3)
        double gap = 400 * Math.log10(3);
        Ratings r = centred.fit(battles);
        assertThat(r.rating("a")).isCloseTo(1000 + gap / 2, within(1e-9));
        assertThat(r.rating("b")).isCloseTo(1000 - gap / 2, within(1e-9));
        assertThat(r.winProbability("a", "b")).isCloseTo(0.75, within(1e-12));
        assertThat(r.logLikelihood()).isCloseTo(3 * Math.log(0.75) + Math.log(0.25), within(1e-12));
        Ratings anchored = BradleyTerry.builder().anchor("b", 800).build().fit(battles);
        assertThat(anchored.rating("b")).isEqualTo(800);
        assertThat(anchored.rating("a")).isCloseTo(800 + gap, within(1e-9));
    }

    @Test
    void fit_tieAsHalfWin_equalsTieAsOneWinEachWithDoubledDecisiveBattles() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 80, -60, 200}, 300, 0.3, 17);
        Battles.Builder duplicated = Battles.builder();
        for (int i = 0; i < battles.size(); i++) {
            String a = battles.playerA(i);
            String b = battles.playerB(i);
            if (battles.outcome(i) == Outcome.TIE) {
                duplicated.add(a, b, Outcome.A_WINS).add(a, b, Outcome.B_WINS);
            } else {
                duplicated.add(a, b, battles.outcome(i), 2);
            }
        }
        Ratings halves = centred.fit(battles);
        Ratings doubled = centred.fit(duplicated.build());
        for (String p : battles.players()) {
            assertThat(doubled.rating(p)).isCloseTo(halves.rating(p), within(1e-9));
        }
        assertThat(doubled.logLikelihood()).isCloseTo(2 * halves.logLikelihood(), within(1e-9));
    }

    @Test
    void fit_centred_hasMeanInitialRatingAndScaleBaseChangeTheUnits() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 80, -60, 200}, 400, 0.1, 5);
        Ratings r = BradleyTerry.builder().initialRating(1500).build().fit(battles);
        assertThat(r.asMap().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(1500, within(1e-9));
        Ratings natural = BradleyTerry.builder().scale(1).base(Math.E).initialRating(0).build().fit(battles);
        double perUnit = 400 / Math.log(10);
        for (String p : battles.players()) {
            assertThat(r.rating(p) - 1500).isCloseTo(perUnit * natural.rating(p), within(1e-9));
        }
        assertThat(natural.logLikelihood()).isCloseTo(r.logLikelihood(), within(1e-9));
        assertThat(r.iterations()).isBetween(2, 20);
    }

    @Test
    void fit_weight_equalsRepeatingTheBattle() {
        Battles weighted = Battles.builder().add("a", "b", Outcome.A_WINS, 3).add("b", "a", Outcome.A_WINS)
                .add("a", "c", Outcome.TIE, 2).add("c", "b", Outcome.B_WINS).add("c", "b", Outcome.A_WINS).build();
        Battles repeated = Battles.builder().add("a", "b", Outcome.A_WINS).add("a", "b", Outcome.A_WINS)
                .add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.A_WINS).add("a", "c", Outcome.TIE)
                .add("a", "c", Outcome.TIE).add("c", "b", Outcome.B_WINS).add("c", "b", Outcome.A_WINS).build();
        Ratings w = centred.fit(weighted);
        Ratings r = centred.fit(repeated);
        assertThat(w.toArray()).containsExactly(r.toArray(), within(1e-9));
        assertThat(w.logLikelihood()).isCloseTo(r.logLikelihood(), within(1e-12));
    }

    @Test
    void fit_playerWhoNeverLosesOrTies_isRejectedByName() {
        Battles battles = Battles.builder().add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.A_WINS)
                .add("champ", "a", Outcome.A_WINS).add("b", "champ", Outcome.B_WINS).build();
        assertThatThrownBy(() -> centred.fit(battles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not exist")
                .hasMessageContaining("player 'champ' never lost or tied against [a, b]");
    }

    @Test
    void fit_playerWhoNeverWinsOrTies_isRejectedByName() {
        Battles battles = Battles.builder().add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.A_WINS)
                .add("loser", "a", Outcome.B_WINS).add("b", "loser", Outcome.A_WINS).build();
        assertThatThrownBy(() -> centred.fit(battles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("player 'loser' never won or tied against [a, b]");
    }

    @Test
    void fit_aTieIsEnoughForAFiniteEstimate() {
        Battles battles = Battles.builder().add("a", "b", Outcome.A_WINS).add("a", "b", Outcome.TIE).build();
        Ratings r = centred.fit(battles);
        // a scores 1.5 of 2: odds 3
        assertThat(r.rating("a") - r.rating("b")).isCloseTo(400 * Math.log10(3), within(1e-9));
    }

    @Test
    void fit_groupsThatNeverMet_areRejected() {
        Battles battles = Battles.builder().add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.A_WINS)
                .add("c", "d", Outcome.A_WINS).add("d", "c", Outcome.A_WINS).build();
        assertThatThrownBy(() -> centred.fit(battles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("players [c, d] never lost or tied against [a, b]");
    }

    @Test
    void fit_badInput_isRejected() {
        assertThatThrownBy(() -> centred.fit(Battles.builder().build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battles must not be empty");
        Battles battles = Battles.builder().add("a", "b", Outcome.TIE).build();
        assertThatThrownBy(() -> BradleyTerry.builder().anchor("z", 1000).build().fit(battles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("anchor player 'z' is not among the players [a, b]");
        assertThatThrownBy(() -> BradleyTerry.builder().anchor("a", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BradleyTerry.builder().scale(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be finite and > 0 but was 0.0");
        assertThatThrownBy(() -> centred.fit(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ratings_accessors_areConsistent() {
        Ratings r = centred.fit(SyntheticBattles.generate(new double[] {0, 300, -100}, 200, 0.2, 8));
        assertThat(r.players()).containsExactlyInAnyOrder("p0", "p1", "p2");
        assertThat(r.asMap().keySet()).containsExactlyElementsOf(r.players());
        assertThat(r.rating(0)).isEqualTo(r.rating(r.players().get(0)));
        assertThat(r.winProbability("p1", "p2") + r.winProbability("p2", "p1")).isCloseTo(1, within(1e-15));
        assertThat(r.toString().lines().skip(1).findFirst().orElseThrow()).contains("p1");
        assertThat(r.toString()).contains("log-likelihood");
        assertThatThrownBy(() -> r.rating("p9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrap_isReproducibleAndTheAnchorHasNoSpread() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 100, 250, -50}, 800, 0.15, 21);
        BradleyTerry anchored = BradleyTerry.builder().anchor("p0", 1000).build();
        Bootstrap bootstrap = Bootstrap.builder().rounds(100).seed(3).build();
        RatingIntervals first = anchored.bootstrap(battles, bootstrap);
        RatingIntervals again = anchored.bootstrap(battles, Bootstrap.builder().rounds(100).seed(3).parallel(true)
                .build());
        for (String p : battles.players()) {
            assertThat(again.replicates(p)).containsExactly(first.replicates(p));
            assertThat(first.interval(p).contains(first.ratings().rating(p))).isTrue();
        }
        assertThat(first.interval("p0").lower()).isEqualTo(1000);
        assertThat(first.interval("p0").upper()).isEqualTo(1000);
        assertThat(first.interval("p2").lower()).isGreaterThan(first.interval("p1").upper());
        assertThat(first.ratings().toArray()).containsExactly(anchored.fit(battles).toArray());
    }

    @Test
    void bootstrap_replicates_areRefitsOnBattlesResampledWithReplacement() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 120, -80}, 300, 0.2, 33);
        Bootstrap bootstrap = Bootstrap.builder().rounds(30).seed(6).build();
        double[] viaBlocks = bootstrap.pairedReplicates(battles.size(),
                idx -> centred.fit(subset(battles, idx)).rating("p1"));
        assertThat(centred.bootstrap(battles, bootstrap).replicates("p1")).containsExactly(viaBlocks, within(1e-9));
    }

    @Test
    void bootstrap_weightedBattles_keepTheirWeightsWhenResampled() {
        Battles plain = SyntheticBattles.generate(new double[] {0, 120, -80}, 300, 0.2, 35);
        Battles.Builder builder = Battles.builder();
        for (int i = 0; i < plain.size(); i++) {
            builder.add(plain.playerA(i), plain.playerB(i), plain.outcome(i), i % 4 == 0 ? 3 : 1);
        }
        Battles battles = builder.build();
        Bootstrap bootstrap = Bootstrap.builder().rounds(30).seed(8).build();
        double[] viaBlocks = bootstrap.pairedReplicates(battles.size(),
                idx -> centred.fit(subset(battles, idx)).rating("p2"));
        RatingIntervals intervals = centred.bootstrap(battles, bootstrap);
        assertThat(intervals.replicates("p2")).containsExactly(viaBlocks, within(1e-9));
        assertThat(intervals.players()).containsExactlyElementsOf(battles.players());
        assertThat(intervals.toString().lines().count()).isEqualTo(4);
        assertThatThrownBy(() -> intervals.interval("p7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p7'");
    }

    @Test
    void bootstrap_bca_groupedJackknifeEqualsLeavingOutEveryBattle() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 120, -80}, 240, 0.2, 34);
        Bootstrap bca = Bootstrap.builder().rounds(200).seed(6).method(Bootstrap.Method.BCA).build();
        ConfidenceInterval naive = bca.pairedInterval(battles.size(),
                idx -> centred.fit(subset(battles, idx)).rating("p2"));
        ConfidenceInterval grouped = centred.bootstrap(battles, bca).interval("p2");
        assertThat(grouped.lower()).isCloseTo(naive.lower(), within(1e-7));
        assertThat(grouped.upper()).isCloseTo(naive.upper(), within(1e-7));
        ConfidenceInterval percentile = centred.bootstrap(battles, Bootstrap.builder().rounds(200).seed(6).build())
                .interval("p2");
        assertThat(grouped).isNotEqualTo(percentile);
    }

    @Test
    void bootstrap_resampleWithoutFiniteEstimate_namesTheRound() {
        Battles battles = Battles.builder().add("a", "b", Outcome.A_WINS).add("b", "a", Outcome.A_WINS)
                .add("a", "b", Outcome.TIE).build();
        assertThatThrownBy(() -> centred.bootstrap(battles, Bootstrap.builder().rounds(50).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("bootstrap round \\d+: the Bradley-Terry maximum-likelihood ratings do not exist.*");
    }

    private static Battles subset(Battles battles, int[] indices) {
        Battles.Builder builder = Battles.builder();
        for (int i : indices) {
            builder.add(battles.playerA(i), battles.playerB(i), battles.outcome(i), battles.weight(i));
        }
        return builder.build();
    }
}
