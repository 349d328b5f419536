package dev.raq.core;

import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;
import dev.raq.core.store.ResultStore;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A user's {@link ResultStore} wrapped once, so that it can never break an evaluation: a failed look-up is a miss
 * (the call is made), a failed write is skipped (the result is still reported). The first failure is logged at
 * WARNING with its stack trace, later ones at DEBUG with a count, so a broken store does not drown the log.
 */
final class GuardedResultStore implements ResultStore {

    private static final System.Logger LOG = System.getLogger(Evaluation.class.getName());

    private final ResultStore store;
    private final AtomicInteger failures = new AtomicInteger();

    GuardedResultStore(ResultStore store) {
        this.store = store;
    }

    @Override
    public Optional<Completion> answer(String key) {
        return lookUp("look up an answer; calling the model", () -> store.answer(key));
    }

    @Override
    public void putAnswer(String key, Completion completion) {
        keep("keep an answer", () -> store.putAnswer(key, completion));
    }

    @Override
    public Optional<Judgment> judgment(String key) {
        return lookUp("look up a judgment; judging", () -> store.judgment(key));
    }

    @Override
    public void putJudgment(String key, Judgment judgment) {
        keep("keep a judgment", () -> store.putJudgment(key, judgment));
    }

    /** The store's answer, or empty when it failed (or returned null). */
    private <T> Optional<T> lookUp(String what, Supplier<@Nullable Optional<T>> action) {
        try {
            Optional<T> result = action.get();
            return result == null ? Optional.empty() : result;
        } catch (RuntimeException e) {
            failed(what, e);
            return Optional.empty();
        }
    }

    private void keep(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    private void failed(String what, RuntimeException e) {
        int n = failures.incrementAndGet();
        LOG.log(n == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                "the result store failed to " + what + " (" + n + " failures so far); the evaluation goes on", e);
    }
}
