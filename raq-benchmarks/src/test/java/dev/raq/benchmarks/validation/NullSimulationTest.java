package dev.raq.benchmarks.validation;

import dev.raq.core.report.ObservationUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reduced run of the null simulation, sized so that its bounds separate a valid default (family-wise error 0.05)
 * from an inflated one by more than four Monte-Carlo standard errors on either side: it fails if the default test
 * or the per-sample observation unit stops holding its level, and it shows the inflation of Dunn's test and of
 * per-call counting is real, not a fluke of the table in {@code docs/statistics.md}.
 */
class NullSimulationTest {

    @Test
    void independentRankings_defaultHoldsItsLevel_dunnIsInflated() {
        // 1,500 replications: MC-SE 0.0056 at 0.05 and 0.0077 at 0.10, so a bound of 0.075 sits 4.4 and 3.2 SEs away
        NullSimulation.Tally t = NullSimulation.run(NullSimulation.Design.INDEPENDENT, 30, 1500, 11);
        assertThat(t.rate(NullSimulation.DEFAULT, ObservationUnit.SAMPLE)[0]).isLessThanOrEqualTo(0.075);
        assertThat(t.rate("Dunn + Holm (RAQ paper)", ObservationUnit.SAMPLE)[0]).isGreaterThan(0.075);
        assertThat(t.coverage(ObservationUnit.SAMPLE)[0]).isBetween(0.93, 0.97);
    }

    @Test
    void agreeingRepeats_perSampleHoldsItsLevel_perCallIsInflated() {
        // 400 replications: per sample (0.05, MC-SE 0.011) stays under 0.10; per call (0.3-0.45) is far above 0.2
        NullSimulation.Tally t = NullSimulation.run(NullSimulation.Design.REPEATS, 30, 400, 12);
        assertThat(t.rate(NullSimulation.DEFAULT, ObservationUnit.SAMPLE)[0]).isLessThanOrEqualTo(0.10);
        assertThat(t.rate(NullSimulation.DEFAULT, ObservationUnit.JUDGE_CALL)[0]).isGreaterThan(0.20);
        assertThat(t.rate("Dunn + Holm (RAQ paper)", ObservationUnit.JUDGE_CALL)[0]).isGreaterThan(0.30);
        assertThat(t.coverage(ObservationUnit.JUDGE_CALL)[0]).isLessThan(0.90);
        assertThat(t.coverage(ObservationUnit.SAMPLE)[0]).isGreaterThan(0.90);
    }
}
