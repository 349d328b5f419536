package dev.raq.core.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the official SQuAD JSON layout ({@code data[].paragraphs[].qas[]}) into samples. */
final class SquadReader {

    private SquadReader() {
    }

    static List<Sample> read(String file, JsonNode root) {
        JsonNode data = array(file, root, "data", "data");
        List<Sample> samples = new ArrayList<>();
        Map<String, String> pathOfId = new HashMap<>();
        for (int a = 0; a < data.size(); a++) {
            JsonNode article = data.get(a);
            String articlePath = "data[" + a + "]";
            JsonNode titleNode = article.get("title");
            Map<String, String> metadata = titleNode != null && titleNode.isTextual()
                    ? Map.of("title", titleNode.textValue()) : Map.of();
            JsonNode paragraphs = array(file, article, "paragraphs", articlePath + ".paragraphs");
            for (int p = 0; p < paragraphs.size(); p++) {
                JsonNode paragraph = paragraphs.get(p);
                String paragraphPath = articlePath + ".paragraphs[" + p + "]";
                String context = text(file, paragraph, "context", paragraphPath + ".context");
                JsonNode qas = array(file, paragraph, "qas", paragraphPath + ".qas");
                for (int q = 0; q < qas.size(); q++) {
                    JsonNode qa = qas.get(q);
                    String qaPath = paragraphPath + ".qas[" + q + "]";
                    String id = text(file, qa, "id", qaPath + ".id");
                    String question = text(file, qa, "question", qaPath + ".question");
                    JsonNode answers = qa.has("answers") ? array(file, qa, "answers", qaPath + ".answers")
                            : null;
                    List<String> references = new ArrayList<>();
                    for (int r = 0; answers != null && r < answers.size(); r++) {
                        references.add(text(file, answers.get(r), "text", qaPath + ".answers[" + r + "].text"));
                    }
                    String first = pathOfId.putIfAbsent(id, qaPath);
                    if (first != null) {
                        throw new DatasetFormatException(file, 0, "duplicate sample id '" + id + "' at " + qaPath
                                + " (first used at " + first + ")");
                    }
                    samples.add(new Sample(id, question, context, references, metadata));
                }
            }
        }
        return List.copyOf(samples);
    }

    private static JsonNode array(String file, JsonNode parent, String field, String path) {
        JsonNode node = child(file, parent, field, path);
        if (!node.isArray()) {
            throw new DatasetFormatException(file, 0, "field '" + path + "' must be an array but was "
                    + RecordReader.describe(node));
        }
        return node;
    }

    private static String text(String file, JsonNode parent, String field, String path) {
        JsonNode node = child(file, parent, field, path);
        if (!node.isTextual()) {
            throw new DatasetFormatException(file, 0, "field '" + path + "' must be a string but was "
                    + RecordReader.describe(node));
        }
        return node.textValue();
    }

    private static JsonNode child(String file, JsonNode parent, String field, String path) {
        if (!parent.isObject()) {
            throw new DatasetFormatException(file, 0, "expected an object with field '" + path + "' but found "
                    + RecordReader.describe(parent));
        }
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new DatasetFormatException(file, 0, "missing field '" + path + "'");
        }
        return node;
    }
}
