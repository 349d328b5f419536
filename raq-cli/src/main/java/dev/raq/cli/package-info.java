/**
 * The {@code raq} command line: {@code raq run eval.yaml} runs an evaluation described in a YAML or JSON file and
 * checks its quality gates (exit 0 all pass, 1 a gate failed, 2 a usage or configuration error, 3 the run could not
 * complete); {@code raq plan} plans sample sizes from a pilot report; {@code raq leaderboard} and
 * {@code raq pairwise} read verdict files. Built on picocli.
 */
@NullMarked
package dev.raq.cli;

import org.jspecify.annotations.NullMarked;
