package dev.raq.springai;

import org.apiguardian.api.API;

/**
 * How a {@link SpringAiClients Spring AI-backed client} asks the model for a reply in a
 * {@link dev.raq.core.model.ReplySchema}. In every mode the completion's text is the JSON reply (or whatever the model
 * wrote when it did not comply); a text reply that is one Markdown code fence is unwrapped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum ReplySchemaMode {
    /**
     * Spring AI's portable {@code StructuredOutputChatOptions#setOutputSchema} on a copy of the model's own option
     * type (OpenAI sends {@code response_format: {type: json_schema}}); falls back to {@link #PROMPT} for a model
     * whose options do not support it. The default.
     */
    OUTPUT_SCHEMA,
    /** Plain text: the schema is appended to the last user message as instructions. */
    PROMPT
}
