package dev.raq.core.objective;

import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link PassAtKEvaluation}: per candidate and k, pass@k with its interval and pass^k.
 *
 * @param problems          the problems asked
 * @param samplesPerProblem the answers asked per problem and candidate
 * @param rows              per candidate (in the order added), per k (in the order given)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PassAtKReport(int problems, int samplesPerProblem, List<Row> rows) {

    /**
     * One candidate's estimate at one k.
     *
     * @param candidate   the candidate
     * @param k           k
     * @param problems    the problems with at least k successful answers, which the estimate averages over
     * @param leftOut     problems with fewer than k successful answers (calls failed)
     * @param passAtK     the mean of the unbiased pass@k estimates, NaN when no problem counts
     * @param interval    its 95% percentile bootstrap interval over problems, or null for fewer than two problems
     * @param passHatK    the mean chance that all k answers are right
     * @param failedCalls the candidate's calls that failed (over all problems)
     * @param errors      the first few failures' messages
     */
    public record Row(String candidate, int k, int problems, int leftOut, double passAtK,
                      @Nullable ConfidenceInterval interval, double passHatK, int failedCalls, List<String> errors) {
    }

    /** The row of a candidate at k. */
    public Row row(String candidate, int k) {
        return rows.stream().filter(r -> r.candidate().equals(candidate) && r.k() == k).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pass@" + k + " of candidate '" + candidate + "'"));
    }

    /** A table: candidate, k, pass@k with interval, pass^k, problems, failed calls. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "pass@k over %d problems, %d answers each%n",
                problems, samplesPerProblem));
        sb.append(String.format(Locale.ROOT, "%-24s %4s %8s %17s %8s %9s %7s%n", "candidate", "k", "pass@k",
                "95% CI", "pass^k", "problems", "failed"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-24s %4d %8.4f %17s %8.4f %9d %7d%n", r.candidate(), r.k(),
                    r.passAtK(), r.interval() == null ? "n/a" : String.format(Locale.ROOT, "%.4f–%.4f",
                            r.interval().lower(), r.interval().upper()), r.passHatK(), r.problems(),
                    r.failedCalls()));
        }
        return sb.toString();
    }
}
