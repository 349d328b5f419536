/**
 * Where an evaluation keeps its answers and judgments as they complete, keyed by the content that determines them,
 * so that a run interrupted at any point resumes without repeating a finished call, and a test can replay recorded
 * calls: {@link dev.raq.core.store.ResultStore#inMemory()} or a {@link dev.raq.core.store.JsonlResultStore} file.
 */
@NullMarked
package dev.raq.core.store;

import org.jspecify.annotations.NullMarked;
