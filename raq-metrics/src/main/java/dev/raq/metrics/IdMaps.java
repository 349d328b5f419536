package dev.raq.metrics;

import java.util.Arrays;

/**
 * Small open-addressing hash maps that hand out dense int ids, so that metrics compare tokens and n-grams as ints
 * without boxing. Not thread-safe: every metric call makes its own.
 */
final class IdMaps {

    private IdMaps() {
    }

    /** Dense ids for strings: the first distinct string gets 0, the next 1, and so on. */
    static final class StringIds {
        private String[] keys;
        private int[] ids;
        private int size;

        StringIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            keys = new String[capacity];
            ids = new int[capacity];
        }

        int size() {
            return size;
        }

        int idOf(String key) {
            int mask = keys.length - 1;
            int slot = mix(key.hashCode()) & mask;
            while (true) {
                String k = keys[slot];
                if (k == null) {
                    keys[slot] = key;
                    ids[slot] = size;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (k.equals(key)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new String[oldKeys.length * 2];
            ids = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = mix(oldKeys[i].hashCode()) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }
    }

    /** Dense ids for pairs of non-negative ints (an n-gram is the pair of its (n−1)-gram prefix and last token). */
    static final class PairIds {
        private static final long EMPTY = -1L;
        private long[] keys;
        private int[] ids;
        private int size;

        PairIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            ids = new int[capacity];
        }

        int size() {
            return size;
        }

        int idOf(int first, int second) {
            long key = ((long) first << 32) | (second & 0xFFFFFFFFL);
            int mask = keys.length - 1;
            int slot = mix(Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
            while (true) {
                long k = keys[slot];
                if (k == EMPTY) {
                    keys[slot] = key;
                    ids[slot] = size;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (k == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            ids = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int slot = mix(Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L)) & mask;
                    while (keys[slot] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }
    }

    /** Dense ids for character ranges {@code chars[from..to)} of any arrays, compared by content. */
    static final class CharRangeIds {
        private char[][] arrays;
        private int[] froms;
        private int[] tos;
        private int[] hashes;
        private int[] ids;
        private int size;

        CharRangeIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            allocate(capacity);
        }

        private void allocate(int capacity) {
            arrays = new char[capacity][];
            froms = new int[capacity];
            tos = new int[capacity];
            hashes = new int[capacity];
            ids = new int[capacity];
        }

        int size() {
            return size;
        }

        int idOf(char[] chars, int from, int to) {
            int mask = arrays.length - 1;
            int hash = mix(hash(chars, from, to));
            int slot = hash & mask;
            while (true) {
                char[] k = arrays[slot];
                if (k == null) {
                    arrays[slot] = chars;
                    froms[slot] = from;
                    tos[slot] = to;
                    hashes[slot] = hash;
                    ids[slot] = size;
                    if (++size * 2 > arrays.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (hashes[slot] == hash && sameChars(k, froms[slot], tos[slot], chars, from, to)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        private static boolean sameChars(char[] a, int aFrom, int aTo, char[] b, int bFrom, int bTo) {
            if (aTo - aFrom != bTo - bFrom) {
                return false;
            }
            for (int i = aFrom, j = bFrom; i < aTo; i++, j++) {
                if (a[i] != b[j]) {
                    return false;
                }
            }
            return true;
        }

        private static int hash(char[] chars, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + chars[i];
            }
            return h;
        }

        private void grow() {
            char[][] oldArrays = arrays;
            int[] oldFroms = froms;
            int[] oldTos = tos;
            int[] oldHashes = hashes;
            int[] oldIds = ids;
            allocate(oldArrays.length * 2);
            int mask = arrays.length - 1;
            for (int i = 0; i < oldArrays.length; i++) {
                if (oldArrays[i] != null) {
                    int slot = oldHashes[i] & mask;
                    while (arrays[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    arrays[slot] = oldArrays[i];
                    froms[slot] = oldFroms[i];
                    tos[slot] = oldTos[i];
                    hashes[slot] = oldHashes[i];
                    ids[slot] = oldIds[i];
                }
            }
        }
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
