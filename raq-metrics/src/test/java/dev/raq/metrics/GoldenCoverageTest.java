package dev.raq.metrics;

import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenCoverageTest {

    @Test
    void everyGoldenFile_isClaimedByAKnownStem() {
        assertThat(GoldenFiles.caseCounts(GoldenFiles.moduleGoldenDir())).isNotEmpty();
        assertThat(GoldenFiles.unclaimedFiles(GoldenFiles.moduleGoldenDir())).isEmpty();
    }
}
