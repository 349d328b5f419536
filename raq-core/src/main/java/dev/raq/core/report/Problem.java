package dev.raq.core.report;

import dev.raq.core.model.FailureCause;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The failures of one candidate or one judge over a run, counted by cause, with the first few distinct messages:
 * what a report shows first, so that failures cannot hide behind averages.
 *
 * @param who      {@code "candidate 'name'"} or {@code "judge 'name'"}
 * @param calls    the calls made (a candidate's answers, or a judge's calls)
 * @param failed   the calls that failed (≥ 1)
 * @param byCause  cause → failed calls, most frequent first
 * @param messages up to {@value #MAX_MESSAGES} distinct messages, in the order they occurred
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Problem(String who, int calls, int failed, Map<FailureCause, Integer> byCause, List<String> messages) {

    /** Distinct messages kept per problem. */
    public static final int MAX_MESSAGES = 3;

    /** Validates and copies (keeping the order of {@code byCause}). */
    public Problem {
        Objects.requireNonNull(who, "who");
        if (failed < 1 || failed > calls) {
            throw new IllegalArgumentException("failed must be in [1, calls] but was " + failed + " of " + calls);
        }
        byCause = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCause));
        messages = List.copyOf(messages);
    }

    /** One line: {@code judge 'j': 20 of 30 calls failed (unusable reply 12, timeout 8); first: …}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(who).append(": ").append(failed).append(" of ").append(calls)
                .append(" calls failed (");
        String sep = "";
        for (Map.Entry<FailureCause, Integer> e : byCause.entrySet()) {
            sb.append(sep).append(e.getKey().label()).append(' ').append(e.getValue());
            sep = ", ";
        }
        sb.append(')');
        if (!messages.isEmpty()) {
            sb.append("; first: ").append(String.join(" | ", messages));
        }
        return sb.toString();
    }
}
