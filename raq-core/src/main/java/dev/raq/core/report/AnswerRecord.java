package dev.raq.core.report;

import dev.raq.core.model.Completion;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * One candidate's answer to one sample as the evaluation saw it: the completion, or the error that prevented one.
 * Exactly one of the two is present.
 *
 * @param candidate  the candidate's name
 * @param completion the completion, or null when the call failed
 * @param error      what went wrong (exception type and message), or null when the call succeeded
 * @param reused     true when the answer was read from the result store instead of calling the model
 */
public record AnswerRecord(String candidate, @Nullable Completion completion, @Nullable String error,
                           boolean reused) {

    /**
     * Validates that exactly one of completion and error is present.
     *
     * @throws IllegalArgumentException if both or neither are present
     */
    public AnswerRecord {
        Objects.requireNonNull(candidate, "candidate");
        if ((completion == null) == (error == null)) {
            throw new IllegalArgumentException("an answer of '" + candidate
                    + "' needs exactly one of completion and error");
        }
    }

    /** A successful answer. */
    public static AnswerRecord answered(String candidate, Completion completion, boolean reused) {
        return new AnswerRecord(candidate, Objects.requireNonNull(completion, "completion"), null, reused);
    }

    /** A failed call, with what went wrong. */
    public static AnswerRecord failed(String candidate, String error) {
        return new AnswerRecord(candidate, null, Objects.requireNonNull(error, "error"), false);
    }

    /** True when the candidate answered. */
    public boolean succeeded() {
        return completion != null;
    }

    /** The completion, if the call succeeded. */
    public Optional<Completion> completionIfPresent() {
        return Optional.ofNullable(completion);
    }
}
