package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * One generated token with its log-probability and the most likely alternatives the server returned at that
 * position (OpenAI's {@code logprobs.content[]}), for probability-weighted grades and preferences.
 *
 * @param token        the token's text
 * @param logprob      its natural-log probability (≤ 0)
 * @param alternatives the most likely tokens at this position with their log-probabilities, most likely first
 *                     (may include the token itself; empty when none were asked for)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record TokenLogprob(String token, double logprob, List<Alternative> alternatives) {

    /** Copies the alternatives. */
    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        alternatives = List.copyOf(alternatives);
    }

    /**
     * One alternative token at a position.
     *
     * @param token   its text
     * @param logprob its natural-log probability
     */
    public record Alternative(String token, double logprob) {
        /** Checks the token. */
        public Alternative {
            Objects.requireNonNull(token, "token");
        }
    }
}
