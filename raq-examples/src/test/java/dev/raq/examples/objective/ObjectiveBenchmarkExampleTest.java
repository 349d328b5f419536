package dev.raq.examples.objective;

import dev.raq.core.objective.AccuracySection;
import dev.raq.core.objective.PassAtKReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectiveBenchmarkExampleTest {

    @Test
    void runsOffline_withTheAccuracyAndPassAtKTheScriptsImply() {
        ObjectiveBenchmarkExample.Outcome o = ObjectiveBenchmarkExample.run();
        AccuracySection mc = o.multipleChoice().section(AccuracySection.class).orElseThrow();
        assertThat(mc.candidates().get(0).candidate()).isEqualTo("careful");
        assertThat(mc.candidates().get(0).correct()).isEqualTo(11);
        assertThat(mc.candidates().get(1).correct()).isEqualTo(8); // wrong on 3 arithmetic items, silent on sci-4
        assertThat(mc.candidates().get(1).unextracted()).isEqualTo(1);
        assertThat(mc.subsets()).containsOnlyKeys("arithmetic", "geography", "science");
        assertThat(o.multipleChoice().pairDifferences()).anySatisfy(d -> assertThat(d.mcnemar()).isNotNull());

        AccuracySection wp = o.wordProblems().section(AccuracySection.class).orElseThrow();
        assertThat(wp.candidates().get(0).correct()).isEqualTo(8);
        assertThat(wp.candidates().get(0).total()).isEqualTo(8);

        PassAtKReport.Row one = o.passAtK().row("sampler", 1);
        PassAtKReport.Row five = o.passAtK().row("sampler", 5);
        assertThat(one.problems()).isEqualTo(8);
        assertThat(one.passAtK()).isBetween(0.2, 0.8);
        assertThat(five.passAtK()).isGreaterThan(one.passAtK());
    }
}
