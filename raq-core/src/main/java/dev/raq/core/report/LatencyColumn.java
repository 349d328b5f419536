package dev.raq.core.report;

import org.HdrHistogram.IntCountsHistogram;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Arrays;

/**
 * One candidate's latencies (or times to first token), for the report's percentiles. Up to {@link #EXACT} values
 * they are kept exactly and a percentile interpolates between the closest ranks (numpy's default); past that they
 * move into an HdrHistogram with 3 significant digits, whose memory depends on the range of the values, not their
 * number, and a percentile is the histogram's value at that percentile: within 0.1% of a value between the two
 * closest ranks, which is what a million answers' p50 or p95 can honestly claim anyway.
 */
final class LatencyColumn {

    /** The most values kept exactly: the number of observations above which intervals turn normal too. */
    static final int EXACT = ValueSummary.LARGE;

    private long[] exact = new long[16];
    private int n;
    /** Whether {@code exact[0..n)} is in order: percentiles sort it in place once, not once per percentile. */
    private boolean sorted = true;
    private @Nullable IntCountsHistogram histogram;

    void add(long nanos) {
        long v = Math.max(0, nanos);
        IntCountsHistogram h = histogram;
        if (h != null) {
            h.recordValue(v);
        } else if (n == EXACT) {
            h = new IntCountsHistogram(3);
            for (int i = 0; i < n; i++) {
                h.recordValue(exact[i]);
            }
            h.recordValue(v);
            histogram = h;
            exact = new long[0];
        } else {
            if (n == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(EXACT, exact.length * 2));
            }
            exact[n++] = v;
            sorted = false;
        }
    }

    /** The number of values added. */
    long count() {
        IntCountsHistogram h = histogram;
        return h != null ? h.getTotalCount() : n;
    }

    /** True once the values are in the histogram: percentiles are within 0.1% of a value between the two closest ranks. */
    boolean approximate() {
        return histogram != null;
    }

    /** The {@code p} quantile ({@code 0 ≤ p ≤ 1}), or null without values. */
    @Nullable Duration percentile(double p) {
        IntCountsHistogram h = histogram;
        if (h != null) {
            return Duration.ofNanos(h.getValueAtPercentile(100 * p));
        }
        if (!sorted) {
            Arrays.sort(exact, 0, n);
            sorted = true;
        }
        return ReportAnalysis.percentile(exact, n, p);
    }
}
