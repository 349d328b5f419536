package dev.raq.core.perf;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Objects;

/**
 * A service-level objective on streaming latency: time to first token at most {@code ttft} and time per output
 * token at most {@code tpot}. A request meets it when both hold (goodput, as vLLM's {@code --goodput ttft:x tpot:y});
 * a run meets it when its p99 TTFT and p99 TPOT do and at most 1% of its requests failed ({@link SlaSearch}).
 *
 * @param ttft the largest acceptable time to first token; positive
 * @param tpot the largest acceptable time per output token; positive
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Sla(Duration ttft, Duration tpot) {

    /** The largest share of failed requests a run may have and still meet the SLA: 1%. */
    public static final double MAX_FAILED_SHARE = 0.01;

    /** Validates that both limits are positive. */
    public Sla {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(tpot, "tpot");
        if (ttft.isNegative() || ttft.isZero()) {
            throw new IllegalArgumentException("ttft must be positive but was " + ttft);
        }
        if (tpot.isNegative() || tpot.isZero()) {
            throw new IllegalArgumentException("tpot must be positive but was " + tpot);
        }
    }

    /** An SLA in milliseconds, such as {@code Sla.ofMillis(500, 50)}. */
    public static Sla ofMillis(double ttftMillis, double tpotMillis) {
        return new Sla(Duration.ofNanos(Math.round(ttftMillis * 1e6)), Duration.ofNanos(Math.round(tpotMillis * 1e6)));
    }

    /** True when a run's p99 TTFT and p99 TPOT are within the limits and at most 1% of its requests failed. */
    public boolean isMetBy(LoadTestReport report) {
        Objects.requireNonNull(report, "report");
        if (report.succeeded() == 0 || report.failed() > MAX_FAILED_SHARE * report.requests()) {
            return false;
        }
        LatencyStats ttftStats = report.timeToFirstToken();
        LatencyStats tpotStats = report.timePerOutputToken();
        return ttftStats.count() > 0 && ttftStats.p99() <= ttftMillis()
                && (tpotStats.count() == 0 || tpotStats.p99() <= tpotMillis());
    }

    /** The TTFT limit in milliseconds. */
    public double ttftMillis() {
        return ttft.toNanos() / 1e6;
    }

    /** The TPOT limit in milliseconds. */
    public double tpotMillis() {
        return tpot.toNanos() / 1e6;
    }

    @Override
    public String toString() {
        return "TTFT <= " + LoadTestFormat.number(ttftMillis()) + " ms, TPOT <= " + LoadTestFormat.number(tpotMillis())
                + " ms";
    }
}
