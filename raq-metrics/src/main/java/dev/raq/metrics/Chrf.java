package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacreBLEU 2.6.0's {@code CHRF} computes them.
 *
 * <p>Character n-grams of orders 1 to {@code charOrder} are taken over Unicode code points (Python semantics, so
 * an emoji outside the BMP is one character), by default after removing all whitespace; chrF++ adds word n-grams
 * of orders 1 to {@code wordOrder} over words whose leading or trailing ASCII punctuation is split off. Per order
 * the matches are clipped counts; with several references each segment uses the reference with the best
 * sentence-level F-score. The score is the F-beta of the precision and recall averaged over the orders that occur
 * in both hypothesis and reference (sacreBLEU's default), or with {@code epsSmoothing} the average of the per-order
 * F-scores with 1e-16 for undefined terms (as chrF++.py, Moses and NLTK do). Corpus scores sum the statistics of all
 * segments first. Defaults are sacreBLEU's: chrF2 with character order 6, word order 0, whitespace removed, mixed
 * case, no eps smoothing. {@link #chrfPlusPlus()} gives chrF++ (word order 2).
 *
 * <p>Instances are immutable and thread-safe. Unlike sacreBLEU, inputs of unequal length are rejected instead of
 * silently truncated.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Chrf {

    /** sacreBLEU's default character n-gram order. */
    public static final int DEFAULT_CHAR_ORDER = 6;
    /** sacreBLEU's default word n-gram order (0 = chrF; 2 = chrF++). */
    public static final int DEFAULT_WORD_ORDER = 0;
    /** sacreBLEU's default beta. */
    public static final int DEFAULT_BETA = 2;

    private static final Chrf CHRF = builder().build();
    private static final Chrf CHRF_PLUS_PLUS = builder().wordOrder(2).build();

    private final int charOrder;
    private final int wordOrder;
    private final int beta;
    private final boolean removeWhitespace;
    private final boolean epsSmoothing;
    private final boolean lowercase;

    private Chrf(Builder b) {
        this.charOrder = b.charOrder;
        this.wordOrder = b.wordOrder;
        this.beta = b.beta;
        this.removeWhitespace = b.removeWhitespace;
        this.epsSmoothing = b.epsSmoothing;
        this.lowercase = b.lowercase;
    }

    /** A builder with sacreBLEU's defaults (chrF2). */
    public static Builder builder() {
        return new Builder();
    }

    /** chrF with sacreBLEU's defaults (character order 6, beta 2). */
    public static Chrf chrf() {
        return CHRF;
    }

    /** chrF++ with sacreBLEU's defaults (character order 6, word order 2, beta 2). */
    public static Chrf chrfPlusPlus() {
        return CHRF_PLUS_PLUS;
    }

    /**
     * chrF of one hypothesis against its references ({@code CHRF(...).sentence_score}).
     *
     * @param hypothesis the hypothesis (may be empty)
     * @param references its references, at least one; the best-scoring one is used
     * @return the score
     * @throws IllegalArgumentException when {@code references} is empty or holds null
     */
    public ChrfScore sentence(String hypothesis, List<String> references) {
        List<String> refs = SegmentReferences.sentence(hypothesis, references);
        return new ChrfScore(fScore(bestStatistics(hypothesis, refs)), charOrder, wordOrder, beta);
    }

    /**
     * Corpus chrF ({@code CHRF(...).corpus_score}): the best-reference statistics of every segment summed, then
     * one score.
     *
     * @param hypotheses       one hypothesis per segment
     * @param referenceStreams reference streams, each aligned with {@code hypotheses}; {@code null} = no reference
     *                         in that stream for that segment
     * @return the corpus score
     * @throws IllegalArgumentException when a list is empty, a stream's length differs from the number of
     *                                  hypotheses, a hypothesis is null, or a segment has no reference
     */
    public ChrfScore corpus(List<String> hypotheses, List<? extends List<? extends @Nullable String>> referenceStreams) {
        List<List<String>> segments = SegmentReferences.corpus(hypotheses, referenceStreams);
        long[] total = new long[3 * (charOrder + wordOrder)];
        for (int i = 0; i < segments.size(); i++) {
            long[] stats = bestStatistics(hypotheses.get(i), segments.get(i));
            for (int k = 0; k < total.length; k++) {
                total[k] += stats[k];
            }
        }
        return new ChrfScore(fScore(total), charOrder, wordOrder, beta);
    }

    /** The word n-gram order: 0 for chrF, 2 for chrF++. */
    public int wordOrder() {
        return wordOrder;
    }

    /** The n-grams of one text: element k lists the ids of order k + 1 (characters first, then words). */
    private int[][] ngrams(String text, NgramIds charIds, NgramIds wordIds) {
        int[][] all = new int[charOrder + wordOrder][];
        int[][] chars = charIds.ngrams(codePoints(text), charOrder);
        System.arraycopy(chars, 0, all, 0, charOrder);
        if (wordOrder > 0) {
            int[][] words = wordIds.ngrams(wordsWithPunctuationSplit(text, wordIds), wordOrder);
            System.arraycopy(words, 0, all, charOrder, wordOrder);
        }
        return all;
    }

    private int[] codePoints(String text) {
        int[] cps = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!removeWhitespace || !SacrebleuStrings.isSpace(cp)) {
                cps[n++] = cp;
            }
        }
        return n == cps.length ? cps : java.util.Arrays.copyOf(cps, n);
    }

    /**
     * sacreBLEU's {@code CHRF._remove_punctuation}: whitespace-split words; a word longer than one character loses
     * one trailing ASCII punctuation character, or else one leading one, as a separate word.
     */
    private static int[] wordsWithPunctuationSplit(String s, NgramIds ids) {
        int n = s.length();
        int[] out = new int[8];
        int count = 0;
        int i = 0;
        while (i < n) { // Python's str.split(): words between runs of whitespace
            int start = SacrebleuStrings.skipSpace(s, i);
            if (start == n) {
                break;
            }
            i = SacrebleuStrings.skipWord(s, start);
            if (count + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, 2 * out.length);
            }
            int end = i;
            if (s.codePointCount(start, end) > 1 && isAsciiPunct(s.charAt(end - 1))) {
                out[count++] = ids.tokenId(s, start, end - 1);
                out[count++] = ids.tokenId(s, end - 1, end);
            } else if (s.codePointCount(start, end) > 1 && isAsciiPunct(s.charAt(start))) {
                out[count++] = ids.tokenId(s, start, start + 1);
                out[count++] = ids.tokenId(s, start + 1, end);
            } else {
                out[count++] = ids.tokenId(s, start, end);
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Python's {@code string.punctuation}. */
    private static boolean isAsciiPunct(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /** The statistics {@code [hyp, ref, match] per order} of the reference with the best F-score. */
    private long[] bestStatistics(String hypothesis, List<String> references) {
        int chars = hypothesis.length();
        for (String r : references) {
            chars += r.length();
        }
        NgramIds charIds = new NgramIds(0, charOrder * chars);
        NgramIds wordIds = new NgramIds(chars / 4, wordOrder * chars / 4);
        int orders = charOrder + wordOrder;
        int[][] hyp = ngrams(lowercase ? SacrebleuStrings.lower(hypothesis) : hypothesis, charIds, wordIds);
        List<int[][]> refs = new ArrayList<>(references.size());
        for (String r : references) {
            refs.add(ngrams(lowercase ? SacrebleuStrings.lower(r) : r, charIds, wordIds));
        }
        int[] hypCharCount = new int[charIds.ngramCount()];
        int[] hypWordCount = new int[wordIds.ngramCount()];
        int[] refCharCount = new int[charIds.ngramCount()];
        int[] refWordCount = new int[wordIds.ngramCount()];
        for (int k = 0; k < orders; k++) {
            int[] counts = k < charOrder ? hypCharCount : hypWordCount;
            for (int id : hyp[k]) {
                counts[id]++;
            }
        }
        long[] best = null;
        double bestF = -1.0;
        for (int[][] ref : refs) {
            long[] stats = new long[3 * orders];
            for (int k = 0; k < orders; k++) {
                int[] hypCount = k < charOrder ? hypCharCount : hypWordCount;
                int[] refCount = k < charOrder ? refCharCount : refWordCount;
                for (int id : ref[k]) {
                    refCount[id]++;
                }
                long match = 0;
                for (int id : hyp[k]) {
                    // visit each distinct hypothesis n-gram once: take its clipped count, then mark it done
                    if (hypCount[id] > 0) {
                        match += Math.min(hypCount[id], refCount[id]);
                        hypCount[id] = -hypCount[id];
                    }
                }
                for (int id : hyp[k]) {
                    if (hypCount[id] < 0) {
                        hypCount[id] = -hypCount[id];
                    }
                }
                for (int id : ref[k]) {
                    refCount[id] = 0;
                }
                stats[3 * k] = ref[k].length > 0 ? hyp[k].length : 0;
                stats[3 * k + 1] = ref[k].length;
                stats[3 * k + 2] = match;
            }
            double f = fScore(stats);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return Objects.requireNonNull(best);
    }

    /** sacreBLEU's {@code CHRF._compute_f_score}, in its order of floating-point operations. */
    private double fScore(long[] stats) {
        double eps = 1e-16;
        double score = 0.0;
        int effectiveOrder = 0;
        double factor = (double) beta * beta;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int orders = charOrder + wordOrder;
        for (int k = 0; k < orders; k++) {
            long nHyp = stats[3 * k];
            long nRef = stats[3 * k + 1];
            long nMatch = stats[3 * k + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : eps;
            double rec = nRef > 0 ? (double) nMatch / nRef : eps;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (epsSmoothing) {
            return 100 * score / orders;
        }
        if (effectiveOrder == 0) {
            avgPrec = 0.0;
            avgRec = 0.0;
        } else {
            avgPrec /= effectiveOrder;
            avgRec /= effectiveOrder;
        }
        if (avgPrec + avgRec != 0) {
            double s = (1 + factor) * avgPrec * avgRec;
            s /= factor * avgPrec + avgRec;
            return 100 * s;
        }
        return 0.0;
    }

    @Override
    public String toString() {
        return "Chrf[charOrder=" + charOrder + ", wordOrder=" + wordOrder + ", beta=" + beta + ", removeWhitespace="
                + removeWhitespace + ", epsSmoothing=" + epsSmoothing + ", lowercase=" + lowercase + "]";
    }

    /** Configures a {@link Chrf}; reusable, not thread-safe. */
    public static final class Builder {
        private int charOrder = DEFAULT_CHAR_ORDER;
        private int wordOrder = DEFAULT_WORD_ORDER;
        private int beta = DEFAULT_BETA;
        private boolean removeWhitespace = true;
        private boolean epsSmoothing;
        private boolean lowercase;

        private Builder() {
        }

        /**
         * The character n-gram order; default {@value Chrf#DEFAULT_CHAR_ORDER}.
         *
         * @param charOrder at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code charOrder < 1}
         */
        public Builder charOrder(int charOrder) {
            Preconditions.checkArgument(charOrder >= 1, () -> "charOrder must be >= 1 but was " + charOrder);
            this.charOrder = charOrder;
            return this;
        }

        /**
         * The word n-gram order; default {@value Chrf#DEFAULT_WORD_ORDER} (chrF), 2 for chrF++.
         *
         * @param wordOrder at least 0
         * @return this builder
         * @throws IllegalArgumentException when {@code wordOrder < 0}
         */
        public Builder wordOrder(int wordOrder) {
            Preconditions.checkArgument(wordOrder >= 0, () -> "wordOrder must be >= 0 but was " + wordOrder);
            this.wordOrder = wordOrder;
            return this;
        }

        /**
         * The weight of recall relative to precision; default {@value Chrf#DEFAULT_BETA}.
         *
         * @param beta at least 0 (0 scores precision only)
         * @return this builder
         * @throws IllegalArgumentException when {@code beta < 0}
         */
        public Builder beta(int beta) {
            Preconditions.checkArgument(beta >= 0, () -> "beta must be >= 0 but was " + beta);
            this.beta = beta;
            return this;
        }

        /**
         * Whether to drop whitespace before taking character n-grams; default {@code true} (sacreBLEU's
         * {@code whitespace=False}).
         *
         * @param removeWhitespace false to keep spaces inside character n-grams
         * @return this builder
         */
        public Builder removeWhitespace(boolean removeWhitespace) {
            this.removeWhitespace = removeWhitespace;
            return this;
        }

        /**
         * Whether to average per-order F-scores with epsilon smoothing (chrF++.py, Moses, NLTK) instead of
         * sacreBLEU's effective-order average; default {@code false}.
         *
         * @param epsSmoothing true for epsilon smoothing
         * @return this builder
         */
        public Builder epsSmoothing(boolean epsSmoothing) {
            this.epsSmoothing = epsSmoothing;
            return this;
        }

        /**
         * Whether to lowercase hypotheses and references first; default {@code false}.
         *
         * @param lowercase true for case-insensitive chrF
         * @return this builder
         */
        public Builder lowercase(boolean lowercase) {
            this.lowercase = lowercase;
            return this;
        }

        /** A chrF metric with this configuration. */
        public Chrf build() {
            return new Chrf(this);
        }
    }
}
