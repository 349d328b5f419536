package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The census of a streamed dataset: its size and its first repeated id, however many runs the hashes spill into. */
class SampleIdsTest {

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
            SampleIds.Census c = SampleIds.census(streamOf(distinct(1_000)), runLength, Hash64::of);
            assertThat(c.samples()).isEqualTo(1_000);
            assertThat(c.repeat()).isNull();
        }
        assertThat(SampleIds.census(streamOf(List.of())).samples()).isZero();
    }

    @Test
    void firstRepeat_namedWithBothPositions_whereverItFallsAmongTheRuns() {
        for (int runLength : new int[] {SampleIds.RUN, 5, 2, 1}) {
            List<String> ids = distinct(100);
            ids.set(57, "id-12"); // the first repeat: 12 and 57
            ids.set(90, "id-3");  // a later one, with a smaller first position
            ids.set(91, "id-3");
            SampleIds.Census c = SampleIds.census(streamOf(ids), runLength, Hash64::of);
            assertThat(c.samples()).isEqualTo(100);
            assertThat(c.repeat()).isEqualTo("samples 12 and 57 of the dataset share the id 'id-12'; ids must be unique");
        }
    }

    @Test
    void hashCollisionsAloneAreNoRepeat_theIdsThemselvesDecide() {
        List<String> ids = distinct(300);
        for (int runLength : new int[] {SampleIds.RUN, 16}) {
            // every id of one length shares a hash
            assertThat(SampleIds.census(streamOf(ids), runLength, String::length).repeat()).isNull();
            List<String> repeated = new ArrayList<>(ids);
            repeated.add("id-250");
            assertThat(SampleIds.census(streamOf(repeated), runLength, String::length).repeat())
                    .startsWith("samples 250 and 300 ");
        }
    }

    @Test
    void spilledRuns_leaveNoTemporaryFileBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countSpills(tmp);
        SampleIds.census(streamOf(distinct(500)), 10, Hash64::of);
        assertThat(countSpills(tmp)).isEqualTo(before);
    }

    private static long countSpills(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("raq-sample-ids")).count();
        }
    }
}
