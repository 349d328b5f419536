package dev.raq.langchain4j;

import org.apiguardian.api.API;

/**
 * How a {@link LangChain4jClients LangChain4j-backed client} asks the model for a reply in a
 * {@link dev.raq.core.model.ReplySchema}. In every mode the completion's text is the JSON reply (or whatever the model
 * wrote when it did not comply); a text reply that is one Markdown code fence is unwrapped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum ReplySchemaMode {
    /**
     * A LangChain4j {@code ResponseFormat} of type JSON whose schema is the reply schema's JSON text (a
     * {@code JsonRawSchema}): OpenAI-compatible models send it as {@code response_format: {type: json_schema}}. The
     * default.
     */
    RESPONSE_FORMAT,
    /**
     * One tool named after the schema, whose parameters are the schema (which must be a JSON object schema), with
     * the tool choice {@code REQUIRED}; the completion's text is the arguments of the call. For models whose
     * LangChain4j module supports tools but not a JSON schema response format.
     */
    TOOL_CALL,
    /** Plain text: the schema is appended to the last user message as instructions, for models with neither. */
    PROMPT
}
