package dev.raq.core.model;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * Tokens spent by one call.
 *
 * @param promptTokens     tokens of the request (≥ 0)
 * @param completionTokens tokens of the answer (≥ 0)
 * @param estimated        true when the server reported no usage and the numbers were estimated by the client
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TokenUsage(long promptTokens, long completionTokens, boolean estimated) {

    /** Validates that counts are not negative. */
    public TokenUsage {
        Preconditions.checkArgument(promptTokens >= 0, () -> "promptTokens must be >= 0 but was " + promptTokens);
        Preconditions.checkArgument(completionTokens >= 0, () ->
                "completionTokens must be >= 0 but was " + completionTokens);
    }

    /** Usage as reported by the server. */
    public static TokenUsage reported(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, false);
    }

    /** Usage estimated by the client because the server reported none. */
    public static TokenUsage estimated(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, true);
    }

    /** Prompt plus completion tokens. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
