package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;

import java.util.Collection;
import java.util.Iterator;

/**
 * The sample ids a run has admitted, to refuse a dataset that repeats one, in a few bytes per sample: a 64-bit hash
 * of each id in an open-addressing array (8 bytes a slot, at most three quarters full), not the ids themselves. When an id's hash is
 * already there, the dataset (which a run iterates more than once anyway) is read again up to the id's position to
 * find the earlier sample with the same id exactly, so a hash collision never passes for a duplicate and the error can
 * name both positions. A dataset that is a {@code Collection} was checked when the evaluation was built, and a
 * {@code Dataset} when it was made, so nothing is kept for them. Not thread-safe: the run's lock guards it.
 */
final class SampleIds {

    private static final long EMPTY = 0;

    private final Iterable<Sample> dataset;
    private final boolean checkedAtBuild;
    private long[] hashes = new long[1024];
    private int size;

    SampleIds(Iterable<Sample> dataset) {
        this.dataset = dataset;
        this.checkedAtBuild = dataset instanceof Collection<?> || dataset instanceof dev.raq.core.data.Dataset;
    }

    /** Records an id at an index: returns the index of an earlier sample with the same id, or -1 if it is new. */
    int putIfAbsent(String id, int index) {
        if (checkedAtBuild) {
            return -1;
        }
        long h = hash(id);
        int mask = hashes.length - 1;
        for (int slot = (int) h & mask; hashes[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (hashes[slot] == h) {
                return earlier(id, index); // -1 for two ids that share a hash: the hash is already recorded
            }
        }
        insert(h);
        return -1;
    }

    private void insert(long h) {
        if (4L * (size + 1) > 3L * hashes.length) {
            long[] old = hashes;
            hashes = new long[old.length * 2];
            for (long o : old) {
                if (o != EMPTY) {
                    place(o);
                }
            }
        }
        place(h);
        size++;
    }

    private void place(long h) {
        int mask = hashes.length - 1;
        int slot = (int) h & mask;
        while (hashes[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
    }

    /** The position of the first sample before {@code index} whose id is {@code id}, or -1. */
    private int earlier(String id, int index) {
        Iterator<Sample> it = dataset.iterator();
        for (int i = 0; i < index && it.hasNext(); i++) {
            if (it.next().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static long hash(String id) {
        long h = Hash64.of(id);
        return h == EMPTY ? 1 : h;
    }
}
