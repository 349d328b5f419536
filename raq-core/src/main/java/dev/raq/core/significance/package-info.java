/**
 * Significance tests over collected rankings: which candidates differ at the chosen alpha, and which side is
 * better. Dunn's test with Holm adjustment (the RAQ method), Friedman-family tests that use the pairing by
 * question, and paired Wilcoxon or sign tests.
 */
@NullMarked
package dev.raq.core.significance;

import org.jspecify.annotations.NullMarked;
