package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The sample ids a run has admitted, to refuse a dataset that repeats one, in a few bytes per sample: a 64-bit hash
 * of each id and its index in open-addressing arrays, not the ids themselves. Two ids with the same hash are told
 * apart exactly by reading the earlier sample's id back from the dataset (which a run iterates more than once
 * anyway), so a hash collision never passes for a duplicate. A dataset that is a {@code Collection} was checked
 * when the evaluation was built, and a {@code Dataset} when it was made, so nothing is kept for them. Not thread-safe: the run's lock guards it.
 */
final class SampleIds {

    private static final long EMPTY = 0;

    private final Iterable<Sample> dataset;
    private final boolean checkedAtBuild;
    private long[] hashes = new long[1024];
    private int[] indexes = new int[1024];
    private int size;
    /** Ids whose hash another id already has, by their own index (exact; rare). */
    private final Map<String, Integer> collided = new HashMap<>();

    SampleIds(Iterable<Sample> dataset) {
        this.dataset = dataset;
        this.checkedAtBuild = dataset instanceof Collection<?> || dataset instanceof dev.raq.core.data.Dataset;
    }

    /** Records an id at an index: returns the index of an earlier sample with the same id, or -1 if it is new. */
    int putIfAbsent(String id, int index) {
        if (checkedAtBuild) {
            return -1;
        }
        Integer repeated = collided.get(id);
        if (repeated != null) {
            return repeated;
        }
        long h = hash(id);
        int mask = hashes.length - 1;
        for (int slot = (int) h & mask; hashes[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (hashes[slot] == h) {
                if (idAt(indexes[slot]).equals(id)) {
                    return indexes[slot];
                }
                collided.put(id, index);
                return -1;
            }
        }
        insert(h, index);
        return -1;
    }

    private void insert(long h, int index) {
        if (2 * (size + 1) > hashes.length) {
            long[] oldHashes = hashes;
            int[] oldIndexes = indexes;
            hashes = new long[oldHashes.length * 2];
            indexes = new int[oldIndexes.length * 2];
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldHashes[i] != EMPTY) {
                    place(oldHashes[i], oldIndexes[i]);
                }
            }
        }
        place(h, index);
        size++;
    }

    private void place(long h, int index) {
        int mask = hashes.length - 1;
        int slot = (int) h & mask;
        while (hashes[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
        indexes[slot] = index;
    }

    private String idAt(int index) {
        Iterator<Sample> it = dataset.iterator();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        return it.next().id();
    }

    private static long hash(String id) {
        long h = Hash64.of(id);
        return h == EMPTY ? 1 : h;
    }
}
