/**
 * JMH benchmarks of the rank tests in raq-stats (Kruskal–Wallis, Dunn, Friedman, Nemenyi) on seeded inputs of
 * RAQ-like and continuous data.
 */
@NullMarked
package dev.raq.benchmarks.stats;

import org.jspecify.annotations.NullMarked;
