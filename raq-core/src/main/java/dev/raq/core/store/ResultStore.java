package dev.raq.core.store;

import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;
import org.apiguardian.api.API;

import java.util.Optional;

/**
 * Keeps the answers and judgments of evaluations under keys that identify what determines them (see
 * {@link StoreKeys}), so that an evaluation run again with the same store reuses every finished result instead of
 * calling the model or judge again.
 *
 * <p>Only successful answers and judgments with at least one ranking are stored: a failed call is tried again on the
 * next run. Implementations are thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ResultStore {

    /**
     * The answer stored under a key.
     *
     * @param key an answer key from {@link StoreKeys#answer}
     * @return the stored completion, or empty
     */
    Optional<Completion> answer(String key);

    /**
     * Stores an answer; a later {@link #answer(String)} with the same key returns it.
     *
     * @param key        an answer key from {@link StoreKeys#answer}
     * @param completion the completion
     */
    void putAnswer(String key, Completion completion);

    /**
     * The judgment stored under a key.
     *
     * @param key a judgment key from {@link StoreKeys#judgment}
     * @return the stored judgment, or empty
     */
    Optional<Judgment> judgment(String key);

    /**
     * Stores a judgment; a later {@link #judgment(String)} with the same key returns it.
     *
     * @param key      a judgment key from {@link StoreKeys#judgment}
     * @param judgment the judgment
     */
    void putJudgment(String key, Judgment judgment);

    /**
     * A store that keeps nothing: every run calls every model and judge again. The default of an evaluation that
     * streams its results to a file, whose memory must not grow with the samples.
     */
    static ResultStore none() {
        return NoResultStore.INSTANCE;
    }

    /** A new, empty store in memory: results are reused within the process (the default of an evaluation). */
    static ResultStore inMemory() {
        return new InMemoryResultStore();
    }
}
