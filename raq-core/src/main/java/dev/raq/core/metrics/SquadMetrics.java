package dev.raq.core.metrics;

import dev.raq.core.metrics.IdMaps.StringIds;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQuAD v1.1 exact match and token F1, exactly as the official {@code evaluate-v1.1.py} computes them, including its
 * Python string semantics.
 *
 * <p>Answers are normalized as {@code normalize_answer}: Python's {@code str.lower()} (full Unicode, final sigma
 * included), removal of the ASCII punctuation of {@code string.punctuation} (curly quotes and other Unicode
 * punctuation stay), replacement of the words "a", "an" and "the" by a space with Python's Unicode-aware word
 * boundaries (a combining mark is not a word character), and whitespace collapsed as {@code ' '.join(s.split())}
 * (any Unicode whitespace, NBSP and ideographic space included). Exact match compares the normalized strings; F1 is
 * the harmonic mean of token precision and recall over the multiset of shared tokens, and 0 when nothing is shared —
 * even when both answers normalize to nothing, where exact match is 1. A question with several gold answers takes the
 * maximum of each score. Character properties come from the JDK (Unicode 13 on Java 17); the reference ran on Python
 * 3.11 (Unicode 14), so the two can differ only on characters that Unicode 14 added. All methods are thread-safe.
 *
 * <pre>{@code
 * SquadScore s = SquadMetrics.score("the Denver Broncos", List.of("Denver Broncos", "Broncos"));  // EM 1, F1 1
 * AnswerScorer judgeMetric = SquadMetrics.f1Scorer();
 * }</pre>
 */
public final class SquadMetrics {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private SquadMetrics() {
    }

    /**
     * The official {@code normalize_answer(text)}.
     *
     * @param text the answer
     * @return the normalized answer: lowercase, tokens separated by single spaces, possibly empty
     */
    public static String normalize(String text) {
        Objects.requireNonNull(text, "text");
        String t = removePunctuation(PythonText.lower(text));
        StringBuilder out = new StringBuilder(t.length());
        boolean separated = false;
        int length = t.length();
        int i = 0;
        while (i < length) {
            int cp = t.codePointAt(i);
            if (PythonText.isSpace(cp)) {
                separated = true;
                i += Character.charCount(cp);
                continue;
            }
            int article = articleLength(t, i);
            if (article > 0) {
                separated = true;
                i += article;
                continue;
            }
            if (separated && out.length() > 0) {
                out.append(' ');
            }
            separated = false;
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * The official {@code exact_match_score}: whether the two answers normalize to the same string.
     *
     * @param prediction  the predicted answer
     * @param groundTruth one gold answer
     * @return true when the normalized answers are equal
     */
    public static boolean exactMatch(String prediction, String groundTruth) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(groundTruth, "groundTruth");
        return normalize(prediction).equals(normalize(groundTruth));
    }

    /**
     * The official {@code f1_score}: token F1 between the normalized answers.
     *
     * @param prediction  the predicted answer
     * @param groundTruth one gold answer
     * @return F1 in [0, 1]; 0 when the answers share no token
     */
    public static double f1(String prediction, String groundTruth) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(groundTruth, "groundTruth");
        return f1(tokens(normalize(prediction)), tokens(normalize(groundTruth)));
    }

    /**
     * Exact match and F1 of one prediction against the gold answers of its question, each the maximum over the gold
     * answers ({@code metric_max_over_ground_truths}).
     *
     * @param prediction   the predicted answer
     * @param groundTruths the gold answers, at least one
     * @return exact match (0 or 1) and F1 (in [0, 1])
     * @throws IllegalArgumentException if {@code groundTruths} is null, empty or has a null element (named by index)
     */
    public static SquadScore score(String prediction, List<String> groundTruths) {
        Objects.requireNonNull(prediction, "prediction");
        Checks.references(groundTruths, "groundTruths");
        String normalized = normalize(prediction);
        List<String> predictionTokens = tokens(normalized);
        boolean exact = false;
        double best = 0;
        for (String groundTruth : groundTruths) {
            String gold = normalize(groundTruth);
            exact |= normalized.equals(gold);
            best = Math.max(best, f1(predictionTokens, tokens(gold)));
        }
        return new SquadScore(exact ? 1 : 0, best);
    }

