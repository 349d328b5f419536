package dev.raq.core;

import dev.raq.core.data.Dataset;
import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;
import org.jspecify.annotations.Nullable;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Counts a streamed dataset and finds the first sample whose id repeats an earlier one, before the run asks any model,
 * in one pass over the dataset (a run reads a streamed dataset an extra time anyway, to count it) and in memory that
 * does not grow with it: 64-bit hashes of the ids are sorted {@value #RUN} at a time, runs beyond the first are
 * spilled to a temporary file (8 bytes a sample, deleted at once), and merging the runs finds equal hashes. Only for
 * those is the dataset read once more, comparing the ids themselves, so a hash collision never passes for a repeat
 * and the message names both positions. A dataset that is a {@code Collection} was checked when the evaluation was
 * built, and a {@code Dataset} when it was made: they are only counted.
 */
final class SampleIds {

    /** The hashes sorted in memory at a time (512 kB). */
    static final int RUN = 1 << 16;
    /** Hashes read at a time from each spilled run while merging. */
    private static final int BLOCK = 1024;

    private SampleIds() {
    }

    /**
     * What one pass over a dataset found.
     *
     * @param samples the number of samples
     * @param repeat  why the dataset cannot run (two positions share an id), or null
     */
    record Census(int samples, @Nullable String repeat) {
    }

    /**
     * Counts the samples and finds the first repeated id.
     *
     * @throws UncheckedIOException if the temporary file of a large dataset cannot be written or read
     */
    static Census census(Iterable<Sample> dataset) {
        return census(dataset, RUN, Hash64::of);
    }

    /** {@link #census(Iterable)} with the run length and the hash given (small runs and colliding hashes in tests). */
    static Census census(Iterable<Sample> dataset, int runLength, ToLongFunction<String> hash) {
        if (dataset instanceof Collection<?>) {
            return new Census(((Collection<?>) dataset).size(), null);
        }
        if (dataset instanceof Dataset) {
            int n = 0;
            for (Iterator<Sample> it = dataset.iterator(); it.hasNext(); it.next()) {
                n++;
            }
            return new Census(n, null);
        }
        try (Runs runs = new Runs(runLength)) {
            int n = 0;
            for (Sample s : dataset) {
                runs.add(hash.applyAsLong(Objects.requireNonNull(s, "the dataset returned a null sample").id()));
                n++;
            }
            Set<Long> repeated = runs.repeatedHashes();
            return new Census(n, repeated.isEmpty() ? null : firstRepeat(dataset, repeated, hash));
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the dataset's sample ids for repeats in a temporary file: "
                    + e.getMessage(), e);
        }
    }

    /** The first position whose id an earlier sample has, among ids with these hashes, as the run's abort reason. */
    private static @Nullable String firstRepeat(Iterable<Sample> dataset, Set<Long> hashes,
                                                ToLongFunction<String> hash) {
        Map<String, Integer> first = new HashMap<>();
        int i = 0;
        for (Sample s : dataset) {
            String id = s.id();
            if (hashes.contains(hash.applyAsLong(id))) {
                Integer earlier = first.putIfAbsent(id, i);
                if (earlier != null) {
                    return "samples " + earlier + " and " + i + " of the dataset share the id '" + id
                            + "'; ids must be unique";
                }
            }
            i++;
        }
        return null; // only distinct ids that share a hash
    }

    /** Hashes sorted in runs: the last one in memory, the others in a temporary file. */
    private static final class Runs implements AutoCloseable {
        private final int runLength;
        private long[] buffer = new long[16];
        private int filled;
        private final List<Long> spilledRuns = new ArrayList<>();
        private @Nullable Path file;
        private @Nullable DataOutputStream out;

        Runs(int runLength) {
            this.runLength = runLength;
        }

        void add(long h) throws IOException {
            if (filled == buffer.length) {
                if (filled < runLength) {
                    buffer = Arrays.copyOf(buffer, Math.min(runLength, 2 * filled));
                } else {
                    spill();
                }
            }
            buffer[filled++] = h;
        }

        private void spill() throws IOException {
            DataOutputStream o = out;
            if (o == null) {
                Path f = Files.createTempFile("raq-sample-ids", ".bin");
                file = f;
                o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)));
                out = o;
            }
            Arrays.sort(buffer, 0, filled);
            for (int i = 0; i < filled; i++) {
                o.writeLong(buffer[i]);
            }
            spilledRuns.add((long) filled);
            filled = 0;
        }

        /** The hashes that occur more than once over all runs. */
        Set<Long> repeatedHashes() throws IOException {
            Set<Long> repeated = new HashSet<>();
            if (out == null) {
                Arrays.sort(buffer, 0, filled);
                for (int i = 1; i < filled; i++) {
                    if (buffer[i] == buffer[i - 1]) {
                        repeated.add(buffer[i]);
                    }
                }
                return repeated;
            }
            if (filled > 0) {
                spill();
            }
            Objects.requireNonNull(out).close();
            try (FileChannel channel = FileChannel.open(Objects.requireNonNull(file), StandardOpenOption.READ)) {
                PriorityQueue<RunReader> heads = new PriorityQueue<>((a, b) -> Long.compare(a.head, b.head));
                long offset = 0;
                for (long length : spilledRuns) {
                    RunReader r = new RunReader(channel, offset, length);
                    offset += 8 * length;
                    if (r.advance()) {
                        heads.add(r);
                    }
                }
                boolean any = false;
                long previous = 0;
                while (!heads.isEmpty()) {
                    RunReader r = heads.poll();
                    if (any && r.head == previous) {
                        repeated.add(previous);
                    }
                    previous = r.head;
                    any = true;
                    if (r.advance()) {
                        heads.add(r);
                    }
                }
            }
            return repeated;
        }

        @Override
        public void close() throws IOException {
            try {
                if (out != null) {
                    out.close();
                }
            } finally {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Reads one sorted run of the file a block at a time. */
    private static final class RunReader {
        private final FileChannel channel;
        private final ByteBuffer block = ByteBuffer.allocate(8 * BLOCK);
        private long position;
        private long unread;
        long head;

        RunReader(FileChannel channel, long position, long length) {
            this.channel = channel;
            this.position = position;
            this.unread = length;
            block.limit(0);
        }

        /** Moves to the next hash of the run, into {@link #head}; false at the run's end. */
        boolean advance() throws IOException {
            if (!block.hasRemaining()) {
                if (unread == 0) {
                    return false;
                }
                int values = (int) Math.min(BLOCK, unread);
                block.clear().limit(8 * values);
                while (block.hasRemaining()) {
                    int read = channel.read(block, position);
                    if (read < 0) {
                        throw new EOFException("the temporary file of sample ids ended early");
                    }
                    position += read;
                }
                block.flip();
                unread -= values;
            }
            head = block.getLong();
            return true;
        }
    }
}
