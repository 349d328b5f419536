package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EloTest {

    private final Elo elo = Elo.builder().build();

    @Test
    void ratings_oneWin_movesBothByHalfK() {
        Ratings r = elo.ratings(Battles.builder().add("x", "y", Outcome.A_WINS).build());
        assertThat(r.rating("x")).isEqualTo(1002.0);
        assertThat(r.rating("y")).isEqualTo(998.0);
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.logLikelihood()).isCloseTo(Math.log(1 / (1 + Math.pow(10, -4 / 400.0))), within(1e-15));
    }

    @Test
    void ratings_secondBattle_usesUpdatedRatings() {
        Ratings r = elo.ratings(Battles.builder().add("x", "y", Outcome.A_WINS).add("y", "x", Outcome.TIE).build());
        double expectedY = 1 / (1 + Math.pow(10, (1002 - 998) / 400.0));
        assertThat(r.rating("y")).isCloseTo(998 + 4 * (0.5 - expectedY), within(1e-12));
        assertThat(r.rating("x") + r.rating("y")).isCloseTo(2000, within(1e-12));
    }

    @Test
    void ratings_weight_scalesTheStep() {
        Ratings r = elo.ratings(Battles.builder().add("x", "y", Outcome.B_WINS, 2).build());
        assertThat(r.rating("x")).isEqualTo(996.0);
        Ratings k8 = Elo.builder().k(8).initialRating(1500).build()
                .ratings(Battles.builder().add("x", "y", Outcome.B_WINS).build());
        assertThat(k8.rating("y")).isEqualTo(1504.0);
    }

    @Test
    void ratings_orderMatters() {
        Battles forward = Battles.builder().add("x", "y", Outcome.A_WINS).add("x", "z", Outcome.B_WINS)
                .add("y", "z", Outcome.A_WINS).build();
        Battles reversed = Battles.builder().add("y", "z", Outcome.A_WINS).add("x", "z", Outcome.B_WINS)
                .add("x", "y", Outcome.A_WINS).build();
        assertThat(elo.ratings(forward).rating("z")).isNotEqualTo(elo.ratings(reversed).rating("z"));
    }

    @Test
    void ratings_badInput_isRejected() {
        assertThatThrownBy(() -> elo.ratings(Battles.builder().build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battles must not be empty");
        assertThatThrownBy(() -> Elo.builder().k(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be finite and > 0 but was 0.0");
        assertThatThrownBy(() -> Elo.builder().base(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base must be finite and > 1 but was 1.0");
        assertThatThrownBy(() -> Elo.builder().scale(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Elo.builder().initialRating(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrap_isReproducibleParallelOrNotAndBracketsTheRatings() {
        Battles battles = SyntheticBattles.generate(new double[] {0, 100, 200}, 600, 0.1, 3);
        Bootstrap bootstrap = Bootstrap.builder().rounds(200).seed(4).build();
        RatingIntervals first = elo.bootstrap(battles, bootstrap);
        RatingIntervals parallel = elo.bootstrap(battles, Bootstrap.builder().rounds(200).seed(4).parallel(true)
                .build());
        assertThat(first.rounds()).isEqualTo(200);
        for (String p : battles.players()) {
            assertThat(parallel.replicates(p)).containsExactly(first.replicates(p));
            assertThat(first.interval(p).level()).isEqualTo(0.95);
            assertThat(first.interval(p).width()).isBetween(5.0, 150.0);
        }
        assertThat(first.ratings().rating("p2")).isGreaterThan(first.ratings().rating("p0"));
        assertThat(first.interval("p2").lower()).isGreaterThan(first.interval("p0").upper());
        assertThat(first.toString()).contains("p2", "95% bootstrap intervals (200 rounds)");
    }

    @Test
    void bootstrap_playerNotDrawn_keepsTheInitialRating() {
        Battles.Builder builder = Battles.builder().add("rare", "a", Outcome.A_WINS);
        for (int i = 0; i < 30; i++) {
            builder.add("a", "b", i % 2 == 0 ? Outcome.A_WINS : Outcome.B_WINS);
        }
        RatingIntervals intervals = elo.bootstrap(builder.build(), Bootstrap.builder().rounds(50).build());
        assertThat(intervals.replicates("rare")).contains(1000.0);
    }

    @Test
    void bootstrap_bca_isRejected() {
        Battles battles = Battles.builder().add("x", "y", Outcome.A_WINS).build();
        assertThatThrownBy(() -> elo.bootstrap(battles, Bootstrap.builder().method(Bootstrap.Method.BCA).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percentile");
    }

    @Test
    void ratings_syntheticStrengths_areRecoveredInOrder() {
        Battles battles = SyntheticBattles.generate(new double[] {-150, 0, 150}, 3000, 0.0, new SplittableRandom(1)
                .nextLong());
        Ratings r = elo.ratings(battles);
        assertThat(r.rating("p0")).isLessThan(r.rating("p1"));
        assertThat(r.rating("p1")).isLessThan(r.rating("p2"));
    }
}
