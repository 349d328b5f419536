/**
 * Judges turn the answers of one sample into {@link dev.raq.core.judge.Ranking}s, RAQ's one currency: an
 * independent LLM that ranks all answers, a pairwise preference judge, or a rule-based metric. Every judge call is
 * recorded, with its raw output, as a ranking or as an error, never as a guess.
 */
@NullMarked
package dev.raq.core.judge;

import org.jspecify.annotations.NullMarked;
