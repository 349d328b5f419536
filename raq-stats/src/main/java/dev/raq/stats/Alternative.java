package dev.raq.stats;

/**
 * The alternative hypothesis of a test, as scipy's {@code alternative} argument.
 */
public enum Alternative {
    /** The two populations differ in either direction. */
    TWO_SIDED,
    /** The first sample tends to be larger than the second. */
    GREATER,
    /** The first sample tends to be smaller than the second. */
    LESS
}
