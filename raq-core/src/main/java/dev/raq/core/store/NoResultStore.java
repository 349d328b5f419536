package dev.raq.core.store;

import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;

import java.util.Objects;
import java.util.Optional;

/** The store that keeps nothing ({@link ResultStore#none()}). */
enum NoResultStore implements ResultStore {
    INSTANCE;

    @Override
    public Optional<Completion> answer(String key) {
        return Optional.empty();
    }

    @Override
    public void putAnswer(String key, Completion completion) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(completion, "completion");
    }

    @Override
    public Optional<Judgment> judgment(String key) {
        return Optional.empty();
    }

    @Override
    public void putJudgment(String key, Judgment judgment) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(judgment, "judgment");
    }

    @Override
    public String toString() {
        return "ResultStore.none()";
    }
}