    /**
     * The dataset scores of the official {@code evaluate(dataset, predictions)}: 100 × the mean over all questions
     * of each per-question score; a question without a prediction (null) scores 0, as an unanswered question does.
     *
     * @param predictions  the prediction for each question, or null where the system gave none
     * @param groundTruths the gold answers of each question, parallel to {@code predictions}
     * @return exact match and F1 in percent
     * @throws IllegalArgumentException if the lists differ in length or are empty, or if a question has no gold
     *                                  answers (named by index)
     */
    public static SquadScore evaluate(List<? extends @Nullable String> predictions, List<List<String>> groundTruths) {
        Checks.sameSize(predictions, "predictions", groundTruths, "groundTruths");
        if (groundTruths.isEmpty()) {
            throw new IllegalArgumentException("groundTruths is empty: at least one question is needed");
        }
        int exact = 0;
        double f1 = 0;
        for (int i = 0; i < groundTruths.size(); i++) {
            Checks.references(groundTruths.get(i), "groundTruths[" + i + "]");
            String prediction = predictions.get(i);
            if (prediction == null) {
                continue;
            }
            SquadScore s = score(prediction, groundTruths.get(i));
            exact += (int) s.exactMatch();
            f1 += s.f1();
        }
        int total = groundTruths.size();
        return new SquadScore(100.0 * exact / total, 100.0 * f1 / total);
    }

    /**
     * An {@link AnswerScorer} named {@code "squad-em"}: 1 if the answer matches a reference exactly after
     * normalization, else 0.
     *
     * @return the thread-safe scorer
     */
    public static AnswerScorer exactMatchScorer() {
        return scorer("squad-em", false);
    }

    /**
     * An {@link AnswerScorer} named {@code "squad-f1"}: the best token F1 against the references, in [0, 1].
     *
     * @return the thread-safe scorer
     */
    public static AnswerScorer f1Scorer() {
        return scorer("squad-f1", true);
    }

    private static AnswerScorer scorer(String name, boolean f1) {
        return new AnswerScorer() {
            @Override
            public double score(String answer, List<String> references) {
                SquadScore s = SquadMetrics.score(answer, references);
                return f1 ? s.f1() : s.exactMatch();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static String removePunctuation(String text) {
        int first = 0;
        while (first < text.length() && PUNCTUATION.indexOf(text.charAt(first)) < 0) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || PUNCTUATION.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The length of the article ("a", "an" or "the", tried in that order as the regex alternation does) starting at
     * {@code i} with a Python word boundary on both sides, or 0.
     */
    private static int articleLength(String t, int i) {
        char c = t.charAt(i);
        if (c != 'a' && c != 't') {
            return 0;
        }
        if (i > 0 && PythonText.isWordChar(t.codePointBefore(i))) {
            return 0;
        }
        if (c == 'a') {
            if (boundaryAt(t, i + 1)) {
                return 1;
            }
            return t.startsWith("an", i) && boundaryAt(t, i + 2) ? 2 : 0;
        }
        return t.startsWith("the", i) && boundaryAt(t, i + 3) ? 3 : 0;
    }

    /** Whether position {@code end}, just after word characters, is a word boundary: end of text or a non-word. */
    private static boolean boundaryAt(String t, int end) {
        return end >= t.length() || !PythonText.isWordChar(t.codePointAt(end));
    }

    private static List<String> tokens(String normalized) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        int length = normalized.length();
        while (start < length) {
            int end = normalized.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            tokens.add(normalized.substring(start, end));
            start = end + 1;
        }
        return tokens;
    }

    private static double f1(List<String> prediction, List<String> groundTruth) {
        if (prediction.isEmpty() || groundTruth.isEmpty()) {
            return 0;
        }
        StringIds ids = new StringIds(prediction.size() + groundTruth.size());
        int[] goldIds = new int[groundTruth.size()];
        for (int i = 0; i < goldIds.length; i++) {
            goldIds[i] = ids.idOf(groundTruth.get(i));
        }
        int[] predictionIds = new int[prediction.size()];
        for (int i = 0; i < predictionIds.length; i++) {
            predictionIds[i] = ids.idOf(prediction.get(i));
        }
        int[] counts = new int[ids.size()];
        for (int id : goldIds) {
            counts[id]++;
        }
        int same = 0;
        for (int id : predictionIds) {
            if (counts[id] > 0) {
                counts[id]--;
                same++;
            }
        }
        if (same == 0) {
            return 0;
        }
        double precision = 1.0 * same / prediction.size();
        double recall = 1.0 * same / groundTruth.size();
        return (2 * precision * recall) / (precision + recall);
    }
}
