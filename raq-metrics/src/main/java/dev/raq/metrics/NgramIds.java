package dev.raq.metrics;

import java.util.Arrays;

/**
 * Gives every distinct token and every distinct n-gram of one segment a dense int id, without boxing.
 *
 * <p>Tokens are spans of strings (no substring is created) in an open-addressing table; an n-gram of order n is
 * the pair (id of its first n - 1 tokens as an n-gram, id of its last token) in a second open-addressing table
 * keyed by a {@code long}. Equal n-grams get equal ids exactly (no hashing shortcuts), so counts indexed by id
 * are the counts of Python's {@code Counter} of tuples. Not thread-safe: one instance per segment computation.
 */
final class NgramIds {

    private static final int NO_PREFIX = -1;

    // token table
    private String[] tokenSource;
    private int[] tokenStart;
    private int[] tokenEnd;
    private int[] tokenHash;
    private int tokenCount;
    private int[] tokenSlots;

    // n-gram table
    private long[] ngramKeys;
    private int[] ngramSlots;
    private int ngramCount;

    /**
     * An empty table sized for about {@code expectedTokens} distinct tokens and {@code expectedNgrams} distinct
     * n-grams (it grows when needed).
     */
    NgramIds(int expectedTokens, int expectedNgrams) {
        int tokens = Integer.highestOneBit(Math.max(16, expectedTokens) - 1) << 1;
        int ngrams = Integer.highestOneBit(Math.max(16, expectedNgrams) - 1) << 1;
        tokenSource = new String[tokens];
        tokenStart = new int[tokens];
        tokenEnd = new int[tokens];
        tokenHash = new int[tokens];
        tokenSlots = emptySlots(2 * tokens);
        ngramKeys = new long[ngrams];
        ngramSlots = emptySlots(2 * ngrams);
    }

    /** Open-addressing slots hold {@code id + 1}; 0 marks an empty slot, so a new array needs no filling. */
    private static int[] emptySlots(int size) {
        return new int[size];
    }

    /** The number of distinct n-grams seen so far (ids are {@code 0 .. ngramCount() - 1}). */
    int ngramCount() {
        return ngramCount;
    }

    /** The id of the token {@code s[start, end)}. */
    int tokenId(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        int mask = tokenSlots.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int id = tokenSlots[slot] - 1;
            if (id < 0) {
                break;
            }
            if (tokenHash[id] == h && tokenEnd[id] - tokenStart[id] == end - start
                    && tokenSource[id].regionMatches(tokenStart[id], s, start, end - start)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        int id = tokenCount++;
        if (id == tokenSource.length) {
            int size = 2 * id;
            tokenSource = Arrays.copyOf(tokenSource, size);
            tokenStart = Arrays.copyOf(tokenStart, size);
            tokenEnd = Arrays.copyOf(tokenEnd, size);
            tokenHash = Arrays.copyOf(tokenHash, size);
        }
        tokenSource[id] = s;
        tokenStart[id] = start;
        tokenEnd[id] = end;
        tokenHash[id] = h;
        tokenSlots[slot] = id + 1;
        if (2 * tokenCount > tokenSlots.length) {
            int[] slots = emptySlots(2 * tokenSlots.length);
            int m = slots.length - 1;
            for (int t = 0; t < tokenCount; t++) {
                int p = mix(tokenHash[t]) & m;
                while (slots[p] != 0) {
                    p = (p + 1) & m;
                }
                slots[p] = t + 1;
            }
            tokenSlots = slots;
        }
        return id;
    }

    /** The ids of the tokens of {@code s} split on Python whitespace, in order. */
    int[] splitTokenIds(String s) {
        int n = s.length();
        int[] ids = new int[8];
        int count = 0;
        int i = 0;
        while (i < n) { // Python's str.split(): words between runs of whitespace
            int start = SacrebleuStrings.skipSpace(s, i);
            if (start == n) {
                break;
            }
            i = SacrebleuStrings.skipWord(s, start);
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, 2 * count);
            }
            ids[count++] = tokenId(s, start, i);
        }
        return Arrays.copyOf(ids, count);
    }

    /** The id of the n-gram made of the n-gram {@code prefixId} (or none, for unigrams: -1) and {@code tokenId}. */
    int ngramId(int prefixId, int tokenId) {
        long key = ((long) (prefixId + 1) << 32) | (tokenId & 0xFFFFFFFFL);
        int mask = ngramSlots.length - 1;
        int slot = mix(Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
        while (true) {
            int id = ngramSlots[slot] - 1;
            if (id < 0) {
                break;
            }
            if (ngramKeys[id] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        int id = ngramCount++;
        if (id == ngramKeys.length) {
            ngramKeys = Arrays.copyOf(ngramKeys, 2 * id);
        }
        ngramKeys[id] = key;
        ngramSlots[slot] = id + 1;
        if (2 * ngramCount > ngramSlots.length) {
            int[] slots = emptySlots(2 * ngramSlots.length);
            int m = slots.length - 1;
            for (int g = 0; g < ngramCount; g++) {
                int p = mix(Long.hashCode(ngramKeys[g] * 0x9E3779B97F4A7C15L)) & m;
                while (slots[p] != 0) {
                    p = (p + 1) & m;
                }
                slots[p] = g + 1;
            }
            ngramSlots = slots;
        }
        return id;
    }

    /**
     * The n-gram ids of {@code tokens} for every order 1..maxOrder: element {@code n - 1} lists the ids of the
     * n-grams of order n in position order (empty when there are fewer than n tokens).
     */
    int[][] ngrams(int[] tokens, int maxOrder) {
        int[][] byOrder = new int[maxOrder][];
        int[] previous = new int[0]; // order 1 has no prefix
        for (int n = 1; n <= maxOrder; n++) {
            int count = Math.max(0, tokens.length - n + 1);
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                ids[i] = ngramId(n == 1 ? NO_PREFIX : previous[i], tokens[i + n - 1]);
            }
            byOrder[n - 1] = ids;
            previous = ids;
        }
        return byOrder;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
