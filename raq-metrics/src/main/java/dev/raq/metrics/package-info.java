/**
 * Text metrics that score an answer against reference answers, exact to the tools reviewers check them with:
 * BLEU, chrF and TER as sacreBLEU computes them, ROUGE as Google's rouge-score does, SQuAD exact match and F1 as the
 * official v1.1 script does, and edit-distance rates. {@link dev.raq.metrics.Scorers} gives each as an
 * {@link dev.raq.metrics.AnswerScorer}, so that a rule-based judge can rank candidates by it. Depends on nothing.
 */
@NullMarked
package dev.raq.metrics;

import org.jspecify.annotations.NullMarked;
