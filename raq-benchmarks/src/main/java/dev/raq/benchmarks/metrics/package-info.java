/**
 * JMH benchmarks of the text metrics of {@code dev.raq.metrics} over seeded sentence pairs from real SQuAD
 * contexts ({@link dev.raq.benchmarks.metrics.SentencePairs}). Each benchmark's javadoc holds the command that
 * runs it.
 */
@NullMarked
package dev.raq.benchmarks.metrics;

import org.jspecify.annotations.NullMarked;
