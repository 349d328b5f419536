package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * A sample-size plan for comparing two systems on the same questions (see {@link PowerAnalysis#pairedBinary}).
 *
 * @param omega2       the variance of the per-question difference, {@code pA(1−pA) + pB(1−pB) − 2ρ√(…)}
 * @param multiplier   {@code (z_{1−α/2} + z_power)²}
 * @param n            the questions needed without clustering (real; round up)
 * @param designEffect {@code 1 + (cluster size − 1)·ICC}
 * @param nClustered   the questions needed with clustering, {@code n · designEffect}
 * @param alpha        the two-sided significance level
 * @param nPairedT     the exact answer for a paired t test of the standardized effect {@code δ/√omega2} (no design
 *                     effect)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PowerPlan(double omega2, double multiplier, double n, double designEffect, double nClustered,
                        double alpha, double nPairedT) {

    /** {@link #n()} rounded up. */
    public long nCeil() {
        return (long) Math.ceil(n);
    }

    /** {@link #nClustered()} rounded up. */
    public long nClusteredCeil() {
        return (long) Math.ceil(nClustered);
    }

    /** The smallest difference {@code questions} questions detect at this plan's alpha and power. */
    public double minimumDetectableDifference(int questions) {
        return Math.sqrt(multiplier * omega2 * designEffect / questions);
    }

    /**
     * The power {@code questions} questions have for a difference {@code delta}: {@code Φ(δ/√(omega2·deff/n) −
     * z_{1−α/2})}, the one-sided approximation that ignores the far tail.
     */
    public double powerAt(int questions, double delta) {
        return TailProbabilities.normalCdf(delta / Math.sqrt(omega2 * designEffect / questions)
                - TailProbabilities.normalIsf(alpha / 2));
    }
}
