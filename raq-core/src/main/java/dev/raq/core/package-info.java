/**
 * The RAQ vocabulary and entry points: samples and datasets, candidates and their model clients, judges that
 * turn answers into rankings, significance tests over those rankings, and the evaluation that ties them together.
 */
@NullMarked
package dev.raq.core;

import org.jspecify.annotations.NullMarked;
