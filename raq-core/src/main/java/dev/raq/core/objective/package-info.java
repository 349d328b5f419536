/**
 * Objective benchmarks: answers with one right answer, read out of free text ({@code dev.raq.metrics.extract}) and
 * scored right or wrong ({@link dev.raq.core.objective.ExtractionJudge}), reported as accuracy with Wilson intervals,
 * per subset and weighted across subsets ({@link dev.raq.core.objective.AccuracySection}); multiple-choice prompts
 * ({@link dev.raq.core.objective.MultipleChoice}); and pass@k with a verifier
 * ({@link dev.raq.core.objective.PassAtKEvaluation}).
 */
@NullMarked
package dev.raq.core.objective;

import org.jspecify.annotations.NullMarked;
