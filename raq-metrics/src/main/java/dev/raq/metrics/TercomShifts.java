package dev.raq.metrics;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * The number of edits of sacreBLEU 2.6.0's {@code lib_ter.translation_edit_rate}: a greedy search for block
 * shifts (Tercom's heuristics and constants) around a beam-limited word edit distance.
 *
 * <p>Words are int ids. The edit distance keeps the matrix of the previous call and recomputes only the rows after
 * the common prefix with the new hypothesis; since all hypotheses of one search have the same length, those rows
 * are exactly what sacreBLEU's trie cache would return. Not thread-safe: one instance per (hypothesis, reference).
 */
final class TercomShifts {

    private static final int MAX_SHIFT_SIZE = 10;
    private static final int MAX_SHIFT_DIST = 50;
    private static final int BEAM_WIDTH = 25;
    private static final int MAX_SHIFT_CANDIDATES = 1000;
    private static final int INFINITY = 1_000_000_000;

    private static final byte OP_NOP = 0;
    private static final byte OP_SUB = 1;
    private static final byte OP_INS = 2;
    private static final byte OP_DEL = 3;
    private static final byte OP_UNDEF = 4;

    private final int[] ref;
    private final int nRef;
    private final int nHyp;
    private final int[][] cost;
    private final byte[][] op;
    private final int[] computedFor;
    private int validRows;

    private int checkedCandidates;

    private TercomShifts(int[] hyp, int[] ref) {
        this.ref = ref;
        this.nRef = ref.length;
        this.nHyp = hyp.length;
        this.cost = new int[nHyp + 1][nRef + 1];
        this.op = new byte[nHyp + 1][nRef + 1];
        for (int j = 0; j <= nRef; j++) {
            cost[0][j] = j;
            op[0][j] = OP_INS;
        }
        this.computedFor = new int[nHyp];
        this.validRows = 0;
    }

    /** The number of edits (shifts + insertions + deletions + substitutions) turning {@code hyp} into {@code ref}. */
    static int numEdits(int[] hyp, int[] ref) {
        if (ref.length == 0) {
            return hyp.length;
        }
        return new TercomShifts(hyp, ref).search(hyp);
    }

    private int search(int[] hyp) {
        int shifts = 0;
        int[] input = hyp;
        while (true) {
            Shift best = bestShift(input);
            if (checkedCandidates >= MAX_SHIFT_CANDIDATES) {
                break;
            }
            if (best == null || best.delta <= 0) {
                break;
            }
            shifts++;
            input = best.words;
        }
        return shifts + distance(input);
    }

    /** One candidate shift, ranked like sacreBLEU's tuple (delta, length, -start, -target). */
    private static final class Shift {
        final int delta;
        final int length;
        final int start;
        final int target;
        final int[] words;

        Shift(int delta, int length, int start, int target, int[] words) {
            this.delta = delta;
            this.length = length;
            this.start = start;
            this.target = target;
            this.words = words;
        }

        boolean betterThan(Shift o) {
            if (delta != o.delta) {
                return delta > o.delta;
            }
            if (length != o.length) {
                return length > o.length;
            }
            if (start != o.start) {
                return start < o.start;
            }
            return target < o.target;
        }
    }

    /** sacreBLEU's {@code _shift}: the best shift of {@code words}, or null when no candidate exists. */
    private @Nullable Shift bestShift(int[] words) {
        int preScore = distance(words);
        // the trace, flipped (insertions <-> deletions) and turned into an alignment, as sacreBLEU does
        byte[] trace = trace();
        int[] align = new int[nRef];
        boolean[] hypErr = new boolean[nHyp];
        boolean[] refErr = new boolean[nRef];
        int posHyp = -1;
        int posRef = -1;
        for (byte o : trace) {
            if (o == OP_NOP || o == OP_SUB) {
                posHyp++;
                posRef++;
                align[posRef] = posHyp;
                hypErr[posHyp] = o == OP_SUB;
                refErr[posRef] = o == OP_SUB;
            } else if (o == OP_DEL) {
                // a deletion from the hypothesis is, flipped, an insertion into it: it consumes a hypothesis word
                posHyp++;
                hypErr[posHyp] = true;
            } else {
                posRef++;
                align[posRef] = posHyp;
                refErr[posRef] = true;
            }
        }

        Shift best = null;
        for (int startH = 0; startH < nHyp; startH++) {
            for (int startR = 0; startR < nRef; startR++) {
                if (Math.abs(startR - startH) > MAX_SHIFT_DIST) {
                    continue;
                }
                int length = 0;
                while (words[startH + length] == ref[startR + length] && length < MAX_SHIFT_SIZE) {
                    length++;
                    best = tryShifts(words, startH, startR, length, preScore, align, hypErr, refErr, best);
                    if (checkedCandidates >= MAX_SHIFT_CANDIDATES) {
                        return best;
                    }
                    if (nHyp == startH + length || nRef == startR + length) {
                        break;
                    }
                }
            }
        }
        return best;
    }

    private @Nullable Shift tryShifts(int[] words, int startH, int startR, int length, int preScore, int[] align,
                            boolean[] hypErr, boolean[] refErr, @Nullable Shift best) {
        if (!any(hypErr, startH, startH + length) || !any(refErr, startR, startR + length)) {
            return best;
        }
        if (startH <= align[startR] && align[startR] < startH + length) {
            return best;
        }
        int prevIdx = -1;
        for (int offset = -1; offset < length; offset++) {
            int idx;
            if (startR + offset == -1) {
                idx = 0;
            } else if (startR + offset < nRef) {
                idx = align[startR + offset] + 1;
            } else {
                break;
            }
            if (idx == prevIdx) {
                continue;
            }
            prevIdx = idx;
            int[] shifted = performShift(words, startH, length, idx);
            Shift candidate = new Shift(preScore - distance(shifted), length, startH, idx, shifted);
            checkedCandidates++;
            if (best == null || candidate.betterThan(best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean any(boolean[] flags, int from, int to) {
        for (int i = from; i < Math.min(to, flags.length); i++) {
            if (flags[i]) {
                return true;
            }
        }
        return false;
    }

    /** sacreBLEU's {@code _perform_shift}: moves {@code words[start, start + length)} before index {@code target}. */
    static int[] performShift(int[] words, int start, int length, int target) {
        int n = words.length;
        int[] out = new int[n];
        int o = 0;
        if (target < start) {
            o = copy(words, 0, target, out, o);
            o = copy(words, start, start + length, out, o);
            o = copy(words, target, start, out, o);
            copy(words, start + length, n, out, o);
        } else if (target > start + length) {
            o = copy(words, 0, start, out, o);
            o = copy(words, start + length, target, out, o);
            o = copy(words, start, start + length, out, o);
            copy(words, target, n, out, o);
        } else {
            o = copy(words, 0, start, out, o);
            o = copy(words, start + length, length + target, out, o);
            o = copy(words, start, start + length, out, o);
            copy(words, length + target, n, out, o);
        }
        return out;
    }

    /** Python slice semantics: copies {@code words[from:to]} (clamped) to {@code out} at {@code o}. */
    private static int copy(int[] words, int from, int to, int[] out, int o) {
        int f = Math.min(from, words.length);
        int t = Math.min(to, words.length);
        if (t > f) {
            System.arraycopy(words, f, out, o, t - f);
            return o + t - f;
        }
        return o;
    }

    /** The beam edit distance of {@code words} to the reference; leaves the matrix for {@link #trace()}. */
    private int distance(int[] words) {
        int start = 0;
        while (start < validRows && computedFor[start] == words[start]) {
            start++;
        }
        double lengthRatio = nHyp > 0 ? (double) nRef / nHyp : 1;
        int beamWidth = BEAM_WIDTH < lengthRatio / 2 ? (int) Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
        for (int i = start + 1; i <= nHyp; i++) {
            int[] row = cost[i];
            int[] prev = cost[i - 1];
            byte[] ops = op[i];
            Arrays.fill(row, INFINITY);
            Arrays.fill(ops, OP_UNDEF);
            int pseudoDiag = (int) Math.floor(i * lengthRatio);
            int minJ = Math.max(0, pseudoDiag - beamWidth);
            int maxJ = i == nHyp ? nRef + 1 : Math.min(nRef + 1, pseudoDiag + beamWidth);
            int word = words[i - 1];
            for (int j = minJ; j < maxJ; j++) {
                if (j == 0) {
                    row[0] = prev[0] + 1;
                    ops[0] = OP_DEL;
                    continue;
                }
                // Tercom's preference (no-op/substitution, then deletion, then insertion; strict improvements)
                int best = row[j];
                byte bestOp = ops[j];
                int sub = prev[j - 1] + (word == ref[j - 1] ? 0 : 1);
                if (best > sub) {
                    best = sub;
                    bestOp = word == ref[j - 1] ? OP_NOP : OP_SUB;
                }
                int del = prev[j] + 1;
                if (best > del) {
                    best = del;
                    bestOp = OP_DEL;
                }
                int ins = row[j - 1] + 1;
                if (best > ins) {
                    best = ins;
                    bestOp = OP_INS;
                }
                row[j] = best;
                ops[j] = bestOp;
            }
            computedFor[i - 1] = word;
        }
        validRows = nHyp;
        return cost[nHyp][nRef];
    }

    /** The edit operations of the last {@link #distance} call, from the start. */
    private byte[] trace() {
        byte[] reversed = new byte[nHyp + nRef];
        int n = 0;
        int i = nHyp;
        int j = nRef;
        while (i > 0 || j > 0) {
            byte o = op[i][j];
            reversed[n++] = o;
            if (o == OP_SUB || o == OP_NOP) {
                i--;
                j--;
            } else if (o == OP_INS) {
                j--;
            } else if (o == OP_DEL) {
                i--;
            } else {
                throw new IllegalStateException("TER beam search left cell (" + i + ", " + j + ") undefined");
            }
        }
        byte[] trace = new byte[n];
        for (int k = 0; k < n; k++) {
            trace[k] = reversed[n - 1 - k];
        }
        return trace;
    }
}
