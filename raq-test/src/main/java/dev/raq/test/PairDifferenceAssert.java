package dev.raq.test;

import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.PairDifference;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the paired difference of two candidates in one measure. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairDifferenceAssert extends AbstractAssert<PairDifferenceAssert, PairDifference> {

    private final EvaluationReport report;

    PairDifferenceAssert(PairDifference difference, EvaluationReport report) {
        super(difference, PairDifferenceAssert.class);
        this.report = report;
    }

    /** The 95% t interval of the mean difference excludes 0: the two differ in this measure. */
    public PairDifferenceAssert excludesZero() {
        if (!actual.excludesZero()) {
            failWithMessage("expected the %s difference of '%s' and '%s' to exclude 0, but its 95%% interval is "
                    + "%.4f to %.4f (mean %.4f, n = %d)%n%s", actual.measure(), actual.first(), actual.second(),
                    actual.difference().tInterval().lower(), actual.difference().tInterval().upper(),
                    actual.difference().meanDifference(), actual.difference().n(), report);
        }
        return this;
    }

    /**
     * The samples could detect a difference of {@code delta} (in the measure's units) with 80% power: the minimum
     * detectable difference is at most delta.
     */
    public PairDifferenceAssert wasPoweredToDetect(double delta) {
        double mde = actual.minimumDetectableDifference();
        if (!(mde <= Math.abs(delta))) {
            failWithMessage("expected %d samples to detect a %s difference of %s between '%s' and '%s' with 80%% "
                    + "power, but the smallest they detect is %.4f: more samples are needed",
                    actual.difference().n(), actual.measure(), delta, actual.first(), actual.second(), mde);
        }
        return this;
    }
}
