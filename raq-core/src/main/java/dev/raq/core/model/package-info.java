/**
 * The contract between RAQ and a model: a {@link dev.raq.core.model.ChatRequest} in, a
 * {@link dev.raq.core.model.Completion} out, through the one-method {@link dev.raq.core.model.ModelClient}.
 * Failures are {@link dev.raq.core.model.ModelCallException}s, split by whether retrying can help.
 */
@NullMarked
package dev.raq.core.model;

import org.jspecify.annotations.NullMarked;
