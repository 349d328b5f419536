package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * Where the first non-blank character after the last {@code opener} stands in the tokens' joined text: the
     * token holding it and its offset in that token (the position of a label such as the {@code 8} in
     * {@code [[8]]}), or empty when the opener does not occur or nothing but white space follows it. A judge reads
     * the alternatives of that token to weigh its own label.
     */
    public static Optional<Position> afterLast(List<TokenLogprob> tokens, String opener) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = text.length();
            text.append(tokens.get(i).token());
        }
        int at = text.lastIndexOf(opener);
        if (at < 0) {
            return Optional.empty();
        }
        at += opener.length();
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] <= at && at < starts[i] + tokens.get(i).token().length()) {
                return Optional.of(new Position(i, at - starts[i]));
            }
        }
        return Optional.empty();
    }

    /**
     * A character's place among generated tokens.
     *
     * @param token  the index of the token that holds it
     * @param offset its offset in that token's text
     */
    public record Position(int token, int offset) {
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
