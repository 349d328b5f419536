/**
 * Quality gates: checks on an evaluation report that pass or fail with a one-line reason — a candidate
 * significantly better than another, few enough errors, a high enough mean score or win rate. The command line's
 * {@code gates:} and raq-test's assertions both use them.
 */
@NullMarked
package dev.raq.core.gate;

import org.jspecify.annotations.NullMarked;
