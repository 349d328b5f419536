package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reads the sentence ({@code input.hypothesis}) or corpus ({@code input.hypotheses}) input of a sacreBLEU case. */
final class SacrebleuGoldenCase {

    private SacrebleuGoldenCase() {
    }

    /** Runs {@code sentence} or {@code corpus} on the case's input, whichever kind the case is. */
    static <R> R run(JsonNode c, BiFunction<String, List<String>, R> sentence,
                     BiFunction<List<String>, List<List<@Nullable String>>, R> corpus) {
        JsonNode input = c.get("input");
        if (input.has("hypothesis")) {
            return sentence.apply(input.get("hypothesis").asText(), strings(input.get("references")));
        }
        List<List<@Nullable String>> streams = new ArrayList<>();
        for (JsonNode stream : input.get("references")) {
            streams.add(strings(stream));
        }
        return corpus.apply(strings(input.get("hypotheses")), streams);
    }

    private static List<@Nullable String> strings(JsonNode array) {
        List<@Nullable String> out = new ArrayList<>(array.size());
        for (JsonNode s : array) {
            out.add(s.isNull() ? null : s.asText());
        }
        return out;
    }
}
