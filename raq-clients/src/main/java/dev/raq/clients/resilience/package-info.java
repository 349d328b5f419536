/**
 * Decorators that make any {@link dev.raq.core.model.ModelClient} resilient (retry with backoff, rate limits,
 * adaptive concurrency limits), whether it is an HTTP client of this module or a lambda. Start at
 * {@link dev.raq.clients.ModelClients}; time and randomness are injected so tests need no sleeping.
 */
@NullMarked
package dev.raq.clients.resilience;

import org.jspecify.annotations.NullMarked;
