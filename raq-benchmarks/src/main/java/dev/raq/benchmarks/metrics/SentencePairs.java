package dev.raq.benchmarks.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Real-looking (hypothesis, reference) sentence pairs for metric benchmarks: references are sentences of the
 * SQuAD v1.1 dev sample's contexts (shipped by raq-examples, CC BY-SA 4.0), hypotheses are seeded perturbations of
 * them (word deletion, substitution from the same corpus, adjacent swap, insertion, case change), the kinds of edit
 * the metric golden files use. Deterministic for a given count and seed.
 */
public final class SentencePairs {

    /** Where raq-examples ships the SQuAD sample. */
    static final String SQUAD_RESOURCE = "/data/squad-dev-sample.jsonl";

    /** One hypothesis and its reference. */
    public record Pair(String hypothesis, String reference) {
    }

    private SentencePairs() {
    }

    /** {@code count} pairs drawn with {@code seed}. */
    public static List<Pair> generate(int count, long seed) {
        List<String> sentences = contextSentences();
        List<String> vocabulary = new ArrayList<>();
        for (String s : sentences) {
            vocabulary.addAll(Arrays.asList(s.split(" ")));
        }
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String reference = sentences.get(random.nextInt(sentences.size()));
            pairs.add(new Pair(perturb(reference, vocabulary, random), reference));
        }
        return pairs;
    }

    private static String perturb(String reference, List<String> vocabulary, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(reference.split(" ")));
        int edits = 1 + random.nextInt(Math.max(1, words.size() / 4));
        for (int e = 0; e < edits && words.size() > 1; e++) {
            int at = random.nextInt(words.size());
            switch (random.nextInt(5)) {
                case 0:
                    words.remove(at);
                    break;
                case 1:
                    words.set(at, vocabulary.get(random.nextInt(vocabulary.size())));
                    break;
                case 2:
                    if (at + 1 < words.size()) {
                        String w = words.get(at);
                        words.set(at, words.get(at + 1));
                        words.set(at + 1, w);
                    }
                    break;
                case 3:
                    words.add(at, vocabulary.get(random.nextInt(vocabulary.size())));
                    break;
                default:
                    words.set(at, words.get(at).toUpperCase(java.util.Locale.ROOT));
                    break;
            }
        }
        return String.join(" ", words);
    }

    private static List<String> contextSentences() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> sentences = new ArrayList<>();
        try (InputStream in = SentencePairs.class.getResourceAsStream(SQUAD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SQUAD_RESOURCE + " not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node = mapper.readTree(line);
                for (String s : node.get("context").asText().split("(?<=[.!?])\\s+")) {
                    if (s.split(" ").length >= 5) {
                        sentences.add(s.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
