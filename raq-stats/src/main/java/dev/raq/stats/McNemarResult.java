package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The result of {@link McNemar}'s test.
 *
 * @param exactStatistic          {@code min(b, c)}
 * @param exactPValue             the exact two-sided p-value
 * @param midPValue               the mid-p value, NaN without discordant items
 * @param chi2Statistic           {@code (b − c)² / (b + c)}
 * @param chi2PValue              its p-value (chi-square, 1 degree of freedom)
 * @param chi2CorrectedStatistic  {@code (|b − c| − 1)² / (b + c)}
 * @param chi2CorrectedPValue     its p-value
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record McNemarResult(int exactStatistic, double exactPValue, double midPValue, double chi2Statistic,
                            double chi2PValue, double chi2CorrectedStatistic, double chi2CorrectedPValue) {
}
