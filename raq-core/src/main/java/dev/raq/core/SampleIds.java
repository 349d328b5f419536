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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Counts a streamed dataset and finds the first sample whose id repeats an earlier one, before the run asks any model,
 * in next to no memory. The pass that counts the samples (a run reads a streamed dataset an extra time anyway, to
 * count it) sorts 64-bit hashes of their ids {@value #RUN} at a time; a dataset with more samples than that has every
 * sorted run written to a temporary file (8 bytes a sample, deleted when the count ends), merged with an 8 kB buffer
 * per run (1.2 MB at 10 million samples). Merging the runs finds the
 * hashes that occur twice, and keeps those whose second occurrence falls in the earliest run: the first repeat is
 * among them. Only when there are some is the dataset read again, up to the end of that run, comparing the ids
 * themselves, so a hash collision never passes for a repeat and the message names both positions. A collision with
 * no repeat behind it (odds of about 3 in 10^8 for a million ids) makes the census start over with another hash. The
 * dataset must give the same samples every time it is read, as every run assumes. A dataset
 * that is a {@code Collection} was checked when the evaluation was built, and a {@code Dataset} when it was made:
 * they are only counted.
 */
final class SampleIds {

    /** The hashes sorted in memory at a time (512 kB). */
    static final int RUN = 1 << 16;
    /** How many hashes the census tries before it concludes the dataset changes between reads. */
    private static final int ATTEMPTS = 3;
    /** Hashes read at a time from each spilled run while merging. */
    private static final int BLOCK = 1024;

    private SampleIds() {
    }

    /** A family of 64-bit hashes of ids: attempt 0, and others to start over with after a mere collision. */
    interface IdHash {
        long hash(String id, int attempt);
    }

    /**
     * The hash the census uses: RAQ's 64-bit string hash, then (after a mere collision) the same over the id behind
     * a salt drawn for this JVM, so that a dataset cannot be made to collide on every attempt.
     */
    static final IdHash HASH = new IdHash() {
        private final long salt = new java.security.SecureRandom().nextLong();

        @Override
        public long hash(String id, int attempt) {
            return attempt == 0 ? Hash64.of(id) : Hash64.of(Long.toHexString(salt + attempt) + '\u0000' + id);
        }
    };

    /**
     * What one pass over a dataset found.
     *
     * @param samples the number of samples
     * @param repeat  why the dataset cannot run (two positions share an id), or null
     */
    record Census(int samples, @Nullable String repeat) {
    }

    /** The temporary file of a large census could not be written or read. */
    static final class SpillFailedException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        SpillFailedException(IOException cause) {
            super("could not check the dataset's sample ids for repeats in a temporary file in "
                    + System.getProperty("java.io.tmpdir") + " (start the JVM with -Djava.io.tmpdir=<a writable "
                    + "directory>): " + cause.getMessage(), cause);
        }
    }

    /**
     * Counts the samples and finds the first repeated id.
     *
     * @throws SpillFailedException if the temporary file of a large dataset cannot be written or read
     */
    static Census census(Iterable<Sample> dataset) {
        return census(dataset, RUN, HASH);
    }

    /** {@link #census(Iterable)} with the run length and the hashes given (short runs and collisions in tests). */
    static Census census(Iterable<Sample> dataset, int runLength, IdHash hash) {
        if (dataset instanceof Collection<?>) {
            return new Census(((Collection<?>) dataset).size(), null);
        }
        if (dataset instanceof Dataset) {
            return new Census(((Dataset) dataset).size(), null);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int n = 0;
            Suspects suspects;
            try (Runs runs = new Runs(runLength)) {
                for (Sample s : dataset) {
                    runs.add(hash.hash(Objects.requireNonNull(s, "the dataset returned a null sample").id(), attempt));
                    n++;
                }
                suspects = runs.suspects();
            } catch (IOException e) {
                throw new SpillFailedException(e);
            }
            if (suspects.hashes.length == 0) {
                return new Census(n, null);
            }
            Optional<String> repeat = firstRepeat(dataset, suspects, runLength, hash, attempt);
            if (repeat.isPresent()) {
                return new Census(n, repeat.get());
            }
        }
        throw new IllegalStateException("the dataset's sample ids repeated when it was counted but not when it was "
                + "read again, " + ATTEMPTS + " times: an iterable dataset must give the same samples every time it is "
                + "read");
    }

    /**
     * Hashes whose second occurrence falls in the earliest such run, sorted: the first repeated id has one of them,
     * unless they are all mere collisions.
     */
    private record Suspects(long[] hashes, int run) {
    }

    /** The first repeat among ids with the suspects' hashes, read up to the end of the suspects' run. */
    private static Optional<String> firstRepeat(Iterable<Sample> dataset, Suspects suspects, int runLength,
                                                IdHash hash, int attempt) {
        return firstRepeat(dataset, (long) (suspects.run + 1) * runLength,
                id -> Arrays.binarySearch(suspects.hashes, hash.hash(id, attempt)) >= 0);
    }

    /**
     * The first position whose id an earlier sample has, as the message that refuses the dataset (naming both
     * positions), or empty. It keeps every id it reads: for a dataset in memory, which {@code Evaluation.build()}
     * checks this way.
     */
    static Optional<String> firstRepeat(Iterable<Sample> samples) {
        return firstRepeat(samples, Long.MAX_VALUE, id -> true);
    }

    /** The first repeat among the ids {@code tracked} accepts, reading no further than position {@code end}. */
    private static Optional<String> firstRepeat(Iterable<Sample> samples, long end, Predicate<String> tracked) {
        Map<String, Integer> first = new HashMap<>();
        int i = 0;
        Iterator<Sample> it = samples.iterator();
        try {
            for (; it.hasNext() && i < end; i++) {
                String id = Objects.requireNonNull(it.next(), "dataset[" + i + "]").id();
                Integer earlier = tracked.test(id) ? first.putIfAbsent(id, i) : null;
                if (earlier != null) {
                    return Optional.of("samples " + earlier + " and " + i + " of the dataset share the id '" + id
                            + "'; ids must be unique (results are keyed and panels merged by them)");
                }
            }
            return Optional.empty();
        } finally {
            closeIfCloseable(it); // read partway: an iterator over a file would otherwise keep it open
        }
    }

    private static void closeIfCloseable(Iterator<Sample> it) {
        if (it instanceof AutoCloseable) {
            try {
                ((AutoCloseable) it).close();
            } catch (Exception e) {
                System.getLogger(SampleIds.class.getName()).log(System.Logger.Level.WARNING,
                        "could not close the dataset's iterator after checking its ids", e);
            }
        }
    }

    /** Hashes sorted in runs: in memory while there is one, every run in a temporary file once there are more. */
    private static final class Runs implements AutoCloseable {
        private final int runLength;
        private long[] buffer;
        private int filled;
        private final List<Long> spilledRuns = new ArrayList<>();
        private @Nullable Path file;
        private @Nullable DataOutputStream out;

        Runs(int runLength) {
            this.runLength = runLength;
            this.buffer = new long[Math.min(16, runLength)];
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

        /** Merges the runs, keeping the hashes that occur twice whose second occurrence is in the earliest run. */
        Suspects suspects() throws IOException {
            if (out == null) {
                Arrays.sort(buffer, 0, filled);
                long[] repeated = new long[filled];
                int m = 0;
                for (int i = 1; i < filled; i++) {
                    if (buffer[i] == buffer[i - 1] && (m == 0 || repeated[m - 1] != buffer[i])) {
                        repeated[m++] = buffer[i];
                    }
                }
                return new Suspects(Arrays.copyOf(repeated, m), 0);
            }
            if (filled > 0) {
                spill();
            }
            Objects.requireNonNull(out).close();
            Merge merge = new Merge();
            try (FileChannel channel = FileChannel.open(Objects.requireNonNull(file), StandardOpenOption.READ)) {
                PriorityQueue<RunReader> heads = new PriorityQueue<>((a, b) -> Long.compare(a.head, b.head));
                long offset = 0;
                for (int r = 0; r < spilledRuns.size(); r++) {
                    long length = spilledRuns.get(r);
                    RunReader reader = new RunReader(channel, r, offset, length);
                    offset += 8 * length;
                    if (reader.advance()) {
                        heads.add(reader);
                    }
                }
                while (!heads.isEmpty()) {
                    RunReader r = heads.poll();
                    merge.take(r.head, r.run);
                    if (r.advance()) {
                        heads.add(r);
                    }
                }
            }
            return merge.suspects();
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

    /**
     * Takes the merged hashes in order, each with its run, and keeps the hashes whose second occurrence (by run, and
     * runs are in dataset order) is in the earliest run seen so far: at most one run's worth.
     */
    private static final class Merge {
        private long[] suspects = new long[16];
        private int count;
        private int suspectRun = Integer.MAX_VALUE;
        private boolean any;
        private long hash;
        private int firstRun;
        private int secondRun;
        private int occurrences;

        void take(long h, int run) {
            if (any && h == hash) {
                occurrences++;
                if (run < firstRun) {
                    secondRun = firstRun;
                    firstRun = run;
                } else if (run < secondRun) {
                    secondRun = run;
                }
                return;
            }
            closeGroup();
            any = true;
            hash = h;
            firstRun = run;
            secondRun = Integer.MAX_VALUE;
            occurrences = 1;
        }

        private void closeGroup() {
            if (!any || occurrences < 2 || secondRun > suspectRun) {
                return;
            }
            if (secondRun < suspectRun) {
                suspectRun = secondRun;
                count = 0;
            }
            if (count == suspects.length) {
                suspects = Arrays.copyOf(suspects, 2 * count);
            }
            suspects[count++] = hash; // the merge gives hashes in ascending order
        }

        Suspects suspects() {
            closeGroup();
            any = false;
            return new Suspects(Arrays.copyOf(suspects, count), count == 0 ? 0 : suspectRun);
        }
    }

    /** Reads one sorted run of the file a block at a time. */
    private static final class RunReader {
        private final FileChannel channel;
        private final ByteBuffer block = ByteBuffer.allocate(8 * BLOCK);
        final int run;
        private long position;
        private long unread;
        long head;

        RunReader(FileChannel channel, int run, long position, long length) {
            this.channel = channel;
            this.run = run;
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
