/**
 * Validation programs: simulations through the real pipeline that show a statistical procedure holds its level
 * before it becomes a default.
 */
@NullMarked
package dev.raq.benchmarks.validation;

import org.jspecify.annotations.NullMarked;
