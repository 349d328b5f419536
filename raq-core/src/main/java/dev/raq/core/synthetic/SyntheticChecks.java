package dev.raq.core.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule checks of generated pairs, in any script: text normalized for comparison (NFKC, lower case, punctuation
 * and runs of white space dropped), key tokens (runs of letters and digits; each Han, Hiragana or Katakana character
 * on its own, as those scripts do not separate words), character 3-gram shingles and their Jaccard similarity, and
 * reading the pairs out of a generator's reply. Stateless.
 */
final class SyntheticChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{N}&&"
            + "[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+");
    private static final Pattern FENCE = Pattern.compile("```(?:json)?\\s*(.*?)```", Pattern.DOTALL);

    private SyntheticChecks() {
    }

    /** Text for comparison: NFKC, lower case, punctuation removed, white space collapsed. */
    static String normalized(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return t.replaceAll("[\\p{P}\\p{S}]", " ").replaceAll("\\s+", " ").strip();
    }

    /** The key tokens of a text, normalized. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Whether the passage supports the answer: the answer occurs in it (normalized), or at least {@code minShare} of
     * the answer's key tokens do.
     */
    static boolean supported(String answer, String passage, double minShare) {
        String a = normalized(answer);
        String p = normalized(passage);
        if (a.isEmpty()) {
            return false;
        }
        if (p.contains(a)) {
            return true;
        }
        List<String> answerTokens = tokens(answer);
        if (answerTokens.isEmpty()) {
            return false;
        }
        Set<String> passageTokens = new HashSet<>(tokens(passage));
        long found = answerTokens.stream().filter(passageTokens::contains).count();
        return found >= minShare * answerTokens.size();
    }

    /** The character 3-grams of the normalized text (the text itself when shorter). */
    static Set<String> shingles(String text) {
        String t = normalized(text);
        Set<String> out = new HashSet<>();
        if (t.length() < 3) {
            out.add(t);
            return out;
        }
        for (int i = 0; i + 3 <= t.length(); i++) {
            out.add(t.substring(i, i + 3));
        }
        return out;
    }

    /** Jaccard similarity of two shingle sets. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String s : a) {
            common += b.contains(s) ? 1 : 0;
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** A generated pair as read from the reply. */
    record Pair(String question, String answer) {
    }

    /**
     * The pairs in a generator's reply: a JSON object with a {@code "pairs"} array, or a bare array, alone, in a code
     * fence or inside prose; each element an object with string {@code question} and {@code answer}.
     *
     * @throws IllegalArgumentException naming what is wrong with the reply
     */
    static List<Pair> pairs(String reply) {
        JsonNode root = json(reply);
        JsonNode array = root.isArray() ? root : root.path("pairs");
        if (!array.isArray()) {
            throw new IllegalArgumentException("the reply has no \"pairs\" array");
        }
        List<Pair> out = new ArrayList<>();
        for (JsonNode n : array) {
            JsonNode q = n.get("question");
            JsonNode a = n.get("answer");
            if (q == null || a == null || !q.isTextual() || !a.isTextual()) {
                throw new IllegalArgumentException("every pair needs a text \"question\" and \"answer\", but one was "
                        + abbreviated(n.toString()));
            }
            out.add(new Pair(q.asText().strip(), a.asText().strip()));
        }
        return out;
    }

    private static JsonNode json(String reply) {
        List<String> tries = new ArrayList<>();
        tries.add(reply.strip());
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) {
            tries.add(fence.group(1).strip());
        }
        int open = reply.indexOf('{');
        int close = reply.lastIndexOf('}');
        if (open >= 0 && close > open) {
            tries.add(reply.substring(open, close + 1));
        }
        int openArray = reply.indexOf('[');
        int closeArray = reply.lastIndexOf(']');
        if (openArray >= 0 && closeArray > openArray) {
            tries.add(reply.substring(openArray, closeArray + 1));
        }
        for (String t : tries) {
            try {
                JsonNode n = JSON.readTree(t);
                if (n != null && (n.isObject() || n.isArray())) {
                    return n;
                }
            } catch (IOException notJson) {
                // try the next reading
            }
        }
        throw new IllegalArgumentException("the reply is not JSON");
    }

    /** The first 80 characters of a text, for messages. */
    static String abbreviated(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }
}
