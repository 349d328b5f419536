/**
 * JMH benchmarks of raq-stats' pairwise ratings: the exact Bradley&ndash;Terry fit, its battle bootstrap and online
 * Elo, on seeded synthetic battles between models with latent Elo strengths.
 */
@NullMarked
package dev.raq.benchmarks.ratings;

import org.jspecify.annotations.NullMarked;
