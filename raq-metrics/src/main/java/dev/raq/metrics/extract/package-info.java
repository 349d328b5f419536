/**
 * Reading a final answer out of a model's free text for objective benchmarks: a multiple-choice letter, a GSM8K-style
 * final number, a regular expression's match, each composable with normalizers and fallbacks
 * ({@link dev.raq.metrics.extract.AnswerExtractor}).
 */
@NullMarked
package dev.raq.metrics.extract;

import org.jspecify.annotations.NullMarked;
