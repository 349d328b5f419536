package dev.raq.clients;

import dev.raq.core.model.ReplySchema;

/** Text shared by the providers for replies requested in the prompt. */
final class Prompts {

    private Prompts() {
    }

    /** The instructions appended to the last user message when a schema is asked for in plain text. */
    static String schemaInstructions(ReplySchema schema) {
        return "\n\nReply with a single JSON object and nothing else (no prose, no code fence). "
                + "It is '" + schema.name() + "': " + schema.description()
                + "\nIt must match this JSON Schema:\n" + schema.jsonSchema();
    }

    /** The text inside a Markdown code fence when the whole reply is one fenced block; otherwise the reply. */
    static String unfence(String text) {
        String t = text.strip();
        if (!t.startsWith("```") || !t.endsWith("```") || t.length() < 6) {
            return text;
        }
        int firstLineEnd = t.indexOf('\n');
        if (firstLineEnd < 0) {
            return text;
        }
        return t.substring(firstLineEnd + 1, t.length() - 3).strip();
    }
}
