package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import dev.raq.metrics.IdMaps.CharRangeIds;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
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
 * AnswerScorer judgeMetric = Scorers.squadF1();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SquadMetrics {

    /** Python's {@code string.punctuation}, indexed by ASCII code. */
    private static final boolean[] PUNCTUATION = new boolean[128];

    static {
        for (char c : "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".toCharArray()) {
            PUNCTUATION[c] = true;
        }
    }

    /** Up to this many tokens per side, token F1 pairs tokens directly instead of building a hash map. */
    private static final int SMALL = 64;

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
        return Normalized.of(text).toString();
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
        return Normalized.of(prediction).sameAs(Normalized.of(groundTruth));
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
        return Normalized.of(prediction).f1(Normalized.of(groundTruth));
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
        Normalized normalized = Normalized.of(prediction);
        boolean exact = false;
        double best = 0;
        for (String groundTruth : groundTruths) {
            Normalized gold = Normalized.of(groundTruth);
            exact |= normalized.sameAs(gold);
            best = Math.max(best, normalized.f1(gold));
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
        Preconditions.checkArgument(!groundTruths.isEmpty(), "groundTruths is empty: at least one question is needed");
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
     * A normalized answer as characters plus the bounds of its space-separated tokens, built in one scan so that
     * comparing answers needs no substrings and no boxing.
     *
     * <p>The scan lowercases as Python does, skips ASCII punctuation, and collapses whitespace. Articles need no
     * regex: {@code \b(a|an|the)\b} matches exactly where a maximal run of word characters (after punctuation
     * removal) is "a", "an" or "the", so each run is checked when it ends and, if it is an article, taken back out
     * and replaced by a separator.
     */
    private static final class Normalized {
        private char[] chars;
        private int length;
        private int[] tokenStarts = new int[8];
        private int tokenCount;
        private boolean separated = true;
        /** Start of the current run of word characters in {@code chars}, or -1 outside a run. */
        private int runStart = -1;
        /** Length and token count from just before the current run, restored when the run is an article. */
        private int lengthBeforeRun;
        private int tokenCountBeforeRun;

        private Normalized(int capacity) {
            chars = new char[capacity];
        }

        static Normalized of(String text) {
            int n = text.length();
            Normalized normalized = new Normalized(n + 8);
            char[] source = new char[n];
            text.getChars(0, n, source, 0);
            char[] lowered = new char[2];
            for (int i = 0; i < n; ) {
                char c = source[i];
                if (c < 0x80) {
                    if (!PUNCTUATION[c]) {
                        char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                        boolean word = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
                        if (word && normalized.runStart >= 0 && normalized.length < normalized.chars.length) {
                            // inside a run of word characters nothing but the character itself can happen
                            normalized.chars[normalized.length++] = lower;
                        } else {
                            normalized.add(lower, word);
                        }
                    }
                    i++;
                    continue;
                }
                int cp = text.codePointAt(i);
                // Python's lower() never produces ASCII punctuation from other characters
                int size = PythonText.appendLower(text, i, cp, lowered, 0);
                for (int k = 0; k < size; ) {
                    int lower = Character.codePointAt(lowered, k, size);
                    normalized.add(lower, PythonText.isWordChar(lower));
                    k += Character.charCount(lower);
                }
                i += Character.charCount(cp);
            }
            normalized.endRun();
            return normalized;
        }

        private void add(int cp, boolean word) {
            if (!word) {
                endRun();
                if (PythonText.isSpace(cp)) {
                    separated = true;
                    return;
                }
            } else if (runStart < 0) {
                lengthBeforeRun = length;
                tokenCountBeforeRun = tokenCount;
            }
            if (separated) {
                if (length > 0) {
                    append(' ');
                }
                if (tokenCount == tokenStarts.length) {
                    tokenStarts = Arrays.copyOf(tokenStarts, tokenCount * 2);
                }
                tokenStarts[tokenCount++] = length;
                separated = false;
            }
            if (word && runStart < 0) {
                runStart = length;
            }
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                append((char) cp);
            } else {
                append(Character.highSurrogate(cp));
                append(Character.lowSurrogate(cp));
            }
        }

        private void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
        }

        /** Ends the current run of word characters; an article is removed and leaves a separator. */
        private void endRun() {
            if (runStart < 0) {
                return;
            }
            if (isArticle(runStart, length)) {
                length = lengthBeforeRun;
                tokenCount = tokenCountBeforeRun;
                separated = true;
            }
            runStart = -1;
        }

        private boolean isArticle(int from, int to) {
            switch (to - from) {
                case 1:
                    return chars[from] == 'a';
                case 2:
                    return chars[from] == 'a' && chars[from + 1] == 'n';
                case 3:
                    return chars[from] == 't' && chars[from + 1] == 'h' && chars[from + 2] == 'e';
                default:
                    return false;
            }
        }

        boolean sameAs(Normalized other) {
            return Arrays.equals(chars, 0, length, other.chars, 0, other.length);
        }

        private int tokenEnd(int token) {
            return token + 1 < tokenCount ? tokenStarts[token + 1] - 1 : length;
        }

        /** The official token F1 against {@code gold}: 0 when no token is shared. */
        double f1(Normalized gold) {
            if (tokenCount == 0 || gold.tokenCount == 0) {
                return 0;
            }
            int same = tokenCount <= SMALL && gold.tokenCount <= SMALL ? sharedSmall(gold) : sharedLarge(gold);
            if (same == 0) {
                return 0;
            }
            double precision = 1.0 * same / tokenCount;
            double recall = 1.0 * same / gold.tokenCount;
            return (2 * precision * recall) / (precision + recall);
        }

        /** The size of the multiset intersection of the tokens, by pairing equal tokens greedily: O(n·m), n, m ≤ 64. */
        private int sharedSmall(Normalized gold) {
            int[] goldHashes = gold.tokenHashes();
            int[] hashes = tokenHashes();
            boolean[] used = new boolean[gold.tokenCount];
            int same = 0;
            for (int p = 0; p < tokenCount; p++) {
                for (int g = 0; g < gold.tokenCount; g++) {
                    if (!used[g] && goldHashes[g] == hashes[p] && Arrays.equals(chars, tokenStarts[p], tokenEnd(p),
                            gold.chars, gold.tokenStarts[g], gold.tokenEnd(g))) {
                        used[g] = true;
                        same++;
                        break;
                    }
                }
            }
            return same;
        }

        /** The size of the multiset intersection of the tokens, through dense token ids: O(n + m). */
        private int sharedLarge(Normalized gold) {
            CharRangeIds ids = new CharRangeIds(tokenCount + gold.tokenCount);
            int[] counts = new int[tokenCount + gold.tokenCount];
            for (int g = 0; g < gold.tokenCount; g++) {
                counts[ids.idOf(gold.chars, gold.tokenStarts[g], gold.tokenEnd(g))]++;
            }
            int same = 0;
            for (int p = 0; p < tokenCount; p++) {
                int id = ids.idOf(chars, tokenStarts[p], tokenEnd(p));
                if (counts[id] > 0) {
                    counts[id]--;
                    same++;
                }
            }
            return same;
        }

        private int[] tokenHashes() {
            int[] hashes = new int[tokenCount];
            for (int k = 0; k < tokenCount; k++) {
                int h = 0;
                for (int i = tokenStarts[k], end = tokenEnd(k); i < end; i++) {
                    h = 31 * h + chars[i];
                }
                hashes[k] = h;
            }
            return hashes;
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
