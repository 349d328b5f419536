package dev.raq.core.perf;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * Finds the highest load at which a server still meets an {@link Sla}: p99 TTFT and p99 TPOT within the limits and at
 * most 1% of requests failed ({@link Sla#isMetBy}). The search doubles the load from the minimum until a probe fails
 * (or the maximum passes), then bisects between the last load that passed and the first that failed. Each probe runs
 * the test {@code repeats} times and passes only when every repeat does, so one lucky run cannot raise the answer.
 * It assumes that meeting the SLA is monotone in the load, which holds for a server that only slows down as load
 * grows.
 *
 * <pre>{@code
 * SlaSearch.Result r = SlaSearch.concurrency(test, Sla.ofMillis(500, 50), 1, 256, 2);
 * r.best().ifPresent(p -> System.out.println("highest load within the SLA: " + p));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SlaSearch {

    private SlaSearch() {
    }

    /**
     * One load tried.
     *
     * @param profile the load
     * @param met     whether every repeat met the SLA
     * @param reports the report of each repeat
     */
    public record Probe(LoadProfile profile, boolean met, List<LoadTestReport> reports) {
        /** Copies the reports. */
        public Probe {
            Objects.requireNonNull(profile, "profile");
            reports = List.copyOf(reports);
        }
    }

    /** The outcome of a search: the highest load that met the SLA, if any, and every probe in the order run. */
    public static final class Result {
        private final Sla sla;
        private final @Nullable LoadProfile best;
        private final List<Probe> probes;

        Result(Sla sla, @Nullable LoadProfile best, List<Probe> probes) {
            this.sla = sla;
            this.best = best;
            this.probes = List.copyOf(probes);
        }

        /** The SLA searched for. */
        public Sla sla() {
            return sla;
        }

        /** The highest load that met the SLA; empty when even the minimum did not. */
        public Optional<LoadProfile> best() {
            return Optional.ofNullable(best);
        }

        /** Every probe, in the order run. */
        public List<Probe> probes() {
            return probes;
        }

        /** The first report of every probe, ordered by load, for a table. */
        public List<LoadTestReport> reports() {
            List<Probe> sorted = new ArrayList<>(probes);
            sorted.sort((a, b) -> Double.compare(load(a.profile()), load(b.profile())));
            List<LoadTestReport> out = new ArrayList<>();
            for (Probe p : sorted) {
                out.add(p.reports().get(0));
            }
            return out;
        }

        @Override
        public String toString() {
            return "SlaSearch.Result{" + sla + ", best=" + (best == null ? "none" : best) + ", probes="
                    + probes.size() + "}";
        }
    }

    /**
     * Searches concurrencies in {@code [min, max]} (closed loop).
     *
     * @param test    the test to run at each concurrency (its own profile is ignored)
     * @param sla     the limits
     * @param min     the lowest concurrency, at least 1
     * @param max     the highest concurrency, at least {@code min}
     * @param repeats runs per probe, at least 1
     * @return the highest concurrency that met the SLA, and the probes
     */
    public static Result concurrency(LoadTest test, Sla sla, int min, int max, int repeats) {
        check(test, sla, repeats);
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("concurrency range must have 1 <= min <= max but was [" + min + ", "
                    + max + "]");
        }
        return search(test, sla, min, max, repeats, x -> LoadProfile.concurrency((int) Math.round(x)),
                (lo, hi) -> hi - lo <= 1, (lo, hi) -> Math.floor((lo + hi) / 2));
    }

    /**
     * Searches Poisson request rates in {@code [min, max]} (open loop), to a relative precision.
     *
     * @param precision the search stops when the first failing rate is within {@code 1 + precision} times the last
     *                  passing one; in (0, 1]
     */
    public static Result rate(LoadTest test, Sla sla, double min, double max, double precision, int repeats) {
        check(test, sla, repeats);
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("rate range must have 0 < min <= max < infinity but was [" + min
                    + ", " + max + "]");
        }
        if (!(precision > 0 && precision <= 1)) {
            throw new IllegalArgumentException("precision must be in (0, 1] but was " + precision);
        }
        return search(test, sla, min, max, repeats, LoadProfile::poisson, (lo, hi) -> hi <= lo * (1 + precision),
                (lo, hi) -> Math.sqrt(lo * hi));
    }

    private interface Done {
        boolean test(double lo, double hi);
    }

    private interface Mid {
        double of(double lo, double hi);
    }

    private static Result search(LoadTest test, Sla sla, double min, double max, int repeats,
                                 DoubleFunction<LoadProfile> profile, Done done, Mid mid) {
        List<Probe> probes = new ArrayList<>();
        if (!probe(test, sla, profile.apply(min), repeats, probes)) {
            return new Result(sla, null, probes);
        }
        double lo = min;
        double hi = Double.NaN;
        for (double x = min * 2; x < max; x *= 2) {
            if (probe(test, sla, profile.apply(x), repeats, probes)) {
                lo = x;
            } else {
                hi = x;
                break;
            }
        }
        if (Double.isNaN(hi) && lo < max) {
            if (probe(test, sla, profile.apply(max), repeats, probes)) {
                lo = max;
            } else {
                hi = max;
            }
        }
        while (!Double.isNaN(hi) && !done.test(lo, hi)) {
            double x = mid.of(lo, hi);
            if (probe(test, sla, profile.apply(x), repeats, probes)) {
                lo = x;
            } else {
                hi = x;
            }
        }
        return new Result(sla, profile.apply(lo), probes);
    }

    private static boolean probe(LoadTest test, Sla sla, LoadProfile load, int repeats, List<Probe> probes) {
        List<LoadTestReport> reports = new ArrayList<>();
        boolean met = true;
        for (int i = 0; i < repeats && met; i++) {
            LoadTestReport r = test.withProfile(load).run();
            reports.add(r);
            met = sla.isMetBy(r);
        }
        probes.add(new Probe(load, met, reports));
        return met;
    }

    private static double load(LoadProfile p) {
        return p.isOpenLoop() ? p.rate() : p.concurrency();
    }

    private static void check(LoadTest test, Sla sla, int repeats) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(sla, "sla");
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1 but was " + repeats);
        }
    }
}
