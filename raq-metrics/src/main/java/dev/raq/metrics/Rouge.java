package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import dev.raq.metrics.IdMaps.PairIds;
import dev.raq.metrics.IdMaps.StringIds;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum exactly as Google's rouge-score 0.1.2 computes them
 * ({@code RougeScorer(rouge_types, use_stemmer).score(target, prediction)} and {@code score_multi}), with an optional
 * Unicode-aware tokenizer for texts beyond ASCII.
 *
 * <ul>
 *   <li>ROUGE-N: clipped n-gram overlap; precision = overlap / max(prediction n-grams, 1), recall = overlap /
 *       max(target n-grams, 1).</li>
 *   <li>ROUGE-L: longest common subsequence of the two token sequences; 0 when either has no tokens.</li>
 *   <li>ROUGE-Lsum: both texts are split into sentences on {@code '\n'} (empty lines dropped, no sentence splitter),
 *       and every target sentence takes the union of its LCS with each prediction sentence; tokens are counted at most
 *       as often as they occur on both sides, as in ROUGE-1.5.5.</li>
 *   <li>F-measure is {@code 2PR / (P + R)}, or 0 when P + R = 0.</li>
 * </ul>
 *
 * <p>With {@link Builder#useStemmer(boolean) stemming}, NLTK's Porter stemmer (NLTK_EXTENSIONS mode) is applied to
 * tokens longer than 3 characters, as rouge-score does. Results are exact to the last bit on rouge-score's golden
 * cases. The configuration is immutable and instances are thread-safe; build one and share it (a stemming instance
 * remembers the stems of the first 100,000 distinct words it sees, so sharing it also shares that work).
 *
 * <pre>{@code
 * Rouge rouge = Rouge.builder().types(RougeType.ROUGE_1, RougeType.ROUGE_L).useStemmer(true).build();
 * double f = rouge.score("the cat sat on the mat", "a cat sat on a mat").get(RougeType.ROUGE_L).fmeasure();
 * AnswerScorer judgeMetric = Scorers.rouge(rouge, RougeType.ROUGE_L);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Rouge {

    /** The types computed when the builder is not told otherwise: rouge1, rouge2, rougeL and rougeLsum. */
    public static final List<RougeType> DEFAULT_TYPES =
            List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L, RougeType.ROUGE_LSUM);

    /** How many distinct stems one instance remembers (about 10 MB at most); words beyond are stemmed each time. */
    static final int STEM_CACHE_SIZE = 100_000;

    private final List<RougeType> types;
    private final boolean stemming;
    private final RougeTokenizer tokenizer;
    private final boolean needsWholeText;
    private final boolean needsSentences;
    private final ConcurrentHashMap<String, String> stems = new ConcurrentHashMap<>();

    private Rouge(List<RougeType> types, boolean stemming, RougeTokenizer tokenizer) {
        this.types = List.copyOf(types);
        this.stemming = stemming;
        this.tokenizer = tokenizer;
        this.needsWholeText = types.stream().anyMatch(t -> !t.isLcsSum());
        this.needsSentences = types.contains(RougeType.ROUGE_LSUM);
    }

    /** A builder with the defaults: {@link #DEFAULT_TYPES}, no stemming, the rouge-score tokenizer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores {@code prediction} against {@code target} for every configured type; the argument order is
     * rouge-score's ({@code score(target, prediction)}: the reference comes first).
     *
     * @param target     the reference text, possibly empty
     * @param prediction the text being scored, possibly empty
     * @return an unmodifiable map from each configured type, in configured order, to its score
     */
    public Map<RougeType, RougeScore> score(String target, String prediction) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prediction, "prediction");
        StringIds ids = new StringIds(64);
        int[] targetIds = null;
        int[] predictionIds = null;
        if (needsWholeText) {
            targetIds = ids(tokens(target), ids);
            predictionIds = ids(tokens(prediction), ids);
        }
        int[][] targetSentences = null;
        int[][] predictionSentences = null;
        if (needsSentences) {
            targetSentences = sentences(target, ids);
            predictionSentences = sentences(prediction, ids);
        }
        Map<RougeType, RougeScore> scores = new LinkedHashMap<>(types.size() * 2);
        for (RougeType type : types) {
            RougeScore s;
            if (type.isLcs()) {
                s = lcs(Objects.requireNonNull(targetIds), Objects.requireNonNull(predictionIds));
            } else if (type.isLcsSum()) {
                s = summaryLcs(Objects.requireNonNull(targetSentences), Objects.requireNonNull(predictionSentences),
                        ids.size());
            } else {
                s = ngrams(Objects.requireNonNull(targetIds), Objects.requireNonNull(predictionIds), type.ngramOrder(),
                        ids.size());
            }
            scores.put(type, s);
        }
        return Collections.unmodifiableMap(scores);
    }

    /**
     * Scores {@code prediction} against several references as rouge-score's {@code score_multi}: for each type, the
     * score of the target with the highest F-measure (the first such target on ties).
     *
     * @param targets    the reference texts, at least one
     * @param prediction the text being scored
     * @return an unmodifiable map from each configured type, in configured order, to the best score
     * @throws IllegalArgumentException if {@code targets} is null, empty or has a null element (named by index)
     */
    public Map<RougeType, RougeScore> scoreMulti(List<String> targets, String prediction) {
        Checks.references(targets, "targets");
        Objects.requireNonNull(prediction, "prediction");
        Map<RougeType, RougeScore> best = new LinkedHashMap<>(types.size() * 2);
        for (String target : targets) {
            for (Map.Entry<RougeType, RougeScore> e : score(target, prediction).entrySet()) {
                RougeScore current = best.get(e.getKey());
                if (current == null || e.getValue().fmeasure() > current.fmeasure()) {
                    best.put(e.getKey(), e.getValue());
                }
            }
        }
        return Collections.unmodifiableMap(best);
    }

    /**
     * The tokens ROUGE compares for {@code text}: the configured tokenizer's output, stemmed if stemming is on
     * (rouge-score's {@code tokenize(text, stemmer)}).
     *
     * @param text the text, possibly empty
     * @return the tokens, unmodifiable
     */
    public List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        return Collections.unmodifiableList(tokens(text));
    }

    /** This configuration (stemming, tokenizer) computing only {@code type}. */
    Rouge withTypes(RougeType type) {
        return new Rouge(List.of(type), stemming, tokenizer);
    }

    /** The configured types, in the order results report them. */
    public List<RougeType> types() {
        return types;
    }

    /** Whether the Porter stemmer is applied to tokens longer than 3 characters. */
    public boolean usesStemmer() {
        return stemming;
    }

    /** The configured tokenizer. */
    public RougeTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public String toString() {
        return "Rouge" + types + (stemming ? " stemmed" : "") + " tokenizer=" + tokenizer;
    }

    private List<String> tokens(String text) {
        List<String> raw = tokenizer.tokenize(text);
        if (!stemming) {
            return raw;
        }
        List<String> stemmed = new ArrayList<>(raw.size());
        for (String token : raw) {
            stemmed.add(token.length() > 3 && isAsciiLowerOrDigit(token) ? stem(token) : token);
        }
        return stemmed;
    }

    /** The Porter stem, remembered for the first {@link #STEM_CACHE_SIZE} distinct words this instance sees. */
    private String stem(String token) {
        String stem = stems.get(token);
        if (stem == null) {
            stem = PorterStemmer.stem(token);
            if (stems.size() < STEM_CACHE_SIZE) {
                stems.putIfAbsent(token, stem);
            }
        }
        return stem;
    }

    private static boolean isAsciiLowerOrDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static int[] ids(List<String> tokens, StringIds ids) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.idOf(tokens.get(i));
        }
        return out;
    }

    private int[][] sentences(String text, StringIds ids) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                sentences.add(ids(tokens(text.substring(start, end)), ids));
            }
            start = end + 1;
        }
        return sentences.toArray(new int[0][]);
    }

    static RougeScore ngrams(int[] target, int[] prediction, int n, int vocabulary) {
        int targetCount = Math.max(target.length - n + 1, 0);
        int predictionCount = Math.max(prediction.length - n + 1, 0);
        int[] t = target;
        int[] p = prediction;
        int size = vocabulary;
        for (int level = 2; level <= n && targetCount > 0 && predictionCount > 0; level++) {
            PairIds pairs = new PairIds(t.length + p.length);
            t = extend(t, target, level, pairs);
            p = extend(p, prediction, level, pairs);
            size = pairs.size();
        }
        int overlap = 0;
        if (targetCount > 0 && predictionCount > 0) {
            int[] counts = new int[size];
            for (int i = 0; i < targetCount; i++) {
                counts[t[i]]++;
            }
            for (int i = 0; i < predictionCount; i++) {
                if (counts[p[i]] > 0) {
                    counts[p[i]]--;
                    overlap++;
                }
            }
        }
        return RougeScore.of((double) overlap / Math.max(predictionCount, 1),
                (double) overlap / Math.max(targetCount, 1));
    }

    /** The ids of the {@code level}-grams, from the ids of the ({@code level}−1)-grams and the token ids. */
    private static int[] extend(int[] shorter, int[] tokens, int level, PairIds pairs) {
        int count = tokens.length - level + 1;
        int[] longer = new int[count];
        for (int i = 0; i < count; i++) {
            longer[i] = pairs.idOf(shorter[i], tokens[i + level - 1]);
        }
        return longer;
    }

    static RougeScore lcs(int[] target, int[] prediction) {
        if (target.length == 0 || prediction.length == 0) {
            return RougeScore.ZERO;
        }
        int length = lcsLength(target, prediction);
        return RougeScore.of((double) length / prediction.length, (double) length / target.length);
    }

    private static int lcsLength(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 0; i < a.length; i++) {
            int ai = a[i];
            for (int j = 0; j < b.length; j++) {
                current[j + 1] = ai == b[j] ? previous[j] + 1 : Math.max(previous[j + 1], current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    static RougeScore summaryLcs(int[][] target, int[][] prediction, int vocabulary) {
        int m = 0;
        int n = 0;
        int[] targetCounts = new int[vocabulary];
        int[] predictionCounts = new int[vocabulary];
        for (int[] sentence : target) {
            m += sentence.length;
            for (int id : sentence) {
                targetCounts[id]++;
            }
        }
        for (int[] sentence : prediction) {
            n += sentence.length;
            for (int id : sentence) {
                predictionCounts[id]++;
            }
        }
        if (m == 0 || n == 0) {
            return RougeScore.ZERO;
        }
        int hits = 0;
        for (int[] sentence : target) {
            boolean[] inUnion = new boolean[sentence.length];
            for (int[] candidate : prediction) {
                markLcs(sentence, candidate, inUnion);
            }
            for (int i = 0; i < sentence.length; i++) {
                int id = sentence[i];
                if (inUnion[i] && targetCounts[id] > 0 && predictionCounts[id] > 0) {
                    hits++;
                    targetCounts[id]--;
                    predictionCounts[id]--;
                }
            }
        }
        return RougeScore.of((double) hits / n, (double) hits / m);
    }

    /**
     * Marks the positions of {@code ref} on one longest common subsequence with {@code can}, read back from the LCS
     * table the way rouge-score's {@code _backtrack_norec} does (the choice matters for the union).
     */
    private static void markLcs(int[] ref, int[] can, boolean[] marks) {
        if (ref.length == 0 || can.length == 0) {
            return;
        }
        int cols = can.length + 1;
        int[] table = new int[(ref.length + 1) * cols];
        for (int i = 1; i <= ref.length; i++) {
            int r = ref[i - 1];
            int row = i * cols;
            int up = row - cols;
            for (int j = 1; j <= can.length; j++) {
                table[row + j] = r == can[j - 1] ? table[up + j - 1] + 1 : Math.max(table[up + j], table[row + j - 1]);
            }
        }
        int i = ref.length;
        int j = can.length;
        while (i > 0 && j > 0) {
            if (ref[i - 1] == can[j - 1]) {
                marks[i - 1] = true;
                i--;
                j--;
            } else if (table[i * cols + j - 1] > table[(i - 1) * cols + j]) {
                j--;
            } else {
                i--;
            }
        }
    }

    /**
     * Builds a {@link Rouge}; reusable, not thread-safe.
     */
    public static final class Builder {
        private List<RougeType> types = DEFAULT_TYPES;
        private boolean stemming;
        private RougeTokenizer tokenizer = RougeTokenizer.rougeScore();

        private Builder() {
        }

        /**
         * The types to compute, in the order results report them; default {@link #DEFAULT_TYPES}.
         *
         * @param types one or more distinct types
         * @return this builder
         * @throws IllegalArgumentException if there are none, one is null, or one repeats (named by index)
         */
        public Builder types(RougeType... types) {
            Objects.requireNonNull(types, "types");
            return types(java.util.Arrays.asList(types));
        }

        /**
         * The types to compute, as {@link #types(RougeType...)}.
         *
         * @param types one or more distinct types
         * @return this builder
         * @throws IllegalArgumentException if there are none, one is null, or one repeats (named by index)
         */
        public Builder types(List<RougeType> types) {
            Objects.requireNonNull(types, "types");
            Preconditions.checkArgument(!types.isEmpty(), "types is empty: at least one ROUGE type is needed");
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i) == null) {
                    throw new IllegalArgumentException("types[" + i + "] is null");
                }
                if (types.subList(0, i).contains(types.get(i))) {
                    throw new IllegalArgumentException("types[" + i + "] repeats " + types.get(i));
                }
            }
            this.types = List.copyOf(types);
            return this;
        }

        /**
         * Whether to apply NLTK's Porter stemmer to tokens longer than 3 characters (rouge-score's
         * {@code use_stemmer}); default false. With the Unicode tokenizer only tokens of ASCII letters and digits are
         * stemmed.
         *
         * @param stemming true to stem
         * @return this builder
         */
        public Builder useStemmer(boolean stemming) {
            this.stemming = stemming;
            return this;
        }

        /**
         * The tokenizer; default {@link RougeTokenizer#rougeScore()}, the exact rouge-score tokenizer. Use
         * {@link RougeTokenizer#unicode()} for texts in other scripts.
         *
         * @param tokenizer the tokenizer
         * @return this builder
         */
        public Builder tokenizer(RougeTokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        /** A {@link Rouge} with this builder's settings; the builder stays usable. */
        public Rouge build() {
            return new Rouge(types, stemming, tokenizer);
        }
    }
}
