package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;

/**
 * Weighted wins, ties and losses of every ordered pair of players, as produced by {@link Battles#winMatrix()}.
 *
 * <p>Indices are positions in {@link #players()}. {@code wins(i, j)} is the total weight of the battles player
 * {@code i} won against player {@code j}, whichever side each battle put them on; {@code ties(i, j) == ties(j, i)}
 * and {@code losses(i, j) == wins(j, i)}. The diagonal is 0. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WinMatrix {

    private final List<String> players;
    private final double[] wins;
    private final double[] ties;

    WinMatrix(List<String> players, double[] wins, double[] ties) {
        this.players = List.copyOf(players);
        this.wins = wins;
        this.ties = ties;
    }

    /** The players, in the order of {@link Battles#players()}; immutable. */
    public List<String> players() {
        return players;
    }

    /**
     * The position of {@code player} in {@link #players()}.
     *
     * @throws IllegalArgumentException if the player is unknown
     */
    public int indexOf(String player) {
        return RatingChecks.indexOf(players, player);
    }

    /** The weighted number of battles player {@code i} won against player {@code j}. */
    public double wins(int i, int j) {
        return wins[cell(i, j)];
    }

    /** The weighted number of ties between players {@code i} and {@code j} (symmetric). */
    public double ties(int i, int j) {
        return ties[cell(i, j)];
    }

    /** The weighted number of battles player {@code i} lost against player {@code j}, that is {@code wins(j, i)}. */
    public double losses(int i, int j) {
        return wins[cell(j, i)];
    }

    /** The weighted number of battles between players {@code i} and {@code j}: wins + ties + losses. */
    public double battles(int i, int j) {
        return wins(i, j) + ties(i, j) + losses(i, j);
    }

    private int cell(int i, int j) {
        int k = players.size();
        if (i < 0 || i >= k) {
            throw new IndexOutOfBoundsException("i must be in [0, " + k + ") but was " + i);
        }
        if (j < 0 || j >= k) {
            throw new IndexOutOfBoundsException("j must be in [0, " + k + ") but was " + j);
        }
        return i * k + j;
    }

    /**
     * A table with one row per player and one {@code wins/ties/losses} cell per opponent, for example
     * {@code 12/3/5}.
     */
    @Override
    public String toString() {
        int k = players.size();
        String[][] cells = new String[k + 1][k + 1];
        cells[0][0] = "W/T/L";
        for (int i = 0; i < k; i++) {
            cells[0][i + 1] = players.get(i);
            cells[i + 1][0] = players.get(i);
            for (int j = 0; j < k; j++) {
                cells[i + 1][j + 1] = i == j ? "-"
                        : count(wins(i, j)) + "/" + count(ties(i, j)) + "/" + count(losses(i, j));
            }
        }
        int[] widths = new int[k + 1];
        for (String[] row : cells) {
            for (int c = 0; c <= k; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            for (int c = 0; c <= k; c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                out.append(String.format(Locale.ROOT, format, row[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String count(double weight) {
        return weight == Math.rint(weight) && Math.abs(weight) < 1e15
                ? Long.toString((long) weight)
                : String.format(Locale.ROOT, "%.3f", weight);
    }
}
