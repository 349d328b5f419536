package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered collection of weighted battles between named players, the input of {@link BradleyTerry},
 * {@link Elo} and {@link WinMatrix}.
 *
 * <p>Players are numbered in order of first appearance (player A before player B within a battle);
 * {@link #players()} lists them in that order, and every rating and matrix uses the same order. Battles keep the
 * order in which they were added, which matters for online {@link Elo}. Internally battles are primitive arrays (21 bytes a
 * battle), so millions of battles are cheap. Instances are immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Battles {

    private final List<String> players;
    private final Map<String, Integer> indexByName;
    private final int[] playerA;
    private final int[] playerB;
    private static final Outcome[] OUTCOMES = Outcome.values();

    /** Outcome ordinals. */
    private final byte[] outcomes;
    private final double[] weights;

    private Battles(Builder b) {
        this.players = List.copyOf(b.players);
        this.indexByName = Map.copyOf(b.indexByName);
        this.playerA = Arrays.copyOf(b.playerA, b.size);
        this.playerB = Arrays.copyOf(b.playerB, b.size);
        this.outcomes = Arrays.copyOf(b.outcomes, b.size);
        this.weights = Arrays.copyOf(b.weights, b.size);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of battles. */
    public int size() {
        return playerA.length;
    }

    /** The number of distinct players. */
    public int playerCount() {
        return players.size();
    }

    /** The players in order of first appearance; immutable. */
    public List<String> players() {
        return players;
    }

    /**
     * The position of {@code player} in {@link #players()}.
     *
     * @throws IllegalArgumentException if {@code player} never battled
     */
    public int indexOf(String player) {
        Objects.requireNonNull(player, "player");
        return Preconditions.checkPresent(indexByName.get(player),
                () -> "player '" + player + "' is not among the players " + players);
    }

    /** Player A of battle {@code battle} (0-based, in the order added). */
    public String playerA(int battle) {
        return players.get(playerA[checkBattle(battle)]);
    }

    /** Player B of battle {@code battle}. */
    public String playerB(int battle) {
        return players.get(playerB[checkBattle(battle)]);
    }

    /** The outcome of battle {@code battle}. */
    public Outcome outcome(int battle) {
        return OUTCOMES[outcomes[checkBattle(battle)]];
    }

    /** The weight of battle {@code battle} (1 unless given). */
    public double weight(int battle) {
        return weights[checkBattle(battle)];
    }

    /**
     * The weighted wins, ties and losses of every pair of players, computed in one pass over the battles.
     */
    public WinMatrix winMatrix() {
        int k = players.size();
        double[] wins = new double[k * k];
        double[] ties = new double[k * k];
        for (int n = 0; n < playerA.length; n++) {
            int a = playerA[n];
            int b = playerB[n];
            double w = weights[n];
            switch (OUTCOMES[outcomes[n]]) {
                case A_WINS:
                    wins[a * k + b] += w;
                    break;
                case B_WINS:
                    wins[b * k + a] += w;
                    break;
                default:
                    ties[a * k + b] += w;
                    ties[b * k + a] += w;
                    break;
            }
        }
        return new WinMatrix(players, wins, ties);
    }

    int[] playerAIds() {
        return playerA;
    }

    int[] playerBIds() {
        return playerB;
    }

    /** The outcome of battle {@code n}, without bounds checks beyond the array's. */
    Outcome outcomeAt(int n) {
        return OUTCOMES[outcomes[n]];
    }

    double[] weightArray() {
        return weights;
    }

    private int checkBattle(int battle) {
        if (battle < 0 || battle >= playerA.length) {
            throw new IndexOutOfBoundsException("battle must be in [0, " + playerA.length + ") but was " + battle);
        }
        return battle;
    }

    @Override
    public String toString() {
        return "Battles[" + size() + " battles, " + players.size() + " players " + players + "]";
    }

    /**
     * Collects battles in order. Not thread-safe; {@link #build()} copies, so the builder stays usable.
     */
    public static final class Builder {

        private final List<String> players = new ArrayList<>();
        private final Map<String, Integer> indexByName = new HashMap<>();
        private int[] playerA = new int[16];
        private int[] playerB = new int[16];
        private byte[] outcomes = new byte[16];
        private double[] weights = new double[16];
        private int size;

        private Builder() {
        }

        /**
         * Adds a battle of weight 1.
         *
         * @see #add(String, String, Outcome, double)
         */
        public Builder add(String playerA, String playerB, Outcome outcome) {
            return add(playerA, playerB, outcome, 1.0);
        }

        /**
         * Adds a battle.
         *
         * @param playerA the first player's name
         * @param playerB the second player's name, different from {@code playerA}
         * @param outcome who won
         * @param weight  how much the battle counts, finite and greater than 0 (1 for a plain battle; Arena-Hard
         *                gives a decisive "&gt;&gt;" verdict weight 3)
         * @return this builder
         * @throws IllegalArgumentException if the players are equal or the weight is not finite and positive
         */
        public Builder add(String playerA, String playerB, Outcome outcome, double weight) {
            Objects.requireNonNull(playerA, "playerA");
            Objects.requireNonNull(playerB, "playerB");
            Objects.requireNonNull(outcome, "outcome");
            if (playerA.equals(playerB)) {
                throw new IllegalArgumentException("battle " + size + ": playerA and playerB must differ but both were '"
                        + playerA + "'");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("battle " + size + ": weight must be finite and > 0 but was "
                        + weight);
            }
            if (size == this.playerA.length) {
                int capacity = size * 2;
                this.playerA = Arrays.copyOf(this.playerA, capacity);
                this.playerB = Arrays.copyOf(this.playerB, capacity);
                this.outcomes = Arrays.copyOf(this.outcomes, capacity);
                this.weights = Arrays.copyOf(this.weights, capacity);
            }
            this.playerA[size] = idOf(playerA);
            this.playerB[size] = idOf(playerB);
            this.outcomes[size] = (byte) outcome.ordinal();
            this.weights[size] = weight;
            size++;
            return this;
        }

        private int idOf(String player) {
            Integer id = indexByName.get(player);
            if (id == null) {
                id = players.size();
                players.add(player);
                indexByName.put(player, id);
            }
            return id;
        }

        /** The battles added so far, as an immutable collection (possibly empty). */
        public Battles build() {
            return new Battles(this);
        }
    }
}
