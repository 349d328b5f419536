package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The alternative hypothesis of a test, as scipy's {@code alternative} argument.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Alternative {
    /** The two populations differ in either direction. */
    TWO_SIDED,
    /** The first sample tends to be larger than the second. */
    GREATER,
    /** The first sample tends to be smaller than the second. */
    LESS
}
