/**
 * What the evidence costs: building a report (summaries, the default test, paired differences with their
 * bootstraps) and planning a sample size from a pilot run.
 */
@NullMarked
package dev.raq.benchmarks.report;

import org.jspecify.annotations.NullMarked;
