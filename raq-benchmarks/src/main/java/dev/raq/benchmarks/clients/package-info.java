/**
 * Benchmark programs for the HTTP model clients of {@code raq-clients}: throughput and client CPU cost against a
 * loopback server with a fixed answer delay. Each class's javadoc holds the command that runs it.
 */
@NullMarked
package dev.raq.benchmarks.clients;

import org.jspecify.annotations.NullMarked;
