/**
 * Pairwise preference judging: a judge sees two answers and prefers one or calls a tie, as in Nova
 * LLM-as-a-Judge, MT-bench and Arena-Hard. A verdict is a {@link dev.raq.core.judge.Ranking} over two candidates,
 * so it flows through the same pipeline; this package adds the verdict labels, the judge, position-bias handling,
 * Nova's metric set and Arena-Hard-style leaderboards.
 */
@NullMarked
package dev.raq.core.pairwise;

import org.jspecify.annotations.NullMarked;
