/**
 * The {@code raq} command line: {@link dev.raq.examples.cli.RaqCli} computes leaderboards and Nova's pairwise
 * metric set from verdict files some judge already produced, and prints them as JSON. It ships as the runnable
 * {@code raq-examples/target/raq-cli.jar}.
 */
@NullMarked
package dev.raq.examples.cli;

import org.jspecify.annotations.NullMarked;
