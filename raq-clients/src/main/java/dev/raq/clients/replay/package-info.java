/**
 * Record and replay of model calls: {@link dev.raq.clients.replay.RecordingModelClient} writes every answered
 * request to a JSON Lines file, and {@link dev.raq.clients.replay.ReplayingModelClient} answers from it, so a test
 * of model quality runs in CI without a network or a key. Files hold requests and answers only, never credentials.
 */
@NullMarked
package dev.raq.clients.replay;

import org.jspecify.annotations.NullMarked;
