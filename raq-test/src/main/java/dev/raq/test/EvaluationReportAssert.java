package dev.raq.test;

import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.PairDifference;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Locale;

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
        if (actual.answerErrors() > 0 || actual.judgeErrors() > 0 || actual.abortedBecause().isPresent()) {
            failWithMessage("expected no failed calls, but %d candidate and %d judge calls failed%s%n%s",
                    actual.answerErrors(), actual.judgeErrors(),
                    actual.abortedBecause().map(r -> " and the run was aborted: " + r).orElse(""), actual);
        }
        return this;
    }

    /** At most this share of all candidate and judge calls failed. */
    public EvaluationReportAssert hasErrorRateAtMost(double rate) {
        int calls = actual.candidateSummaries().stream().mapToInt(c -> c.answers() + c.errors()).sum()
                + actual.judgeSummaries().stream().mapToInt(j -> j.calls()).sum();
        int failed = actual.answerErrors() + actual.judgeErrors();
        if (calls == 0 || failed > rate * calls) {
            failWithMessage("expected at most %s of the calls to fail, but %d of %d did%n%s",
                    percent(rate), failed, calls, actual);
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
        List<PairDifference> all = actual.pairDifferences();
        for (PairDifference d : all) { // either order: the interval's exclusion of 0 and the MDE do not depend on it
            boolean same = d.first().equals(first) && d.second().equals(second);
            boolean swapped = d.first().equals(second) && d.second().equals(first);
            if (d.measure().equals(measure) && (same || swapped)) {
                return new PairDifferenceAssert(d, actual);
            }
        }
        failWithMessage("expected a paired difference of '%s' and '%s' in '%s', but the report has %s", first, second,
                measure, all.stream().map(d -> d.first() + " − " + d.second() + " (" + d.measure() + ")").toList());
        throw new AssertionError("unreachable");
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
