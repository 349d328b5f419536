package dev.raq.core.synthetic;

import org.apiguardian.api.API;

/**
 * A generated pair (or a whole reply) that did not become a sample, and why.
 *
 * @param source   the passage id, or {@code "seeds"} for a batch generated from seeds
 * @param question the generated question, or the start of an unusable reply
 * @param reason   why it was left out, such as {@code "the answer does not occur in the passage"}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Rejection(String source, String question, String reason) {
}
