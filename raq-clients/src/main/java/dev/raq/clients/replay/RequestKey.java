package dev.raq.clients.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * The stable identity of a request to a model: a canonical JSON form of the model id, the messages, the options
 * that are set and the reply schema (with its JSON normalized: keys sorted, whitespace dropped), and the SHA-256 of
 * that form. Two requests that mean the same thing get the same key in every JVM; nothing about the transport
 * (URL, headers, keys) is part of it.
 *
 * @param hash      the SHA-256 of {@code canonical}, as 64 lowercase hex digits
 * @param canonical the canonical JSON form
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RequestKey(String hash, String canonical) {

    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    /** Validates that both components are present. */
    public RequestKey {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(canonical, "canonical");
    }

    /**
     * The key of {@code request} sent to {@code model}.
     *
     * @param model   the model id (the empty string when the client reports none)
     * @param request the request
     * @return its key
     * @throws IllegalArgumentException when the request's reply schema is not valid JSON
     */
    public static RequestKey of(String model, ChatRequest request) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(request, "request");
        String canonical = canonicalJson(model, request).toString();
        return new RequestKey(Fingerprint.sha256(canonical), canonical);
    }

    static ObjectNode canonicalJson(String model, ChatRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        GenerationOptions o = request.options();
        ObjectNode options = root.putObject("options");
        o.frequencyPenalty().ifPresent(v -> options.put("frequencyPenalty", v));
        o.maxTokens().ifPresent(v -> options.put("maxTokens", v));
        o.presencePenalty().ifPresent(v -> options.put("presencePenalty", v));
        o.seed().ifPresent(v -> options.put("seed", v));
        o.topLogprobs().ifPresent(v -> options.put("topLogprobs", v));
        o.minTokens().ifPresent(v -> options.put("minTokens", v));
        o.ignoreEos().ifPresent(v -> options.put("ignoreEos", v));
        if (!o.stop().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            o.stop().forEach(stop::add);
        }
        o.temperature().ifPresent(v -> options.put("temperature", v));
        o.topP().ifPresent(v -> options.put("topP", v));
        request.replySchema().ifPresent(s -> {
            ObjectNode schema = root.putObject("replySchema");
            schema.put("name", s.name()).put("description", s.description());
            try {
                JsonNode parsed = JSON.readTree(s.jsonSchema());
                // re-read through a map so that object keys come out sorted
                schema.set("schema", JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(parsed, Object.class))));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("replySchema '" + s.name() + "' is not valid JSON", e);
            }
        });
        return root;
    }

    /** The first 12 hex digits, enough to tell keys apart in a message. */
    public String shortHash() {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
