/**
 * Quality gates where users write tests: {@link dev.raq.test.RaqAssertions#assertThat(dev.raq.core.report.EvaluationReport)}
 * gives AssertJ assertions that state a verdict in one line (direction and significance together) and print the
 * report's relevant table when they fail.
 */
@NullMarked
package dev.raq.test;

import org.jspecify.annotations.NullMarked;
