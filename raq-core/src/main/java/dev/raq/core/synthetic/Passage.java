package dev.raq.core.synthetic;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * A text that generated questions are grounded in: a document, a section of one, or an existing sample's context.
 *
 * @param id   names the passage in the generated samples' provenance
 * @param text the text; not blank
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Passage(String id, String text) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the id or the text is blank
     */
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Preconditions.checkArgument(!id.isBlank(), "a passage's id must not be blank");
        Preconditions.checkArgument(!text.isBlank(), () -> "passage '" + id + "' is blank");
    }
}
