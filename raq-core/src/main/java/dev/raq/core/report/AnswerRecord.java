package dev.raq.core.report;

import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * One candidate's answer to one sample as the evaluation saw it: the completion, or the error that prevented one.
 * Exactly one of the two is present.
 *
 * @param candidate  the candidate's name
 * @param completion the completion, or null when the call failed
 * @param error      what went wrong (exception type and message, and the endpoint where the client has one), or
 *                   null when the call succeeded
 * @param cause      the class of failure the report counts it under, or null when the call succeeded
 * @param reused     true when the answer was read from the result store instead of calling the model
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AnswerRecord(String candidate, @Nullable Completion completion, @Nullable String error,
                           @Nullable FailureCause cause, boolean reused) {

    /**
     * Validates that exactly one of completion and error is present.
     *
     * @throws IllegalArgumentException if both or neither are present
     */
    public AnswerRecord {
        Objects.requireNonNull(candidate, "candidate");
        if ((completion == null) == (error == null) || (error == null) != (cause == null)) {
            throw new IllegalArgumentException("an answer of '" + candidate
                    + "' needs exactly one of completion and error (with its cause)");
        }
    }

    /** A successful answer. */
    public static AnswerRecord answered(String candidate, Completion completion, boolean reused) {
        return new AnswerRecord(candidate, Objects.requireNonNull(completion, "completion"), null, null, reused);
    }

    /** A failed call, with what went wrong, counted under {@link FailureCause#OTHER}. */
    public static AnswerRecord failed(String candidate, String error) {
        return failed(candidate, error, FailureCause.OTHER);
    }

    /** A failed call, with what went wrong and why. */
    public static AnswerRecord failed(String candidate, String error, FailureCause cause) {
        return new AnswerRecord(candidate, null, Objects.requireNonNull(error, "error"),
                Objects.requireNonNull(cause, "cause"), false);
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
