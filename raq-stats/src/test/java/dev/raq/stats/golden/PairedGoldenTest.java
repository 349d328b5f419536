package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.McNemar;
import dev.raq.stats.McNemarResult;
import dev.raq.stats.PairedDifference;
import dev.raq.stats.PairedDifferenceResult;
import dev.raq.stats.PassAtK;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static dev.raq.stats.golden.GoldenAssert.close;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * paired_difference.json (numpy, scipy.stats.ttest_rel), mcnemar.json (statsmodels mcnemar) and pass_at_k.json
 * (HumanEval's estimator, tau-bench's pass^k): the statistics of two systems on the same items.
 */
class PairedGoldenTest {

    @TestFactory
    Stream<DynamicNode> paired() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(), Map.of(
                "paired_difference", PairedGoldenTest::checkPairedDifference,
                "mcnemar", PairedGoldenTest::checkMcNemar,
                "pass_at_k", PairedGoldenTest::checkPassAtK,
                "power", PairedGoldenTest::checkPower));
    }

    private static void checkPairedDifference(JsonNode c) {
        double[] a = GoldenAssert.doubles(c.at("/input/a"));
        double[] b = GoldenAssert.doubles(c.at("/input/b"));
        double confidence = c.at("/params/confidence").asDouble();
        checkPairedDifference(c, PairedDifference.of(a, b, confidence));
        // the same items as distinct pairs with counts
        java.util.Map<java.util.List<Double>, Long> pairs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(java.util.List.of(a[i], b[i]), 1L, Long::sum);
        }
        double[] da = pairs.keySet().stream().mapToDouble(p -> p.get(0)).toArray();
        double[] db = pairs.keySet().stream().mapToDouble(p -> p.get(1)).toArray();
        long[] counts = pairs.values().stream().mapToLong(Long::longValue).toArray();
        PairedDifferenceResult counted = PairedDifference.ofCounts(da, db, counts, confidence);
        checkPairedDifference(c, counted);
        assertThat(counted.n()).isEqualTo(a.length);
        assertThat((Double) counted.rankBiserial()).isEqualTo((Double) PairedDifference.of(a, b, confidence).rankBiserial());
    }

    private static void checkPairedDifference(JsonNode c, PairedDifferenceResult r) {
        JsonNode e = c.get("expected");
        close("mean_difference", r.meanDifference(), e.get("mean_difference"));
        close("sd_difference", r.sdDifference(), e.get("sd_difference"));
        close("standard_error", r.standardError(), e.get("standard_error"));
        // t bounds: scipy 1.10's t.ppf (cephes) is off by up to 4e-9 relative at some degrees of freedom, so they are
        // held to 1e-8 of the half-width (see ClusteredMeanGoldenTest)
        double halfWidth = Math.max(e.get("t_upper").asDouble() - e.get("mean_difference").asDouble(), 1e-300);
        close("t_lower", r.tInterval().lower(), e.get("t_lower").asDouble(), 0, Math.max(1e-8 * halfWidth, 1e-12));
        close("t_upper", r.tInterval().upper(), e.get("t_upper").asDouble(), 0, Math.max(1e-8 * halfWidth, 1e-12));
        close("z_lower", r.zInterval().lower(), e.get("z_lower"));
        close("z_upper", r.zInterval().upper(), e.get("z_upper"));
        close("t_statistic", r.tStatistic(), e.get("t_statistic"));
        close("t_pvalue", r.tPValue(), e.get("t_pvalue"));
        close("correlation", r.correlation(), e.get("correlation"));
    }

    private static void checkMcNemar(JsonNode c) {
        JsonNode t = c.at("/input/table");
        McNemarResult r = McNemar.test(new int[][] {{t.get(0).get(0).asInt(), t.get(0).get(1).asInt()},
                {t.get(1).get(0).asInt(), t.get(1).get(1).asInt()}});
        JsonNode e = c.get("expected");
        assertThat((double) r.exactStatistic()).isEqualTo(e.get("exact_statistic").asDouble());
        close("exact_pvalue", r.exactPValue(), e.get("exact_pvalue"));
        close("midp_pvalue", r.midPValue(), e.get("midp_pvalue"));
        close("chi2_statistic", r.chi2Statistic(), e.get("chi2_statistic"));
        close("chi2_pvalue", r.chi2PValue(), e.get("chi2_pvalue"));
        close("chi2_corrected_statistic", r.chi2CorrectedStatistic(), e.get("chi2_corrected_statistic"));
        close("chi2_corrected_pvalue", r.chi2CorrectedPValue(), e.get("chi2_corrected_pvalue"));
    }

    private static void checkPower(JsonNode c) {
        JsonNode in = c.get("input");
        double delta = in.get("delta").asDouble();
        dev.raq.stats.PowerPlan plan = dev.raq.stats.PowerAnalysis.pairedBinary(in.get("p_a").asDouble(),
                in.get("p_b").asDouble(), in.get("correlation").asDouble(), delta, in.get("cluster_size").asInt(),
                in.get("icc").asDouble(), c.at("/params/alpha").asDouble(), c.at("/params/power").asDouble());
        JsonNode e = c.get("expected");
        close("omega2", plan.omega2(), e.get("omega2"));
        close("multiplier", plan.multiplier(), e.get("multiplier"));
        close("n", plan.n(), e.get("n"));
        assertThat(plan.nCeil()).isEqualTo(e.get("n_ceil").asLong());
        close("design_effect", plan.designEffect(), e.get("design_effect"));
        close("n_clustered", plan.nClustered(), e.get("n_clustered"));
        assertThat(plan.nClusteredCeil()).isEqualTo(e.get("n_clustered_ceil").asLong());
        close("mde_at_500", plan.minimumDetectableDifference(500), e.get("mde_at_500"));
        close("power_at_500", plan.powerAt(500, delta), e.get("power_at_500"));
        // an iterative root finder produced the reference: within 1e-6 relative, as the file's notes say
        close("n_paired_t", plan.nPairedT(), e.get("n_paired_t"), 1e-6, 1e-9);
    }

    private static void checkPassAtK(JsonNode c) {
        int n = c.at("/input/n").asInt();
        int correct = c.at("/input/c").asInt();
        int k = c.at("/input/k").asInt();
        close("pass_at_k", PassAtK.passAtK(n, correct, k), c.at("/expected/pass_at_k"));
        close("pass_hat_k", PassAtK.passHatK(n, correct, k), c.at("/expected/pass_hat_k"));
    }
}
