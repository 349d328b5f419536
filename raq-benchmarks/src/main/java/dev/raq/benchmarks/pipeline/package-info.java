/**
 * Benchmark programs for the evaluation pipeline: throughput against in-process clients with a fixed latency, and
 * the heap a run keeps.
 */
@NullMarked
package dev.raq.benchmarks.pipeline;

import org.jspecify.annotations.NullMarked;
