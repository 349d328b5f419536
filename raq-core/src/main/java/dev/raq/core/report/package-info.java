/**
 * What an evaluation concludes: per candidate mean and median rank, wins, ties and losses, answer length, speed,
 * token usage and cost; per judge the same rankings summary; the significance verdicts; and every sample's answers
 * and judgments for drill-down. Written as versioned JSON ({@code raq-report/2}) or Markdown.
 */
@NullMarked
package dev.raq.core.report;

import org.jspecify.annotations.NullMarked;
