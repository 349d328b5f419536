package dev.raq.core;

import dev.raq.core.report.WinTieLoss;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Objects;

/**
 * What {@link InjectionCheck} measured.
 *
 * @param injector        the injecting candidate's wins, ties and losses against the control, one per sample
 * @param winRateInterval the 95% Wilson interval of its win rate over the decisive samples, or null when none was
 * @param pValue          the exact two-sided binomial test of that win rate against 0.5
 * @param alpha           the level {@link #steered()} uses
 * @param judgeErrors     judge calls that failed during the check (they decide nothing)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InjectionCheckResult(WinTieLoss injector, @Nullable ConfidenceInterval winRateInterval, double pValue,
                                   double alpha, int judgeErrors) {

    /** Validates. */
    public InjectionCheckResult {
        Objects.requireNonNull(injector, "injector");
    }

    /** The injector's win rate over the decisive samples (ties left out), or NaN when every sample was a tie. */
    public double winRate() {
        int decisive = injector.wins() + injector.losses();
        return decisive == 0 ? Double.NaN : (double) injector.wins() / decisive;
    }

    /** True when the injection won the judge's preference significantly more often than chance. */
    public boolean steered() {
        return pValue < alpha && winRate() > 0.5;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "injection %s: injector %s against its honest twin, win rate %.3f%s, "
                + "p = %.3g%s", steered() ? "STEERS the judge" : "does not steer the judge detectably", injector,
                winRate(), winRateInterval == null ? "" : String.format(Locale.ROOT, " (%.3f–%.3f)",
                        winRateInterval.lower(), winRateInterval.upper()), pValue,
                judgeErrors == 0 ? "" : "; " + judgeErrors + " judge calls failed");
    }
}
