package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.List;

/**
 * Scores one answer against the reference answers of its sample; higher is better.
 *
 * <p>This is what a rule-based judge needs from a metric: given the answers of all candidates to a sample, it scores
 * each one and ranks them by score (ties averaged). Implementations are stateless and thread-safe. Metrics where
 * lower is better (TER, WER) expose a scorer that negates or inverts them, and say so.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface AnswerScorer {

    /**
     * Scores {@code answer} against {@code references}.
     *
     * @param answer     the candidate's answer, verbatim (may be empty)
     * @param references the sample's reference answers; most metrics need at least one
     * @return the score, higher is better; never NaN
     * @throws IllegalArgumentException when the metric needs references and there are none
     */
    double score(String answer, List<String> references);

    /** A short name for reports, such as {@code "squad-f1"}; the default is the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
