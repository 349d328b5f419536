package dev.raq.test;

import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import dev.raq.core.report.ValueSummary;
import dev.raq.core.report.WinTieLoss;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;

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
     * favours this candidate, in one assertion. Fails with the test's table, or with the reason the test could not
     * run.
     */
    public CandidateAssert isSignificantlyBetterThan(String other) {
        SignificanceResult result = report.significance().orElse(null);
        if (result == null) {
            failWithMessage("expected '%s' to be significantly better than '%s', but no significance test ran: %s",
                    actual, other, report.significanceError().orElse("none was configured"));
            return this;
        }
        PairComparison pair = result.pair(actual, other);
        if (!pair.significant() || !actual.equals(pair.better())) {
            failWithMessage("expected '%s' to be significantly better than '%s', but %s%n%s", actual, other,
                    pair.significant() ? "the test favours '" + pair.better() + "'"
                            : "the difference is not significant (p = " + pair.pValue() + " at alpha "
                            + report.alpha() + ", n = " + pair.n() + ")", result);
        }
        return this;
    }

    /** The candidate's mean score from the report's only metric judge is at least {@code minimum}. */
    public CandidateAssert hasMeanScoreAtLeast(double minimum) {
        List<JudgeSummary> scoring = new ArrayList<>();
        report.judgeSummaries().stream().filter(j -> !j.scores().isEmpty()).forEach(scoring::add);
        if (scoring.size() != 1) {
            failWithMessage("expected one metric judge to read the mean score from, but the report has %d: %s; "
                    + "use hasMeanScoreAtLeast(judge, minimum)", scoring.size(),
                    scoring.stream().map(JudgeSummary::name).toList());
        }
        return hasMeanScoreAtLeast(scoring.get(0).name(), minimum);
    }

    /** The candidate's mean score from this metric judge is at least {@code minimum}. */
    public CandidateAssert hasMeanScoreAtLeast(String judge, double minimum) {
        JudgeSummary summary = report.judgeSummaries().stream().filter(j -> j.name().equals(judge)).findFirst()
                .orElse(null);
        if (summary == null) {
            failWithMessage("expected a judge '%s', but the report has %s", judge, report.judges());
            return this;
        }
        ValueSummary scores = summary.scores().get(actual);
        if (scores == null) {
            failWithMessage("expected scores of '%s' from judge '%s', but it scored none", actual, judge);
        } else if (!(scores.mean() >= minimum)) {
            failWithMessage("expected the mean score of '%s' from '%s' to be at least %s, but it was %s (n = %d)%n%s",
                    actual, judge, minimum, scores.mean(), scores.n(), report);
        }
        return this;
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
        int n = record.total();
        double wins = record.wins() + record.ties() / 2.0;
        ConfidenceInterval interval = n == 0 ? new ConfidenceInterval(0, 1, 0.95)
                : ProportionCi.of(wins, n, 0.05, ProportionCi.Method.WILSON);
        return new WinRateAssert(actual, other, record, interval, report);
    }
}
