package dev.raq.test;

import dev.raq.core.gate.Gate;
import dev.raq.core.gate.GateResult;
import dev.raq.core.gate.Gates;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.PairDifference;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/**
 * Assertions on a whole {@link EvaluationReport}; a failure message ends with the report's summary (problems,
 * candidates, significant pairs), so the reason is on the screen.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationReportAssert extends AbstractAssert<EvaluationReportAssert, EvaluationReport> {

    EvaluationReportAssert(EvaluationReport report) {
        super(report, EvaluationReportAssert.class);
        isNotNull();
    }

    /** No candidate or judge call failed and the run was not aborted. */
    public EvaluationReportAssert hasNoErrors() {
        return meets(Gates.noErrors());
    }

    /** At most this share of all candidate and judge calls failed. */
    public EvaluationReportAssert hasErrorRateAtMost(double rate) {
        return meets(Gates.maxErrorRate(rate));
    }

    /** The report passes {@code gate}; a failure prints the gate, its reason and the report. */
    public EvaluationReportAssert meets(Gate gate) {
        GateResult result = gate.check(actual);
        if (!result.passed()) {
            failWithMessage("expected %s, but %s%n%s", result.gate(), result.detail(), actual);
        }
        return this;
    }

    /** Assertions on one candidate. */
    public CandidateAssert candidate(String name) {
        if (!actual.candidates().contains(name)) {
            failWithMessage("expected a candidate '%s', but the report compares %s", name, actual.candidates());
        }
        return new CandidateAssert(actual, name);
    }

    /** Assertions on the paired difference of ranks between two candidates (negative favours the first). */
    public PairDifferenceAssert pairedDifference(String first, String second) {
        return pairedDifference(first, second, "rank");
    }

    /**
     * Assertions on the paired difference of two candidates in one measure: {@code "rank"} or a metric judge's
     * name (positive favours the first).
     */
    public PairDifferenceAssert pairedDifference(String first, String second, String measure) {
        // either order: the interval's exclusion of 0 and the MDE do not depend on it
        PairDifference found = Gates.pairDifference(actual, first, second, measure);
        if (found != null) {
            return new PairDifferenceAssert(found, actual);
        }
        List<PairDifference> all = actual.pairDifferences();
        failWithMessage("expected a paired difference of '%s' and '%s' in '%s', but the report has %s", first, second,
                measure, all.stream().map(d -> d.first() + " − " + d.second() + " (" + d.measure() + ")").toList());
        throw new AssertionError("unreachable");
    }
}
