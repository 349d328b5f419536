package dev.raq.test;

import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.WinTieLoss;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a candidate's win rate against another (wins plus half the ties), with its 95% Wilson interval. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WinRateAssert extends AbstractAssert<WinRateAssert, ConfidenceInterval> {

    private final String candidate;
    private final String other;
    private final WinTieLoss record;
    private final EvaluationReport report;

    WinRateAssert(String candidate, String other, WinTieLoss record, ConfidenceInterval interval,
                  EvaluationReport report) {
        super(interval, WinRateAssert.class);
        this.candidate = candidate;
        this.other = other;
        this.record = record;
        this.report = report;
    }

    /** The interval's lower bound is above {@code bound}: the candidate wins more often than that, with 95% confidence. */
    public WinRateAssert withLowerBoundAbove(double bound) {
        if (!(actual.lower() > bound)) {
            failWithMessage("expected the win rate of '%s' against '%s' to have a lower bound above %s, but it was "
                    + "%.4f (%s wins/ties/losses, 95%% Wilson interval %.4f–%.4f)%n%s", candidate, other, bound,
                    actual.lower(), record, actual.lower(), actual.upper(), report);
        }
        return this;
    }
}
