package dev.raq.core.model;

import dev.raq.core.report.SampleResultCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arrival times of streamed chunks on a completion, and their JSON form. */
class CompletionChunkOffsetsTest {

    @Test
    void chunkOffsets_areCopied_keptByToBuilder_andPartOfEquality() {
        long[] offsets = {10, 20, 20, 35};
        Completion c = Completion.builder("abc").timeToFirstToken(Duration.ofNanos(10)).chunkOffsetsNanos(offsets)
                .build();
        offsets[0] = 99;
        assertThat(c.chunkOffsetsNanos()).containsExactly(10, 20, 20, 35);
        c.chunkOffsetsNanos()[1] = 99;
        assertThat(c.chunkOffsetsNanos()).containsExactly(10, 20, 20, 35);
        assertThat(c.chunkCount()).isEqualTo(4);
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toBuilder().chunkOffsetsNanos().build()).isNotEqualTo(c);
        assertThat(c.toString()).contains("chunks=4");
        assertThat(Completion.of("x").chunkCount()).isZero();
        assertThat(Completion.of("x").toString()).doesNotContain("chunks");
    }

    @Test
    void chunkOffsets_mustNotBeNegativeNorGoBack() {
        assertThatThrownBy(() -> Completion.builder("a").chunkOffsetsNanos(-1))
                .hasMessageContaining("chunkOffsetsNanos[0] must be >= 0");
        assertThatThrownBy(() -> Completion.builder("a").chunkOffsetsNanos(5, 4))
                .hasMessageContaining("chunkOffsetsNanos[1] must be >= 5");
    }

    @Test
    void codec_roundTripsChunkOffsets_andReadsOldJsonWithout() {
        Completion c = Completion.builder("abc").latency(Duration.ofMillis(40)).timeToFirstToken(Duration.ofMillis(10))
                .chunkOffsetsNanos(10_000_000L, 25_000_000L).build();
        assertThat(SampleResultCodec.completion(c).toString()).contains("\"chunkOffsetsNanos\":[10000000,25000000]");
        assertThat(SampleResultCodec.completion(SampleResultCodec.completion(c))).isEqualTo(c);

        Completion plain = Completion.builder("abc").latency(Duration.ofMillis(40)).build();
        assertThat(SampleResultCodec.completion(plain).has("chunkOffsetsNanos")).isFalse();
        assertThat(SampleResultCodec.completion(SampleResultCodec.completion(plain))).isEqualTo(plain);
    }
}
