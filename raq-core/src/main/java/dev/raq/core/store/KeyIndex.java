package dev.raq.core.store;

import dev.raq.core.internal.Hash64;

/**
 * Where each key's record starts in a store file, in 12 bytes per slot: open addressing over a 32-bit hash of the
 * key (never zero, so zero marks an empty slot) with the record's byte offset. The keys themselves stay in the file:
 * a hash match is confirmed by reading the record's key ({@link KeyReader}), so a collision never returns another
 * key's record. Not thread-safe: the store guards it.
 */
final class KeyIndex {

    private int[] hashes = new int[1024];
    private long[] offsets = new long[1024];
    private int size;

    /** Reads the key of the record at an offset, to confirm a hash match. */
    interface KeyReader {
        String keyAt(long offset);
    }

    /** The number of keys. */
    int size() {
        return size;
    }

    /** The offset of the key's record, or -1 when the key is absent. */
    long find(String key, KeyReader reader) {
        int h = hash(key);
        int mask = hashes.length - 1;
        for (int slot = h & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && reader.keyAt(offsets[slot]).equals(key)) {
                return offsets[slot];
            }
        }
        return -1;
    }

    /** Points the key at a record's offset, replacing where it pointed before. */
    void put(String key, long offset, KeyReader reader) {
        int h = hash(key);
        int mask = hashes.length - 1;
        int slot = h & mask;
        for (; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && reader.keyAt(offsets[slot]).equals(key)) {
                offsets[slot] = offset;
                return;
            }
        }
        hashes[slot] = h;
        offsets[slot] = offset;
        if (++size * 4 > hashes.length * 3) {
            grow();
        }
    }

    private void grow() {
        int[] oldHashes = hashes;
        long[] oldOffsets = offsets;
        hashes = new int[oldHashes.length * 2];
        offsets = new long[oldOffsets.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                offsets[slot] = oldOffsets[i];
            }
        }
    }

    private static int hash(String key) {
        int h = (int) Hash64.of(key);
        return h == 0 ? 1 : h;
    }
}
