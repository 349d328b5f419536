package dev.raq.core.model;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The shape a caller wants a reply in, as a JSON Schema, for judges that need machine-readable answers.
 *
 * <p>A client decides how to ask for it: a {@code response_format} JSON schema where the server supports one, a
 * tool (function) call whose arguments follow the schema, or plain text with the schema described in the prompt.
 * Whatever it chooses, the completion's text is the JSON reply (or the model's text when it did not comply); the
 * caller still validates it.
 *
 * @param name        a short identifier, such as {@code return_rank} ({@code [A-Za-z0-9_-]{1,64}})
 * @param description what the reply means, shown to the model
 * @param jsonSchema  the JSON Schema of the reply, as JSON text
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReplySchema(String name, String description, String jsonSchema) {

    /** Validates the components. */
    public ReplySchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("name must match [A-Za-z0-9_-]{1,64} but was '" + name + "'");
        }
        Preconditions.checkArgument(!jsonSchema.isBlank(), "jsonSchema must not be blank");
    }

    /**
     * The instructions a client appends to the last user message when it asks for this schema in plain text (the
     * server enforces none): one JSON object, no prose and no code fence, this schema's name, description and JSON
     * Schema.
     */
    public String promptInstructions() {
        return "\n\nReply with a single JSON object and nothing else (no prose, no code fence). "
                + "It is '" + name + "': " + description
                + "\nIt must match this JSON Schema:\n" + jsonSchema;
    }

    /**
     * The text inside a Markdown code fence when the whole reply is one fenced block (models often fence JSON asked
     * for in plain text); otherwise the reply as it is.
     */
    public static String unfenced(String reply) {
        String t = reply.strip();
        if (!t.startsWith("```") || !t.endsWith("```") || t.length() < 6) {
            return reply;
        }
        int firstLineEnd = t.indexOf('\n');
        if (firstLineEnd < 0) {
            return reply;
        }
        return t.substring(firstLineEnd + 1, t.length() - 3).strip();
    }
}
