/**
 * Exact, fast nonparametric statistics for comparing models: ranks, omnibus and post-hoc tests, p-value
 * adjustment, paired tests, proportion intervals, bootstrap, Bradley&ndash;Terry and Elo ratings, and agreement
 * measures. Arrays in, immutable results out; every entry point validates its input and names the reference
 * implementation it matches (scipy.stats, statsmodels, scikit-posthocs).
 */
@NullMarked
package dev.raq.stats;

import org.jspecify.annotations.NullMarked;
