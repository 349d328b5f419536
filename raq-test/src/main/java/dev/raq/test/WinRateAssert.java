package dev.raq.test;

import dev.raq.core.gate.GateResult;
import dev.raq.core.gate.Gates;
import dev.raq.core.report.EvaluationReport;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a candidate's win rate against another (wins plus half the ties), with its 95% Wilson interval. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WinRateAssert extends AbstractAssert<WinRateAssert, ConfidenceInterval> {

    private final String candidate;
    private final String other;
    private final EvaluationReport report;

    WinRateAssert(String candidate, String other, ConfidenceInterval interval,
                  EvaluationReport report) {
        super(interval, WinRateAssert.class);
        this.candidate = candidate;
        this.other = other;
        this.report = report;
    }

    /** The interval's lower bound is above {@code bound}: the candidate wins more often than that, with 95% confidence. */
    public WinRateAssert withLowerBoundAbove(double bound) {
        GateResult result = Gates.winRateLowerBoundAbove(candidate, other, bound).check(report);
        if (!result.passed()) {
            failWithMessage("expected %s, but %s%n%s", result.gate(), result.detail(), report);
        }
        return this;
    }
}
