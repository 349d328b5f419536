package dev.raq.stats.golden;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenCoverageTest {

    @Test
    void everyGoldenFile_isClaimedByAKnownStem() {
        assertThat(GoldenFiles.caseCounts(GoldenFiles.moduleGoldenDir())).isNotEmpty();
        assertThat(GoldenFiles.unclaimedFiles(GoldenFiles.moduleGoldenDir())).isEmpty();
    }

    @Test
    void stemOf_prefersTheLongestStem() {
        assertThat(GoldenFiles.stemOf("nemenyi_friedman.json", GoldenFiles.KNOWN_STEMS)).contains("nemenyi_friedman");
        assertThat(GoldenFiles.stemOf("nemenyi.json", GoldenFiles.KNOWN_STEMS)).contains("nemenyi");
        assertThat(GoldenFiles.stemOf("dunn_acceptance.json", GoldenFiles.KNOWN_STEMS)).contains("dunn");
        assertThat(GoldenFiles.stemOf("wilcoxon.json", GoldenFiles.KNOWN_STEMS)).contains("wilcoxon");
        assertThat(GoldenFiles.stemOf("posthoc_wilcoxon.json", GoldenFiles.KNOWN_STEMS)).contains("posthoc_wilcoxon");
        assertThat(GoldenFiles.stemOf("unknown.json", GoldenFiles.KNOWN_STEMS)).isEmpty();
    }
}
