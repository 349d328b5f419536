package dev.raq.test;

import dev.raq.core.gate.Gate;
import dev.raq.core.gate.GateResult;
import dev.raq.core.gate.Gates;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.WinTieLoss;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;



/** Assertions on one candidate of a report. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CandidateAssert extends AbstractAssert<CandidateAssert, String> {

    private final EvaluationReport report;

    CandidateAssert(EvaluationReport report, String candidate) {
        super(candidate, CandidateAssert.class);
        this.report = report;
    }

    /**
     * The report's significance test found this candidate better than {@code other}: the pair is significant and
     * favours this candidate, in one assertion. Fails with the test's figures, or with the reason the test could
     * not run.
     */
    public CandidateAssert isSignificantlyBetterThan(String other) {
        return meets(Gates.significantlyBetter(actual, other));
    }

    /** The candidate's mean score from the report's only metric judge is at least {@code minimum}. */
    public CandidateAssert hasMeanScoreAtLeast(double minimum) {
        return meets(Gates.meanScoreAtLeast(actual, null, minimum));
    }

    /** The candidate's mean score from this metric judge is at least {@code minimum}. */
    public CandidateAssert hasMeanScoreAtLeast(String judge, double minimum) {
        return meets(Gates.meanScoreAtLeast(actual, judge, minimum));
    }

    /**
     * The candidate's win rate against {@code other}: wins plus half the ties over the observations that rank both,
     * with its 95% Wilson interval.
     */
    public WinRateAssert hasWinRateAgainst(String other) {
        if (!report.candidates().contains(other) || other.equals(actual)) {
            failWithMessage("expected another candidate '%s' to compare '%s' with, but the report compares %s", other,
                    actual, report.candidates());
        }
        WinTieLoss record = report.candidate(actual).against(other);
        return new WinRateAssert(actual, other, Gates.winRateInterval(record), report);
    }

    private CandidateAssert meets(Gate gate) {
        GateResult result = gate.check(report);
        if (!result.passed()) {
            failWithMessage("expected %s, but %s%n%s", result.gate(), result.detail(), report);
        }
        return this;
    }
}
