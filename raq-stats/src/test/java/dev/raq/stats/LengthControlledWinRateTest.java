package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * AlpacaEval's length-controlled GLM fitted on simulated judgments whose judge prefers longer answers: the
 * controlled win rate recovers the win rate at equal length, where the raw one rewards verbosity; without a length
 * bias both agree.
 */
class LengthControlledWinRateTest {

    private static final String[] MODELS = {"terse", "balanced", "verbose"};
    private static final double[] STRENGTH = {0.3, 0.0, -0.3};
    private static final double[] VERBOSITY = {0.6, 1.0, 2.5};

    /** The comparisons, and each model's true win rate at equal length (percent). */
    private record Simulated(List<LengthControlledWinRate.Comparison> comparisons, double[] truth) {
    }

    private static Simulated simulate(double lengthBias, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int instructions = 400;
        double[] difficulty = new double[instructions];
        double[] baselineLength = new double[instructions];
        for (int x = 0; x < instructions; x++) {
            difficulty[x] = random.nextGaussian();
            baselineLength[x] = 800 * Math.exp(0.4 * random.nextGaussian());
        }
        List<LengthControlledWinRate.Comparison> out = new ArrayList<>();
        double[] truth = new double[MODELS.length];
        for (int m = 0; m < MODELS.length; m++) {
            double[] deltas = new double[instructions];
            double[] lengths = new double[instructions];
            for (int x = 0; x < instructions; x++) {
                lengths[x] = Math.round(800 * VERBOSITY[m] * Math.exp(0.4 * random.nextGaussian()));
                deltas[x] = lengths[x] - baselineLength[x];
            }
            double sd = sampleSd(deltas);
            for (int x = 0; x < instructions; x++) {
                double atEqualLength = STRENGTH[m] - difficulty[x];
                truth[m] += 100 / (1 + Math.exp(-atEqualLength)) / instructions;
                double eta = atEqualLength + lengthBias * Math.tanh(deltas[x] / sd);
                double u = random.nextDouble();
                double p = 1 / (1 + Math.exp(-eta));
                double preference = u < p * 0.9 ? 1 : u < p * 0.9 + 0.1 ? 0.5 : 0;
                out.add(new LengthControlledWinRate.Comparison(MODELS[m], "q" + x, preference, lengths[x],
                        baselineLength[x]));
            }
        }
        return new Simulated(out, truth);
    }

    private static double sampleSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /**
     * Over ten simulated runs, the mean error of each model's controlled win rate against its win rate at equal
     * length (the GLM is unbiased but noisy for a model that is nearly always longer: its length term is then
     * close to a constant, so no single run is held to a tight bound).
     */
    private static double[][] errors(double lengthBias) {
        double[][] out = new double[2][MODELS.length];
        int runs = 10;
        for (int seed = 0; seed < runs; seed++) {
            Simulated s = simulate(lengthBias, 100 + seed);
            Map<String, LengthControlledWinRate.ModelResult> results = LengthControlledWinRate.of(s.comparisons());
            for (int m = 0; m < MODELS.length; m++) {
                LengthControlledWinRate.ModelResult r = results.get(MODELS[m]);
                assertThat(r.comparisons()).isEqualTo(400);
                assertThat(Math.abs(r.lengthControlledWinRate() - s.truth()[m])).as(MODELS[m] + " seed " + seed)
                        .isLessThan(12);
                out[0][m] += (r.winRate() - s.truth()[m]) / runs;
                out[1][m] += (r.lengthControlledWinRate() - s.truth()[m]) / runs;
            }
        }
        return out;
    }

    @Test
    void lengthBias_isRemovedFromTheVerboseModelsWinRate() {
        double[][] errors = errors(1.5);
        // the judge's taste for length inflates the raw win rate of the verbose model well above the truth
        assertThat(errors[0][2]).isGreaterThan(15);
        assertThat(errors[0][0]).isLessThan(-5);
        for (int m = 0; m < MODELS.length; m++) {
            // ten runs' mean of errors whose single-run spread is about 4 points: its own error is about 1.3
            assertThat(errors[1][m]).as(MODELS[m]).isCloseTo(0, within(4.0));
            assertThat(Math.abs(errors[1][m])).as(MODELS[m]).isLessThan(Math.abs(errors[0][m]) / 4 + 1);
        }
    }

    @Test
    void withoutLengthBias_controlledWinRatesAreUnbiased() {
        double[][] errors = errors(0);
        for (int m = 0; m < MODELS.length; m++) {
            assertThat(errors[0][m]).as("raw " + MODELS[m]).isCloseTo(0, within(2.5));
            assertThat(errors[1][m]).as(MODELS[m]).isCloseTo(0, within(2.5));
        }
    }

    @Test
    void aModelThatNeverLost_staysFinite() {
        List<LengthControlledWinRate.Comparison> all = new ArrayList<>();
        for (int x = 0; x < 30; x++) {
            all.add(new LengthControlledWinRate.Comparison("winner", "q" + x, 1, 100 + x, 120));
            all.add(new LengthControlledWinRate.Comparison("mixed", "q" + x, x % 2, 100 + 3 * x, 120));
        }
        LengthControlledWinRate.ModelResult winner = LengthControlledWinRate.of(all).get("winner");
        assertThat(winner.winRate()).isEqualTo(100.0);
        assertThat(winner.lengthControlledWinRate()).isBetween(90.0, 100.0);
    }

    @Test
    void badInput_isNamed() {
        assertThatThrownBy(() -> new LengthControlledWinRate.Comparison("m", "q7", 1.5, 1, 1))
                .hasMessageContaining("preference of 'm' on 'q7' must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> new LengthControlledWinRate.Comparison("m", "q7", 1, -1, 1))
                .hasMessageContaining("modelLength of 'm' on 'q7'");
        assertThatThrownBy(() -> LengthControlledWinRate.of(List.of())).hasMessageContaining("no comparisons");
        assertThatThrownBy(() -> LengthControlledWinRate.builder().ridge(0)).hasMessageContaining("ridge");
    }
}
