package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * What a judge sees of one candidate's answer: the candidate's name and the answer text, verbatim.
 *
 * @param candidate the candidate's name (never shown to an LLM judge, which sees anonymous ids)
 * @param text      the answer, verbatim (may be empty)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CandidateAnswer(String candidate, String text) {

    /** Validates that neither component is null and the name is not blank. */
    public CandidateAnswer {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(text, "text");
        Preconditions.checkArgument(!candidate.isBlank(), "candidate must not be blank");
    }
}
