/**
 * What an evaluation runs on: {@link dev.raq.core.data.Sample}s (a question, optional context, reference answers)
 * and the datasets and prompt templates that produce them.
 */
@NullMarked
package dev.raq.core.data;

import org.jspecify.annotations.NullMarked;
