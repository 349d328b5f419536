package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import dev.raq.core.model.FailureCause;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a judge on one sample, as it happened: the order in which the candidates were shown, the judge's raw
 * output, and either the ranking read from it or the error that prevented one. Never both, never neither.
 *
 * <p>{@code attributes} carries judge-specific facts that statistics may use, such as a pairwise verdict label
 * ({@code "A>>B"}) or whether the answers were shown swapped. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JudgeCall {

    /** Raw outputs a judge records are cut to this many characters ({@link #truncate}). */
    public static final int MAX_OUTPUT_CHARS = 4000;

    private final List<String> shownOrder;
    private final @Nullable String output;
    private final @Nullable Ranking ranking;
    private final @Nullable String error;
    private final @Nullable FailureCause cause;
    private final Map<String, String> attributes;

    private JudgeCall(List<String> shownOrder, @Nullable String output, @Nullable Ranking ranking,
                      @Nullable String error, @Nullable FailureCause cause, Map<String, String> attributes) {
        this.shownOrder = List.copyOf(Objects.requireNonNull(shownOrder, "shownOrder"));
        this.output = output;
        this.ranking = ranking;
        this.error = error;
        this.cause = cause;
        this.attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /**
     * A call that produced a ranking.
     *
     * @param shownOrder the candidates in the order the judge saw them (empty for judges with no order)
     * @param output     the judge's raw output, or null for judges that have none (metrics)
     * @param ranking    the ranking read from the output
     * @param attributes judge-specific facts (may be empty)
     */
    public static JudgeCall ranked(List<String> shownOrder, @Nullable String output, Ranking ranking,
                                   Map<String, String> attributes) {
        return new JudgeCall(shownOrder, output, Objects.requireNonNull(ranking, "ranking"), null, null, attributes);
    }

    /**
     * A call that failed: the judge model failed, or its output could not be read as a valid verdict.
     *
     * @param shownOrder the candidates in the order the judge saw them
     * @param output     the judge's raw output when there was one (kept for drill-down), or null
     * @param error      what went wrong, for a user; not blank
     * @param attributes judge-specific facts (may be empty)
     */
    public static JudgeCall failed(List<String> shownOrder, @Nullable String output, String error,
                                   Map<String, String> attributes) {
        return failed(shownOrder, output, error, FailureCause.OTHER, attributes);
    }

    /**
     * A call that failed for a known cause.
     *
     * @param shownOrder the candidates in the order the judge saw them
     * @param output     the judge's raw output when there was one (kept for drill-down), or null
     * @param error      what went wrong, for a user; not blank
     * @param cause      the class of failure the report counts it under
     * @param attributes judge-specific facts (may be empty)
     */
    public static JudgeCall failed(List<String> shownOrder, @Nullable String output, String error,
                                   FailureCause cause, Map<String, String> attributes) {
        Objects.requireNonNull(error, "error");
        Preconditions.checkArgument(!error.isBlank(), "error must not be blank");
        return new JudgeCall(shownOrder, output, null, error, Objects.requireNonNull(cause, "cause"), attributes);
    }

    /**
     * A judge's raw output cut to {@value #MAX_OUTPUT_CHARS} characters for the record, never inside a surrogate pair
     * (an emoji cut in half would be a lone surrogate that no UTF-8 writer can encode), with a note of how many
     * characters were cut.
     *
     * @return the output, or its cut, or null for null
     */
    public static @Nullable String truncate(@Nullable String output) {
        if (output == null || output.length() <= MAX_OUTPUT_CHARS) {
            return output;
        }
        int end = Character.isHighSurrogate(output.charAt(MAX_OUTPUT_CHARS - 1)) ? MAX_OUTPUT_CHARS - 1
                : MAX_OUTPUT_CHARS;
        return output.substring(0, end) + "…[truncated " + (output.length() - end) + " chars]";
    }

    /** The candidates in the order the judge saw them. */
    public List<String> shownOrder() {
        return shownOrder;
    }

    /** The judge's raw output, if there was one. */
    public Optional<String> output() {
        return Optional.ofNullable(output);
    }

    /** The ranking, if the call succeeded. */
    public Optional<Ranking> ranking() {
        return Optional.ofNullable(ranking);
    }

    /** The error, if the call failed. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Why the call failed, if it did. */
    public Optional<FailureCause> cause() {
        return Optional.ofNullable(cause);
    }

    /** True when the call produced a ranking. */
    public boolean succeeded() {
        return ranking != null;
    }

    /** Judge-specific facts, such as a verdict label. */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JudgeCall)) {
            return false;
        }
        JudgeCall c = (JudgeCall) o;
        return shownOrder.equals(c.shownOrder) && Objects.equals(output, c.output)
                && Objects.equals(ranking, c.ranking) && Objects.equals(error, c.error) && cause == c.cause
                && attributes.equals(c.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shownOrder, output, ranking, error, cause, attributes);
    }

    @Override
    public String toString() {
        return ranking != null ? "JudgeCall{" + ranking + (attributes.isEmpty() ? "" : ", " + attributes) + "}"
                : "JudgeCall{error='" + error + "'}";
    }
}
