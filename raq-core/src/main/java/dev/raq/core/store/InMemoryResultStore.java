package dev.raq.core.store;

import dev.raq.core.judge.Judgment;
import dev.raq.core.model.Completion;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A result store in two concurrent maps. */
final class InMemoryResultStore implements ResultStore {

    private final Map<String, Completion> answers = new ConcurrentHashMap<>();
    private final Map<String, Judgment> judgments = new ConcurrentHashMap<>();

    @Override
    public Optional<Completion> answer(String key) {
        return Optional.ofNullable(answers.get(key));
    }

    @Override
    public void putAnswer(String key, Completion completion) {
        answers.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(completion, "completion"));
    }

    @Override
    public Optional<Judgment> judgment(String key) {
        return Optional.ofNullable(judgments.get(key));
    }

    @Override
    public void putJudgment(String key, Judgment judgment) {
        judgments.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(judgment, "judgment"));
    }

    @Override
    public String toString() {
        return "ResultStore.inMemory{" + answers.size() + " answers, " + judgments.size() + " judgments}";
    }
}
