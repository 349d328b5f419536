package dev.raq.clients;

import org.apiguardian.api.API;

/**
 * How an OpenAI-compatible client asks for a reply in a {@link dev.raq.core.model.ReplySchema}. In every mode the
 * completion's text is the JSON reply (or whatever the model wrote when it did not comply); a text reply that is one
 * Markdown code fence is unwrapped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StructuredReplyMode {
    /**
     * {@code response_format: {type: json_schema}}: the server constrains decoding to the schema. Supported by
     * OpenAI, NIM, vLLM, LM Studio, Ollama (0.5 and later) and llama.cpp server; TGI uses another shape, so use
     * {@link #TOOL_CALL} or {@link #PROMPT} there.
     */
    JSON_SCHEMA,
    /**
     * A forced tool (function) call named after the schema, whose arguments follow it (the RAQ study's
     * {@code return_rank} tool); the completion's text is the call's arguments JSON.
     */
    TOOL_CALL,
    /**
     * Plain text: the schema is appended to the last user message as instructions, for servers with neither
     * feature.
     */
    PROMPT
}
