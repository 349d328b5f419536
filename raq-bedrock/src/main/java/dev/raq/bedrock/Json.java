package dev.raq.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.model.ReplySchema;
import software.amazon.awssdk.core.document.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson trees to and from the SDK's {@link Document}s, and the JSON helpers both clients share. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The schema of a reply schema as a tree; rejects a schema that is not a JSON object. */
    static JsonNode schema(ReplySchema s) {
        try {
            JsonNode node = MAPPER.readTree(s.jsonSchema());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the JSON schema of reply schema '" + s.name()
                        + "' must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the JSON schema of reply schema '" + s.name() + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A JSON tree as an SDK document. */
    static Document toDocument(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                map.put(f.getKey(), toDocument(f.getValue()));
            }
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        return Document.fromString(node.asText());
    }

    /** An SDK document as a JSON tree. */
    static JsonNode toJson(Document doc) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (doc.isMap()) {
            ObjectNode o = f.objectNode();
            doc.asMap().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (doc.isList()) {
            ArrayNode a = f.arrayNode();
            doc.asList().forEach(v -> a.add(toJson(v)));
            return a;
        }
        if (doc.isBoolean()) {
            return f.booleanNode(doc.asBoolean());
        }
        if (doc.isNumber()) {
            BigDecimal d = doc.asNumber().bigDecimalValue();
            return d.scale() <= 0 && d.precision() - d.scale() <= 18 ? f.numberNode(d.longValueExact()) : f.numberNode(d);
        }
        if (doc.isString()) {
            return f.textNode(doc.asString());
        }
        return f.nullNode();
    }

    /** A partial JSON text (streamed tool input) normalized to compact JSON, or as it is when it does not parse. */
    static String normalize(String json) {
        String s = json.strip();
        if (s.isEmpty()) {
            return "{}";
        }
        try {
            return MAPPER.readTree(s).toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
