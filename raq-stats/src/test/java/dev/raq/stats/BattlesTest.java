package dev.raq.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BattlesTest {

    @Test
    void builder_players_areNumberedInOrderOfFirstAppearance() {
        Battles battles = Battles.builder()
                .add("b", "c", Outcome.A_WINS)
                .add("a", "b", Outcome.TIE, 2.5)
                .add("c", "a", Outcome.B_WINS)
                .build();
        assertThat(battles.players()).containsExactly("b", "c", "a");
        assertThat(battles.size()).isEqualTo(3);
        assertThat(battles.playerCount()).isEqualTo(3);
        assertThat(battles.indexOf("a")).isEqualTo(2);
        assertThat(battles.playerA(1)).isEqualTo("a");
        assertThat(battles.playerB(1)).isEqualTo("b");
        assertThat(battles.outcome(1)).isEqualTo(Outcome.TIE);
        assertThat(battles.weight(1)).isEqualTo(2.5);
        assertThat(battles.weight(0)).isEqualTo(1.0);
        assertThat(battles.toString()).isEqualTo("Battles[3 battles, 3 players [b, c, a]]");
    }

    @Test
    void builder_isReusableAndBuildCopies() {
        Battles.Builder builder = Battles.builder().add("x", "y", Outcome.A_WINS);
        Battles first = builder.build();
        for (int i = 0; i < 40; i++) {
            builder.add("x", "z", Outcome.B_WINS);
        }
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.players()).containsExactly("x", "y");
        assertThat(builder.build().size()).isEqualTo(41);
    }

    @Test
    void add_badBattles_areRejectedNamingTheBattle() {
        Battles.Builder builder = Battles.builder().add("x", "y", Outcome.A_WINS);
        assertThatThrownBy(() -> builder.add("x", "x", Outcome.TIE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battle 1: playerA and playerB must differ but both were 'x'");
        assertThatThrownBy(() -> builder.add("x", "y", Outcome.TIE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("battle 1: weight must be finite and > 0 but was 0.0");
        assertThatThrownBy(() -> builder.add("x", "y", Outcome.TIE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add("x", "y", Outcome.TIE, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(null, "y", Outcome.TIE)).isInstanceOf(NullPointerException.class)
                .hasMessage("playerA");
        assertThatThrownBy(() -> builder.build().indexOf("nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> builder.build().outcome(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void winMatrix_countsWeightedWinsTiesAndLossesFromBothSides() {
        Battles battles = Battles.builder()
                .add("a", "b", Outcome.A_WINS)
                .add("b", "a", Outcome.A_WINS, 3)
                .add("b", "a", Outcome.B_WINS)
                .add("a", "b", Outcome.TIE, 0.5)
                .add("c", "a", Outcome.TIE)
                .build();
        WinMatrix m = battles.winMatrix();
        int a = m.indexOf("a");
        int b = m.indexOf("b");
        int c = m.indexOf("c");
        assertThat(m.players()).containsExactly("a", "b", "c");
        assertThat(m.wins(a, b)).isEqualTo(2.0);
        assertThat(m.wins(b, a)).isEqualTo(3.0);
        assertThat(m.losses(a, b)).isEqualTo(3.0);
        assertThat(m.ties(a, b)).isEqualTo(0.5);
        assertThat(m.ties(b, a)).isEqualTo(0.5);
        assertThat(m.battles(a, b)).isEqualTo(5.5);
        assertThat(m.battles(b, a)).isEqualTo(5.5);
        assertThat(m.ties(c, a)).isEqualTo(1.0);
        assertThat(m.battles(b, c)).isZero();
        assertThat(m.wins(a, a)).isZero();
        assertThatThrownBy(() -> m.wins(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void winMatrix_toString_isATableOfWinsTiesLosses() {
        WinMatrix m = Battles.builder().add("alpha", "beta", Outcome.A_WINS).add("alpha", "beta", Outcome.TIE, 0.5)
                .build().winMatrix();
        assertThat(m.toString()).isEqualTo(""
                + "W/T/L      alpha       beta\n"
                + "alpha          -  1/0.500/0\n"
                + "beta   0/0.500/1          -\n");
    }
}
