package dev.raq.core.gate;

import dev.raq.commons.Preconditions;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import dev.raq.core.report.PairDifference;
import dev.raq.core.report.ValueSummary;
import dev.raq.core.report.WinTieLoss;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The common {@link Gate}s. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Gates {

    private Gates() {
    }

    /**
     * The report's significance test found {@code candidate} better than {@code other}: the pair is significant
     * and favours the candidate. Fails when no test ran (with the reason).
     */
    public static Gate significantlyBetter(String candidate, String other) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(other, "other");
        String gate = candidate + " significantly better than " + other;
        return report -> {
            String unknown = unknownCandidates(report, candidate, other);
            if (unknown != null) {
                return new GateResult(gate, false, unknown);
            }
            SignificanceResult result = report.significance().orElse(null);
            if (result == null) {
                return new GateResult(gate, false, "no significance test ran: "
                        + report.significanceError().orElse("none was configured"));
            }
            PairComparison pair = result.pair(candidate, other);
            String figures = String.format(Locale.ROOT, "%s, adjusted p = %.4g at alpha %s, n = %d", result.test(),
                    pair.pValue(), report.alpha(), pair.n());
            if (pair.significant() && candidate.equals(pair.better())) {
                return new GateResult(gate, true, figures);
            }
            return new GateResult(gate, false, (pair.significant() ? "the test favours " + pair.better()
                    : "the difference is not significant") + " (" + figures + ")");
        };
    }

    /** No candidate or judge call failed and the run was not aborted. */
    public static Gate noErrors() {
        return maxErrorRate(0);
    }

    /** At most this share of all candidate and judge calls failed, and the run was not aborted. */
    public static Gate maxErrorRate(double rate) {
        Preconditions.checkArgument(rate >= 0 && rate <= 1, () -> "the error rate must be in [0, 1] but was "
                + rate);
        String gate = rate == 0 ? "no errors" : "error rate at most " + percent(rate);
        return report -> {
            int calls = report.candidateSummaries().stream().mapToInt(c -> c.answers() + c.errors()).sum()
                    + report.judgeSummaries().stream().mapToInt(JudgeSummary::calls).sum();
            int failed = report.answerErrors() + report.judgeErrors();
            String detail = String.format(Locale.ROOT, "%d of %d calls failed (%d candidate, %d judge)%s", failed,
                    calls, report.answerErrors(), report.judgeErrors(),
                    report.abortedBecause().map(r -> "; the run was aborted: " + r).orElse(""));
            boolean passed = calls > 0 && failed <= rate * calls && report.abortedBecause().isEmpty();
            return new GateResult(gate, passed, calls == 0 ? "no calls were made" : detail);
        };
    }

    /**
     * {@code candidate}'s mean score from a metric judge is at least {@code minimum}.
     *
     * @param judge the judge's name, or null when the report has exactly one metric judge
     */
    public static Gate meanScoreAtLeast(String candidate, @Nullable String judge, double minimum) {
        Objects.requireNonNull(candidate, "candidate");
        String gate = "mean score of " + candidate + (judge == null ? "" : " by " + judge) + " at least " + minimum;
        return report -> {
            List<JudgeSummary> scoring = report.judgeSummaries().stream()
                    .filter(j -> !j.scores().isEmpty() && (judge == null || j.name().equals(judge))).toList();
            if (scoring.size() != 1) {
                return new GateResult(gate, false, judge == null
                        ? "expected one metric judge to read the mean score from, but the report has "
                        + scoring.stream().map(JudgeSummary::name).toList() + "; name the judge"
                        : "no metric judge '" + judge + "' among " + report.judges());
            }
            ValueSummary scores = scoring.get(0).scores().get(candidate);
            if (scores == null) {
                return new GateResult(gate, false, "judge " + scoring.get(0).name() + " scored no answer of '"
                        + candidate + "'");
            }
            String interval = scores.meanIntervalIfComputed().map(ci -> String.format(Locale.ROOT,
                    ", 95%% interval %.4f–%.4f", ci.lower(), ci.upper())).orElse("");
            return new GateResult(gate, scores.mean() >= minimum, String.format(Locale.ROOT, "mean %.4f (n = %d%s)",
                    scores.mean(), scores.n(), interval));
        };
    }

    /**
     * {@code candidate}'s win rate against {@code other} (wins plus half the ties, over the observations ranking
     * both) has a 95% Wilson lower bound above {@code bound}.
     */
    public static Gate winRateLowerBoundAbove(String candidate, String other, double bound) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(other, "other");
        String gate = "win rate of " + candidate + " against " + other + " above " + bound + " (95% lower bound)";
        return report -> {
            String unknown = unknownCandidates(report, candidate, other);
            if (unknown != null) {
                return new GateResult(gate, false, unknown);
            }
            WinTieLoss record = report.candidate(candidate).against(other);
            ConfidenceInterval interval = winRateInterval(record);
            return new GateResult(gate, interval.lower() > bound, String.format(Locale.ROOT,
                    "%d wins, %d ties, %d losses: win rate %.4f, 95%% Wilson interval %.4f–%.4f", record.wins(),
                    record.ties(), record.losses(), record.total() == 0 ? Double.NaN
                            : (record.wins() + record.ties() / 2.0) / record.total(), interval.lower(),
                    interval.upper()));
        };
    }

    /** The 95% Wilson interval of a win rate counting ties half; (0, 1) when there is no observation. */
    public static ConfidenceInterval winRateInterval(WinTieLoss record) {
        int n = record.total();
        return n == 0 ? new ConfidenceInterval(0, 1, 0.95)
                : ProportionCi.of(record.wins() + record.ties() / 2.0, n, 0.05, ProportionCi.Method.WILSON);
    }

    /**
     * The paired difference of {@code first} and {@code second} in {@code measure} ({@code "rank"} or a metric
     * judge's name) has a t interval that excludes 0.
     */
    public static Gate pairedDifferenceExcludesZero(String first, String second, String measure) {
        String gate = "paired difference of " + first + " and " + second + " in " + measure + " excludes 0";
        return report -> {
            PairDifference d = pairDifference(report, first, second, measure);
            if (d == null) {
                return new GateResult(gate, false, "the report has no paired difference of '" + first + "' and '"
                        + second + "' in '" + measure + "'");
            }
            ConfidenceInterval ci = d.difference().tInterval();
            return new GateResult(gate, d.excludesZero(), String.format(Locale.ROOT,
                    "mean difference %.4g, 95%% t interval %.4g to %.4g, n = %d", d.difference().meanDifference(),
                    ci.lower(), ci.upper(), d.difference().n()));
        };
    }

    /** The paired difference of the pair in the measure, in either order, or null. */
    public static @Nullable PairDifference pairDifference(EvaluationReport report, String first, String second,
                                                          String measure) {
        for (PairDifference d : report.pairDifferences()) {
            boolean same = d.first().equals(first) && d.second().equals(second);
            boolean swapped = d.first().equals(second) && d.second().equals(first);
            if (d.measure().equals(measure) && (same || swapped)) {
                return d;
            }
        }
        return null;
    }

    private static @Nullable String unknownCandidates(EvaluationReport report, String candidate, String other) {
        for (String c : List.of(candidate, other)) {
            if (!report.candidates().contains(c)) {
                return "no candidate '" + c + "' in the report, which compares " + report.candidates();
            }
        }
        return candidate.equals(other) ? "a candidate cannot be compared with itself" : null;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
