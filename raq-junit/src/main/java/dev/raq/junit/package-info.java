/**
 * JUnit 5 extensions for evaluation tests: {@link dev.raq.junit.RecordReplay} records a test's model calls when its
 * key is present and replays them otherwise, so the test runs in CI without a key or a network;
 * {@link dev.raq.junit.PassesAtLeast} runs a test several times and passes when enough runs pass.
 */
@NullMarked
package dev.raq.junit;

import org.jspecify.annotations.NullMarked;
