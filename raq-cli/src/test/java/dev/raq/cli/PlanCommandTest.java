package dev.raq.cli;

import dev.raq.stats.PowerAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.raq.cli.RunCommandTest.raq;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code raq plan} on the pilot report kept in {@code examples/}. */
class PlanCommandTest {

    private static final Path PILOT = Path.of("examples/pilot-report.json");

    @TempDir
    Path dir;

    @Test
    void plan_givesTheExactPairedTSampleSize_atTheBonferroniLevel() {
        RunCommandTest.Run r = raq("plan", PILOT.toString(), "--delta", "0.05", "--measure", "score(squad-f1)");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Bonferroni over 10 pairs: 0.005000 per pair")
                .contains("| bert-ensemble − slqa-plus-ensemble | 60 | 0.2106 | 0.008843 |");
        // sd 0.2106… of the pilot's differences: effect 0.05 / sd at alpha 0.005, power 0.8
        String row = r.out().lines().filter(l -> l.startsWith("| bert-ensemble − slqa-plus-ensemble")).findFirst()
                .orElseThrow();
        double sd = Double.parseDouble(row.split("\\|")[3].strip());
        long expected = (long) Math.ceil(PowerAnalysis.pairedTSampleSize(0.05 / sd, 0.005, 0.8));
        assertThat(row).endsWith("| " + expected + " |");
        assertThat(expected).isBetween(235L, 245L);
    }

    @Test
    void ranks_areTheDefaultMeasure_andAlphaAndPowerAreOptions() {
        RunCommandTest.Run r = raq("plan", PILOT.toString(), "--delta", "0.3", "--power", "0.9", "--alpha", "0.1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("in rank with power 0.90 at alpha 0.1 (Bonferroni over 10 pairs: 0.01000 per pair)");
    }

    @Test
    void mistakes_exitWith2() throws IOException {
        assertThat(raq("plan", PILOT.toString(), "--delta", "0.05", "--measure", "bleu").err())
                .contains("has no paired differences in 'bleu'; it has [rank, score(squad-f1)]");
        assertThat(raq("plan", PILOT.toString(), "--delta", "-1").err()).contains("--delta must be > 0");
        assertThat(raq("plan", PILOT.toString(), "--delta", "0.1", "--power", "1").err())
                .contains("--power must be in (0, 1)");
        assertThat(raq("plan", dir.resolve("none.json").toString(), "--delta", "0.1").err())
                .contains("pilot report not found");
        Path notAReport = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        RunCommandTest.Run r = raq("plan", notAReport.toString(), "--delta", "0.1");
        assertThat(r.code()).isEqualTo(Raq.USAGE);
        assertThat(r.err()).contains("has no 'pairDifferences'");
        assertThat(raq("plan", PILOT.toString()).err()).contains("Missing required option: '--delta=DELTA'");
    }
}
