/**
 * Pairwise judging examples: {@link dev.raq.examples.pairwise.NovaPairwiseExample} judges a file in Amazon Nova's
 * pairwise format with {@link dev.raq.core.pairwise.PairwiseJudge} and prints Nova's metric set and the judge's
 * position bias, offline by replaying recorded verdicts or live against an OpenAI-compatible server.
 */
@NullMarked
package dev.raq.examples.pairwise;

import org.jspecify.annotations.NullMarked;
