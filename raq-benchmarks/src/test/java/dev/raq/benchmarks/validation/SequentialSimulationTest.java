package dev.raq.benchmarks.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reduced run of the sequential simulation: the looks hold the level, and a real difference can stop a run early. */
class SequentialSimulationTest {

    @Test
    void underTheNull_sequentialLooksHoldTheLevel() {
        // 300 replications: MC-SE 0.0126 at 0.05, so 0.09 sits more than 3 SEs above a valid design
        SequentialSimulation.Result r = SequentialSimulation.run(false, 300, 200, 50, 21);
        assertThat(r.sequentialRate()).isLessThanOrEqualTo(0.09);
        assertThat(r.fixedRate()).isLessThanOrEqualTo(0.09);
    }

    @Test
    void underAnEffect_someRunsStopEarly_andUseFewerSamples() {
        SequentialSimulation.Result r = SequentialSimulation.run(true, 60, 200, 50, 22);
        assertThat(r.sequentialSamples()).isLessThan(r.fixedSamples());
        assertThat(r.sequentialHits()).isPositive();
    }
}
