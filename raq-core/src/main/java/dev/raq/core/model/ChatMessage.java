package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One message of a chat: who speaks, and what they say.
 *
 * @param role    the speaker
 * @param content the text, verbatim (may be empty, never null)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatMessage(Role role, String content) {

    /** Who speaks a message. */
    public enum Role {
        /** Instructions that frame the conversation. */
        SYSTEM,
        /** The user's turn: the question or the judge prompt. */
        USER,
        /** The model's earlier turn. */
        ASSISTANT
    }

    /** Validates that neither component is null. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    /** An assistant message. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }

    @Override
    public String toString() {
        String shown = content.length() > 80 ? content.substring(0, 77) + "..." : content;
        return role.name().toLowerCase(java.util.Locale.ROOT) + ": " + shown;
    }
}
