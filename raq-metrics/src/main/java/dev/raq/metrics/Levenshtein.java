package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Levenshtein (unit-cost edit) distance and normalized similarity between strings, counted in Unicode code points
 * (so an emoji or a supplementary CJK character is one unit); the same alignment underlies {@link ErrorRate}.
 *
 * <p>Runs in O(|a|·|b|) time and O(|b|) memory. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Levenshtein {

    private Levenshtein() {
    }

    /**
     * The minimum number of code point insertions, deletions and substitutions that turn {@code a} into {@code b}.
     *
     * @param a the first string, possibly empty
     * @param b the second string, possibly empty
     * @return the distance, 0 for equal strings
     */
    public static int distance(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return align(a.codePoints().toArray(), b.codePoints().toArray()).errors();
    }

    /**
     * The normalized similarity {@code 1 − distance / max(|a|, |b|)} in code points, as
     * {@code rapidfuzz.distance.Levenshtein.normalized_similarity} with unit weights.
     *
     * @param a the first string, possibly empty
     * @param b the second string, possibly empty
     * @return the similarity in [0, 1]; 1 for equal strings, including two empty ones
     */
    public static double similarity(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int longest = Math.max(x.length, y.length);
        return longest == 0 ? 1.0 : 1.0 - (double) align(x, y).errors() / longest;
    }

    /**
     * A minimal alignment of {@code hypothesis} to {@code reference}. Among alignments of equal cost every cell of the
     * dynamic programme prefers a match or substitution, then a deletion, then an insertion, so the counts are
     * deterministic.
     */
    static EditCounts align(int[] reference, int[] hypothesis) {
        int n = hypothesis.length;
        // per column j of the current row: cost, substitutions, deletions, insertions of the best alignment of the
        // reference prefix with hypothesis[0..j)
        int[] cost = new int[n + 1];
        int[] subs = new int[n + 1];
        int[] dels = new int[n + 1];
        int[] ins = new int[n + 1];
        int[] nextCost = new int[n + 1];
        int[] nextSubs = new int[n + 1];
        int[] nextDels = new int[n + 1];
        int[] nextIns = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            cost[j] = j;
            ins[j] = j;
        }
        for (int i = 1; i <= reference.length; i++) {
            int r = reference[i - 1];
            nextCost[0] = i;
            nextSubs[0] = 0;
            nextDels[0] = i;
            nextIns[0] = 0;
            for (int j = 1; j <= n; j++) {
                boolean same = r == hypothesis[j - 1];
                int diagonal = cost[j - 1] + (same ? 0 : 1);
                int deletion = cost[j] + 1;
                int insertion = nextCost[j - 1] + 1;
                if (diagonal <= deletion && diagonal <= insertion) {
                    nextCost[j] = diagonal;
                    nextSubs[j] = subs[j - 1] + (same ? 0 : 1);
                    nextDels[j] = dels[j - 1];
                    nextIns[j] = ins[j - 1];
                } else if (deletion <= insertion) {
                    nextCost[j] = deletion;
                    nextSubs[j] = subs[j];
                    nextDels[j] = dels[j] + 1;
                    nextIns[j] = ins[j];
                } else {
                    nextCost[j] = insertion;
                    nextSubs[j] = nextSubs[j - 1];
                    nextDels[j] = nextDels[j - 1];
                    nextIns[j] = nextIns[j - 1] + 1;
                }
            }
            int[] t = cost; cost = nextCost; nextCost = t;
            t = subs; subs = nextSubs; nextSubs = t;
            t = dels; dels = nextDels; nextDels = t;
            t = ins; ins = nextIns; nextIns = t;
        }
        return new EditCounts(subs[n], dels[n], ins[n], reference.length);
    }
}
