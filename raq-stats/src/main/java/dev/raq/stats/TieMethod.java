package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * How {@link Ranks#rank(double[], TieMethod)} ranks tied values; the same five methods as
 * {@code scipy.stats.rankdata}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TieMethod {
    /** Tied values share the mean of the ranks they span (1, 2.5, 2.5, 4). The default. */
    AVERAGE,
    /** Tied values share the lowest rank they span (1, 2, 2, 4). */
    MIN,
    /** Tied values share the highest rank they span (1, 3, 3, 4). */
    MAX,
    /** Tied values share one rank and the next distinct value gets the next integer (1, 2, 2, 3). */
    DENSE,
    /** Every value gets a distinct rank; ties are broken by position in the input (1, 2, 3, 4). */
    ORDINAL
}
