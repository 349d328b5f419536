package dev.raq.clients.resilience;

/**
 * A token bucket that lends: it refills continuously at a fixed rate up to a capacity, and a reservation larger than
 * what is available is granted at once with the time to wait, leaving the balance negative, so later callers queue
 * behind it without any thread blocking. Thread-safe.
 */
final class RateBudget {

    private final double perNano;
    private final double capacity;
    private double available;
    private long last;

    /**
     * @param perMinute units refilled per minute (positive)
     * @param capacity  most units stored (positive); the bucket starts full
     * @param now       the ticker's current value, in nanoseconds
     */
    RateBudget(double perMinute, double capacity, long now) {
        this.perNano = perMinute / 60e9;
        this.capacity = capacity;
        this.available = capacity;
        this.last = now;
    }

    /** Takes {@code units} and returns how long, in nanoseconds, the caller must wait before using them. */
    synchronized long reserve(double units, long now) {
        refill(now);
        double missing = units - available;
        available -= units;
        return missing <= 0 ? 0 : (long) Math.ceil(missing / perNano);
    }

    /** Gives back ({@code units} negative) or takes more ({@code units} positive) after the fact. */
    synchronized void adjust(double units, long now) {
        refill(now);
        available = Math.min(capacity, available - units);
    }

    private void refill(long now) {
        if (now > last) {
            available = Math.min(capacity, available + (now - last) * perNano);
            last = now;
        }
    }
}
