package dev.raq.core.perf;

import dev.raq.core.model.FailureCause;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one load-test run measured, with the names EvalScope and vLLM use. Every rate divides by the run's
 * {@linkplain #duration() duration} (from the first request sent to the last one finished); every per-request
 * average and distribution is over the requests that succeeded. Timings are in milliseconds except the duration.
 * The definitions, and how they differ from EvalScope's and vLLM's, are in {@code docs/load-test.md}. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LoadTestReport {

    private final LoadProfile profile;
    private final @Nullable Sla sla;
    private final Duration duration;
    private final long requests;
    private final long succeeded;
    private final Map<FailureCause, Long> failuresByCause;
    private final long streamed;
    private final long totalInputTokens;
    private final long totalOutputTokens;
    private final long estimatedTokenRequests;
    private final LatencyStats latency;
    private final LatencyStats ttft;
    private final LatencyStats tpot;
    private final LatencyStats itl;
    private final double chunksPerRequest;
    private final double timePerChunkMillis;
    private final long good;
    private final double meanInFlight;
    private final double cpuMillisPerRequest;
    private final double loadGeneratorCpuShare;
    private final List<String> warnings;

    private LoadTestReport(LoadProfile profile, @Nullable Sla sla, Duration duration, long requests, long succeeded,
                           EnumMap<FailureCause, Long> failuresByCause, long streamed, long totalInputTokens,
                           long totalOutputTokens, long estimatedTokenRequests, LatencyStats latency,
                           LatencyStats ttft, LatencyStats tpot, LatencyStats itl, double chunksPerRequest,
                           double timePerChunkMillis, long good, double meanInFlight, double cpuMillisPerRequest,
                           double loadGeneratorCpuShare, List<String> warnings) {
        this.profile = profile;
        this.sla = sla;
        this.duration = duration;
        this.requests = requests;
        this.succeeded = succeeded;
        this.failuresByCause = Collections.unmodifiableMap(new EnumMap<>(failuresByCause));
        this.streamed = streamed;
        this.totalInputTokens = totalInputTokens;
        this.totalOutputTokens = totalOutputTokens;
        this.estimatedTokenRequests = estimatedTokenRequests;
        this.latency = latency;
        this.ttft = ttft;
        this.tpot = tpot;
        this.itl = itl;
        this.chunksPerRequest = chunksPerRequest;
        this.timePerChunkMillis = timePerChunkMillis;
        this.good = good;
        this.meanInFlight = meanInFlight;
        this.cpuMillisPerRequest = cpuMillisPerRequest;
        this.loadGeneratorCpuShare = loadGeneratorCpuShare;
        this.warnings = List.copyOf(warnings);
    }

    /** Computes the report of a run's observations. */
    static LoadTestReport of(LoadProfile profile, @Nullable Sla sla, List<Observation> observations, long cpuNanos,
                             int processors, long fallbackWallNanos) {
        Objects.requireNonNull(profile, "profile");
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long ok = 0;
        long streamed = 0;
        long in = 0;
        long out = 0;
        long estimated = 0;
        long chunks = 0;
        long good = 0;
        double latencySum = 0;
        EnumMap<FailureCause, Long> failures = new EnumMap<>(FailureCause.class);
        List<Double> latencies = new ArrayList<>();
        List<Double> ttfts = new ArrayList<>();
        List<Double> tpots = new ArrayList<>();
        List<Double> itls = new ArrayList<>();
        List<Double> perChunk = new ArrayList<>();
        for (Observation o : observations) {
            first = Math.min(first, o.start);
            last = Math.max(last, o.end);
            latencySum += o.end - o.start;
            if (!o.ok()) {
                failures.merge(Objects.requireNonNull(o.failure), 1L, Long::sum);
                continue;
            }
            ok++;
            in += o.inputTokens;
            out += o.outputTokens;
            if (o.estimatedTokens) {
                estimated++;
            }
            latencies.add(o.latency / 1e6);
            if (o.ttft >= 0) {
                streamed++;
                ttfts.add(o.ttft / 1e6);
            }
            double tpot = o.tpot();
            if (tpot >= 0) {
                tpots.add(tpot / 1e6);
            }
            chunks += o.chunks.length;
            for (int i = 1; i < o.chunks.length; i++) {
                itls.add((o.chunks[i] - o.chunks[i - 1]) / 1e6);
            }
            if (o.ttft >= 0 && o.chunks.length > 1) {
                perChunk.add((o.latency - o.ttft) / 1e6 / (o.chunks.length - 1));
            }
            if (sla != null && o.ttft >= 0 && o.ttft <= sla.ttft().toNanos()
                    && (tpot < 0 || tpot <= sla.tpot().toNanos())) {
                good++;
            }
        }
        long wall = observations.isEmpty() ? fallbackWallNanos : Math.max(0, last - first);
        List<String> warnings = new ArrayList<>();
        if (ok > 0 && streamed == 0) {
            warnings.add("no answer was streamed: TTFT, TPOT and ITL need a streaming client (streaming(true))");
        }
        if (estimated > 0) {
            warnings.add(String.format(Locale.ROOT, "the server reported no token usage for %d of %d requests; "
                    + "their token counts are estimates (4 characters per token)", estimated, ok));
        }
        double cpuPerRequest = cpuNanos < 0 || observations.isEmpty() ? -1 : cpuNanos / 1e6 / observations.size();
        double share = cpuNanos < 0 || wall == 0 ? -1 : cpuNanos / ((double) wall * Math.max(1, processors));
        if (share > LoadTest.SATURATION_WARNING_SHARE) {
            warnings.add(String.format(Locale.ROOT, "this process used %.0f%% of the machine's %d CPUs: the load "
                    + "generator may be the bottleneck, and the timings include its queueing", share * 100,
                    processors));
        }
        if (ok == 0 && !observations.isEmpty()) {
            warnings.add("every request failed");
        }
        return new LoadTestReport(profile, sla, Duration.ofNanos(wall), observations.size(), ok, failures, streamed,
                in, out, estimated, stats(latencies), stats(ttfts), stats(tpots), stats(itls),
                ok == 0 ? 0 : (double) chunks / ok, perChunk.isEmpty() ? 0 : stats(perChunk).mean(), good,
                wall == 0 ? 0 : latencySum / wall, cpuPerRequest, share, warnings);
    }

    private static LatencyStats stats(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return LatencyStats.of(a);
    }

    /** The load that was applied. */
    public LoadProfile profile() {
        return profile;
    }

    /** The SLA goodput was measured against, if any. */
    public Optional<Sla> sla() {
        return Optional.ofNullable(sla);
    }

    /** Time taken for tests: from the first measured request sent to the last one finished. */
    public Duration duration() {
        return duration;
    }

    /** Measured requests sent (total requests; warm-up excluded). */
    public long requests() {
        return requests;
    }

    /** Requests answered without error (succeed requests). */
    public long succeeded() {
        return succeeded;
    }

    /** Requests that failed (failed requests). */
    public long failed() {
        return requests - succeeded;
    }

    /** Failed requests by cause, in the enum's order; only causes that occurred. */
    public Map<FailureCause, Long> failuresByCause() {
        return failuresByCause;
    }

    /** Succeeded requests whose answer was streamed (they have a TTFT). */
    public long streamed() {
        return streamed;
    }

    /** Request throughput (QPS): succeeded requests per second of {@link #duration()}. */
    public double requestThroughput() {
        return perSecond(succeeded);
    }

    /** Output token throughput: output tokens of the succeeded requests per second of {@link #duration()}. */
    public double outputTokenThroughput() {
        return perSecond(totalOutputTokens);
    }

    /** Total token throughput: input plus output tokens of the succeeded requests per second. */
    public double totalTokenThroughput() {
        return perSecond(totalInputTokens + totalOutputTokens);
    }

    /** Input tokens summed over the succeeded requests. */
    public long totalInputTokens() {
        return totalInputTokens;
    }

    /** Output tokens summed over the succeeded requests. */
    public long totalOutputTokens() {
        return totalOutputTokens;
    }

    /** Average input tokens per succeeded request. */
    public double meanInputTokens() {
        return succeeded == 0 ? 0 : (double) totalInputTokens / succeeded;
    }

    /** Average output tokens per succeeded request. */
    public double meanOutputTokens() {
        return succeeded == 0 ? 0 : (double) totalOutputTokens / succeeded;
    }

    /** Succeeded requests whose token counts were estimated, because the server reported no usage. */
    public long estimatedTokenRequests() {
        return estimatedTokenRequests;
    }

    /** Latency (end-to-end, from sending to the whole answer) of the succeeded requests. */
    public LatencyStats latency() {
        return latency;
    }

    /** Time to first token of the succeeded streamed requests. */
    public LatencyStats timeToFirstToken() {
        return ttft;
    }

    /**
     * Time per output token of the succeeded streamed requests with more than one output token: per request
     * {@code (latency − TTFT) / (output tokens − 1)}.
     */
    public LatencyStats timePerOutputToken() {
        return tpot;
    }

    /** Inter-token latency: every gap between consecutive text chunks of every succeeded request, pooled. */
    public LatencyStats interTokenLatency() {
        return itl;
    }

    /** Packages per request: the mean number of text chunks of a succeeded request (0 when none streamed). */
    public double chunksPerRequest() {
        return chunksPerRequest;
    }

    /** Time per package, in ms: the mean over streamed requests of {@code (latency − TTFT) / (chunks − 1)}. */
    public double timePerChunkMillis() {
        return timePerChunkMillis;
    }

    /** Goodput, if an SLA was set: requests meeting it (TTFT and TPOT within the limits) per second. */
    public OptionalDouble goodput() {
        return sla == null ? OptionalDouble.empty() : OptionalDouble.of(perSecond(good));
    }

    /** If an SLA was set: the share of all measured requests (failed ones included) that met it. */
    public OptionalDouble slaAttainment() {
        return sla == null || requests == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) good / requests);
    }

    /**
     * Mean requests in flight over the run (Little's law: the summed request times over the duration): the
     * concurrency an open loop actually reached; close to the users of a closed loop.
     */
    public double meanInFlight() {
        return meanInFlight;
    }

    /**
     * The measurement's own cost: CPU time of this process during the run per measured request, in ms, or -1 when
     * the JVM does not report it. It includes anything else the process did meanwhile (a server in the same JVM).
     */
    public double cpuMillisPerRequest() {
        return cpuMillisPerRequest;
    }

    /** CPU time of this process over the run's wall time and all processors, in [0, 1], or -1 when unknown. */
    public double loadGeneratorCpuShare() {
        return loadGeneratorCpuShare;
    }

    /** What the reader should know before trusting the figures (non-streamed answers, estimated tokens, saturation). */
    public List<String> warnings() {
        return warnings;
    }

    private double perSecond(long count) {
        long nanos = duration.toNanos();
        return nanos == 0 ? 0 : count / (nanos / 1e9);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LoadTestReport{%s, %d requests (%d failed) in %.2f s, %.2f req/s, "
                        + "%.1f output tok/s, latency %.1f ms, TTFT %.1f ms, TPOT %.2f ms, ITL %.2f ms}", profile,
                requests, failed(), duration.toNanos() / 1e9, requestThroughput(), outputTokenThroughput(),
                latency.mean(), ttft.mean(), tpot.mean(), itl.mean());
    }
}
