package dev.raq.test;

import dev.raq.core.report.EvaluationReport;
import org.apiguardian.api.API;

/**
 * The entry point of RAQ's assertions, beside AssertJ's own:
 *
 * <pre>{@code
 * import static dev.raq.test.RaqAssertions.assertThat;
 *
 * assertThat(report).hasNoErrors()
 *         .candidate("new").isSignificantlyBetterThan("baseline");
 * assertThat(report).candidate("new").hasWinRateAgainst("baseline").withLowerBoundAbove(0.5);
 * assertThat(report).pairedDifference("new", "baseline", "squad-f1").excludesZero();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RaqAssertions {

    private RaqAssertions() {
    }

    /** Assertions on an evaluation report. */
    public static EvaluationReportAssert assertThat(EvaluationReport report) {
        return new EvaluationReportAssert(report);
    }
}
