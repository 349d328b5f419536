package dev.raq.core.pairwise;

import dev.raq.stats.ProportionCi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NovaMetricsTest {

    @Test
    void of_novasWorkedExample_givesItsCountsAndWinrate() {
        // Nova's documentation: A preferred 16 times, B 10 times, no ties or errors -> winrate 0.38
        NovaMetrics m = NovaMetrics.of(new PairwiseCounts(16, 10, 0, 0));
        Map<String, Object> map = m.toMap();
        assertThat(map).containsEntry("a_scores", 16.0).containsEntry("b_scores", 10.0)
                .containsEntry("ties", 0.0).containsEntry("inference_error", 0.0).containsEntry("score", 10.0);
        assertThat((double) map.get("winrate")).isCloseTo(10.0 / 26, within(1e-15));
        assertThat(Math.round((double) map.get("winrate") * 100) / 100.0).isEqualTo(0.38);
        // Wilson 95% for 10/26, computed by hand: centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(...)/(1 + z²/n)
        double z = 1.959963984540054;
        double p = 10.0 / 26;
        double denom = 1 + z * z / 26;
        double centre = (p + z * z / 52) / denom;
        double half = z * Math.sqrt(p * (1 - p) / 26 + z * z / (4.0 * 26 * 26)) / denom;
        assertThat((double) map.get("lower_rate")).isCloseTo(centre - half, within(1e-12));
        assertThat((double) map.get("upper_rate")).isCloseTo(centre + half, within(1e-12));
        // sign test: scipy.stats.binomtest(10, 26, 0.5).pvalue (Debian scipy, by hand)
        assertThat(m.pValue()).isCloseTo(0.32693958282470703, within(1e-12));
    }

    @Test
    void toMap_hasNovasExactKeysInOrder() {
        assertThat(NovaMetrics.of(new PairwiseCounts(3, 5, 2, 1)).toMap().keySet()).containsExactly(
                "a_scores", "a_scores_stderr", "b_scores", "b_scores_stderr", "ties", "ties_stderr",
                "inference_error", "inference_error_stderr", "score", "score_stderr", "winrate", "winrate_stderr", "lower_rate",
                "upper_rate", "p_value", "tie_handling", "interval_method");
    }

    @Test
    void of_tiesCountHalfByDefault_orAreExcludedOnRequest() {
        PairwiseCounts c = new PairwiseCounts(3, 5, 2, 1);
        NovaMetrics half = NovaMetrics.of(c);
        assertThat(half.winrate()).isEqualTo(6.0 / 10);
        assertThat(half.score()).isEqualTo(6.0);
        NovaMetrics excl = NovaMetrics.of(c, NovaMetrics.TieHandling.EXCLUDE, NovaMetrics.IntervalMethod.WILSON, 0.95, 0);
        assertThat(excl.winrate()).isEqualTo(5.0 / 8);
        assertThat(excl.score()).isEqualTo(5.0);
        assertThat(excl.interval()).isEqualTo(ProportionCi.of(5, 8, 1 - 0.95, ProportionCi.Method.WILSON));
    }

    @Test
    void stderr_isTheBinomialStandardErrorOfEachCountAmongAllJudgements() {
        Map<String, Object> m = NovaMetrics.of(new PairwiseCounts(3, 5, 2, 1)).toMap();
        double n = 11;
        assertThat((double) m.get("a_scores_stderr")).isCloseTo(Math.sqrt(n * (3 / n) * (8 / n)), within(1e-12));
        assertThat((double) m.get("inference_error_stderr")).isCloseTo(Math.sqrt(n * (1 / n) * (10 / n)),
                within(1e-12));
        // score per judgement: 1 (B win) x5, 0.5 (tie) x2, 0 otherwise; mean 6/11, mean square 5.5/11
        double mean = 6 / n;
        double meanSq = 5.5 / n;
        assertThat((double) m.get("score_stderr")).isCloseTo(Math.sqrt(n * (meanSq - mean * mean)), within(1e-12));
    }

    @Test
    void of_clopperPearsonAndBootstrap_onRequest() {
        PairwiseCounts c = new PairwiseCounts(16, 10, 0, 0);
        NovaMetrics cp = NovaMetrics.of(c, NovaMetrics.TieHandling.HALF, NovaMetrics.IntervalMethod.CLOPPER_PEARSON,
                0.95, 0);
        assertThat(cp.interval()).isEqualTo(ProportionCi.of(10, 26, 1 - 0.95, ProportionCi.Method.CLOPPER_PEARSON));
        NovaMetrics b1 = NovaMetrics.of(c, NovaMetrics.TieHandling.HALF, NovaMetrics.IntervalMethod.BOOTSTRAP, 0.95,
                7);
        NovaMetrics b2 = NovaMetrics.of(c, NovaMetrics.TieHandling.HALF, NovaMetrics.IntervalMethod.BOOTSTRAP, 0.95,
                7);
        assertThat(b1.interval()).isEqualTo(b2.interval());
        assertThat(b1.interval().contains(b1.winrate())).isTrue();
    }

    @Test
    void of_noValidJudgement_isRejectedNotNaN() {
        assertThatThrownBy(() -> NovaMetrics.of(new PairwiseCounts(0, 0, 0, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no valid judgement");
    }

    @Test
    void fromVerdicts_countsNullAsInferenceError() {
        List<Verdict> verdicts = new ArrayList<>(Arrays.asList(Verdict.A_BETTER, Verdict.B_MUCH_BETTER, Verdict.TIE,
                null, Verdict.B_BETTER));
        assertThat(PairwiseCounts.fromVerdicts(verdicts)).isEqualTo(new PairwiseCounts(1, 2, 1, 1));
    }

    @Test
    void winrateStderr_isTheStandardErrorOfThePerItemMean_notTheBinomialOne() {
        // 3 A wins, 5 B wins, 2 ties: items 0,0,0,1,1,1,1,1,.5,.5; scipy.stats.sem = 0.14529663145135577
        NovaMetrics m = NovaMetrics.of(new PairwiseCounts(3, 5, 2, 1));
        assertThat(m.winrate()).isEqualTo(0.6);
        assertThat(m.winrateStderr()).isCloseTo(0.14529663145135577, within(1e-15));
        assertThat(m.winrateStderr()).isLessThan(Math.sqrt(0.6 * 0.4 / 10)); // the binomial 0.1549 overstates it
    }

    @Test
    void fractionalCounts_accepted_signTestByNormalApproximation_bootstrapRefusedWithTheRemedy() {
        NovaMetrics m = NovaMetrics.of(new PairwiseCounts(1.5, 5.5, 1, 0));
        // scipy: 2 * norm.sf((5.5 - 1.5) / sqrt(7)) = 0.13057...
        assertThat(m.pValue()).isCloseTo(0.1305700181157362, within(1e-14));
        assertThat(NovaMetrics.of(new PairwiseCounts(1, 5, 2, 0)).pValue())
                .isCloseTo(0.21875, within(1e-15)); // exact binomtest(5, 6)
        assertThatThrownBy(() -> NovaMetrics.of(new PairwiseCounts(1.5, 5.5, 1, 0), NovaMetrics.TieHandling.HALF,
                NovaMetrics.IntervalMethod.BOOTSTRAP, 0.95, 1)).hasMessageContaining("NovaMetrics.ofPreferences");
    }

    @Test
    void ofPreferences_softPreferences_meanSemCountsAndItemBootstrap() {
        double[] p = {1, 0, 0.5, 0.8, 0.3, 1, 0.5, 0.9, Double.NaN};
        NovaMetrics m = NovaMetrics.ofPreferences(p, NovaMetrics.IntervalMethod.BOOTSTRAP, 0.95, 3);
        assertThat(m.winrate()).isEqualTo(0.625);
        assertThat(m.winrateStderr()).isCloseTo(0.127825215486952, within(1e-15)); // scipy.stats.sem
        assertThat(m.counts()).isEqualTo(new PairwiseCounts(2, 4, 2, 1));
        assertThat(m.interval().lower()).isLessThan(0.625);
        assertThat(m.interval().upper()).isGreaterThan(0.625).isLessThanOrEqualTo(1);
        assertThat(NovaMetrics.ofPreferences(p, NovaMetrics.IntervalMethod.BOOTSTRAP, 0.95, 3).interval())
                .isEqualTo(m.interval());
        assertThatThrownBy(() -> NovaMetrics.ofPreferences(new double[] {1.2}, NovaMetrics.IntervalMethod.WILSON,
                0.95, 0)).hasMessageContaining("preferences[0] must be in [0, 1]");
    }
}
