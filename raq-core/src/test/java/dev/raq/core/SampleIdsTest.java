package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The census of a streamed dataset: its size and its first repeated id, however many runs the hashes spill into. */
class SampleIdsTest {

    /** The census's own hash, without the attempt: every attempt the same. */
    private static final SampleIds.IdHash PLAIN = (id, attempt) -> Hash64.of(id);

    private static Iterable<Sample> streamOf(List<String> ids) {
        List<Sample> samples = new ArrayList<>();
        ids.forEach(id -> samples.add(Sample.of(id, "Q?", "r")));
        return samples::iterator; // not a Collection: checked by the census
    }

    private static List<String> distinct(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("id-" + i);
        }
        return ids;
    }

    @Test
    void distinctIds_countedWithoutARepeat_inMemoryAndAcrossSpilledRuns() {
        for (int runLength : new int[] {SampleIds.RUN, 7, 1}) {
            SampleIds.Census c = SampleIds.census(streamOf(distinct(1_000)), runLength, SampleIds.HASH);
            assertThat(c.samples()).isEqualTo(1_000);
            assertThat(c.repeat()).isNull();
        }
        assertThat(SampleIds.census(streamOf(List.of())).samples()).isZero();
    }

    @Test
    void firstRepeat_namedWithBothPositions_whereverItFallsAmongTheRuns() {
        for (int runLength : new int[] {SampleIds.RUN, 16, 5, 2, 1}) {
            List<String> ids = distinct(100);
            ids.set(57, "id-12"); // the first repeat: 12 and 57
            ids.set(90, "id-3");  // a later one, with a smaller first position
            ids.set(91, "id-3");
            SampleIds.Census c = SampleIds.census(streamOf(ids), runLength, PLAIN);
            assertThat(c.samples()).isEqualTo(100);
            assertThat(c.repeat()).isEqualTo("samples 12 and 57 of the dataset share the id 'id-12'; ids must be unique "
                    + "(results are keyed and panels merged by them)");
        }
    }

    @Test
    void aRepeatInTheLastPartialRun_isFound() {
        for (int runLength : new int[] {16, 7, 1}) {
            List<String> ids = distinct(101); // 16 × 6 + 5, 7 × 14 + 3: the last run is partial
            ids.set(100, "id-99");
            assertThat(SampleIds.census(streamOf(ids), runLength, PLAIN).repeat()).startsWith("samples 99 and 100 ");
            ids.set(100, "id-0");
            assertThat(SampleIds.census(streamOf(ids), runLength, PLAIN).repeat()).startsWith("samples 0 and 100 ");
        }
    }

    @Test
    void hashCollisionsAloneAreNoRepeat_theCensusStartsOverWithAnotherHash() {
        // the first attempt's hash collides for every id of one length; later attempts hash properly
        SampleIds.IdHash collidingFirst = (id, attempt) -> attempt == 0 ? id.length() : Hash64.of(id);
        List<String> ids = distinct(300);
        for (int runLength : new int[] {SampleIds.RUN, 16}) {
            assertThat(SampleIds.census(streamOf(ids), runLength, collidingFirst).repeat()).isNull();
            List<String> repeated = new ArrayList<>(ids);
            repeated.add("id-250");
            assertThat(SampleIds.census(streamOf(repeated), runLength, collidingFirst).repeat())
                    .startsWith("samples 250 and 300 ");
        }
    }

    @Test
    void aCollisionInAnEarlierRun_doesNotHideALaterRepeat() {
        // "a-1" and "b-1" collide at attempt 0 (run 0); the real repeat is in the last run
        SampleIds.IdHash colliding = (id, attempt) -> attempt == 0 && id.endsWith("-1") ? 42 : Hash64.of(id);
        List<String> ids = new ArrayList<>(List.of("a-1", "b-1"));
        ids.addAll(distinct(50));
        ids.add("id-30");
        for (int runLength : new int[] {SampleIds.RUN, 8}) {
            assertThat(SampleIds.census(streamOf(ids), runLength, colliding).repeat())
                    .startsWith("samples 32 and 52 ");
        }
    }

    @Test
    void aDatasetWhoseIdsChangeBetweenReads_isRefusedSayingSo() {
        AtomicInteger reads = new AtomicInteger();
        Iterable<Sample> changing = () -> {
            int read = reads.getAndIncrement();
            // every first read of an attempt repeats an id; the read that confirms it does not
            return streamOf(read % 2 == 0 ? List.of("x", "x") : List.of("x", "y")).iterator();
        };
        assertThatThrownBy(() -> SampleIds.census(changing, 16, SampleIds.HASH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must give the same samples every time it is read");
    }

    @Test
    void anIteratorThatHoldsAFile_isClosedWhenTheReadThatConfirmsARepeatStopsEarly() {
        List<String> ids = distinct(100);
        ids.set(10, "id-5");
        AtomicInteger closed = new AtomicInteger();
        Iterable<Sample> closing = () -> new ClosingIterator(streamOf(ids).iterator(), closed);
        assertThat(SampleIds.census(closing, SampleIds.RUN, SampleIds.HASH).repeat()).startsWith("samples 5 and 10 ");
        assertThat(closed).hasValue(1); // the counting pass ran to the end; the confirming one stopped at 10
    }

    /** An iterator with a close(), as one over a file has. */
    private static final class ClosingIterator implements java.util.Iterator<Sample>, AutoCloseable {
        private final java.util.Iterator<Sample> delegate;
        private final AtomicInteger closed;

        ClosingIterator(java.util.Iterator<Sample> delegate, AtomicInteger closed) {
            this.delegate = delegate;
            this.closed = closed;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Sample next() {
            return delegate.next();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void spilledRuns_leaveNoTemporaryFileBehind_evenWhenTheDatasetFails() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countSpills(tmp);
        SampleIds.census(streamOf(distinct(500)), 10, SampleIds.HASH);
        assertThatThrownBy(() -> SampleIds.census(failingAt(50, "disk gone"), 10, SampleIds.HASH))
                .hasMessage("disk gone");
        assertThat(countSpills(tmp)).isEqualTo(before);
    }

    /** A dataset whose iterator throws an IllegalStateException with this message at sample {@code index}. */
    static Iterable<Sample> failingAt(int index, String message) {
        return () -> new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sample next() {
                if (i == index) {
                    throw new IllegalStateException(message);
                }
                return Sample.of("id-" + i++, "Q?", "r");
            }
        };
    }

    private static long countSpills(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("raq-sample-ids")).count();
        }
    }
}
