/**
 * Serving performance: a load test of any streaming {@link dev.raq.core.model.ModelClient}
 * ({@link dev.raq.core.perf.LoadTest}) in closed loop (N concurrent users) or open loop (Poisson arrivals), with the
 * metrics EvalScope and vLLM's {@code benchmark_serving} report (TTFT, TPOT, ITL, throughput, goodput), concurrency
 * sweeps and an SLA search. Definitions are written in {@code docs/load-test.md}.
 */
@NullMarked
package dev.raq.core.perf;

import org.jspecify.annotations.NullMarked;
