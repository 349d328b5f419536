/**
 * JMH benchmarks and benchmark programs; never published.
 */
@NullMarked
package dev.raq.benchmarks;

import org.jspecify.annotations.NullMarked;
