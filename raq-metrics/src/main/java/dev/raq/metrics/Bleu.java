package dev.raq.metrics;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * BLEU (Papineni et al., 2002) exactly as sacreBLEU 2.6.0 computes it, at sentence and corpus level.
 *
 * <p>{@link #sentence(String, List)} matches {@code sacrebleu.sentence_bleu} /
 * {@code BLEU(...).sentence_score} and {@link #corpus(List, List)} matches {@code sacrebleu.corpus_bleu} /
 * {@code BLEU(...).corpus_score}: each segment is lowercased (if asked), right-stripped and tokenized; n-grams of
 * order 1 to 4 are counted, hypothesis counts are clipped by the largest count in any single reference, the
 * reference length is the one closest to the hypothesis length (ties: the shorter), and corpus statistics are
 * summed before smoothing and the brevity penalty. Defaults are sacreBLEU's: tokenizer {@code 13a}, mixed case,
 * {@code exp} smoothing, effective order on for sentences and off for corpora.
 *
 * <pre>{@code
 * Bleu bleu = Bleu.builder().tokenizer(BleuTokenizer.INTL).lowercase(true).build();
 * double s = bleu.sentence("the cat sat", List.of("the cat sat down")).score();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Unlike sacreBLEU, inputs of unequal length are rejected instead of
 * silently truncated.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Bleu {

    /** The maximum n-gram order (sacreBLEU's {@code MAX_NGRAM_ORDER}). */
    static final int MAX_ORDER = 4;

    private static final Bleu DEFAULTS = builder().build();

    private final BleuTokenizer tokenizer;
    private final boolean lowercase;
    private final BleuSmoothing smoothing;
    private final @Nullable Boolean effectiveOrder;

    private Bleu(Builder b) {
        this.tokenizer = b.tokenizer;
        this.lowercase = b.lowercase;
        this.smoothing = b.smoothing;
        this.effectiveOrder = b.effectiveOrder;
    }

    /** A builder with sacreBLEU's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** BLEU with sacreBLEU's defaults (13a, mixed case, exp smoothing). */
    public static Bleu defaults() {
        return DEFAULTS;
    }

    /**
     * Sentence BLEU of one hypothesis against its references ({@code sacrebleu.sentence_bleu}).
     *
     * @param hypothesis the hypothesis (may be empty)
     * @param references its references, at least one; an empty string is a valid reference
     * @return the score and its statistics
     * @throws IllegalArgumentException when {@code references} is empty or holds null
     */
    public BleuScore sentence(String hypothesis, List<String> references) {
        List<String> refs = SegmentReferences.sentence(hypothesis, references);
        long[] stats = new long[2 + 2 * MAX_ORDER];
        addSegmentStatistics(hypothesis, refs, stats);
        return compute(stats, effectiveOrder == null || effectiveOrder);
    }

    /**
     * Corpus BLEU ({@code sacrebleu.corpus_bleu}): statistics of all segments summed, then one score.
     *
     * @param hypotheses       one hypothesis per segment
     * @param referenceStreams reference streams, each aligned with {@code hypotheses}; a {@code null} entry means
     *                         that stream has no reference for that segment (segments may have different numbers of
     *                         references)
     * @return the corpus score and its statistics
     * @throws IllegalArgumentException when a list is empty, a stream's length differs from the number of
     *                                  hypotheses, a hypothesis is null, or a segment has no reference
     */
    public BleuScore corpus(List<String> hypotheses, List<? extends List<? extends @Nullable String>> referenceStreams) {
        List<List<String>> segments = SegmentReferences.corpus(hypotheses, referenceStreams);
        long[] stats = new long[2 + 2 * MAX_ORDER];
        for (int i = 0; i < segments.size(); i++) {
            addSegmentStatistics(hypotheses.get(i), segments.get(i), stats);
        }
        return compute(stats, effectiveOrder != null && effectiveOrder);
    }

    private String preprocess(String segment) {
        String s = lowercase ? SacrebleuStrings.lower(segment) : segment;
        return tokenizer.tokenize(SacrebleuStrings.rstrip(s));
    }

    /** Adds {@code [sys_len, ref_len, correct 1..4, total 1..4]} of one segment to {@code stats}. */
    private void addSegmentStatistics(String hypothesis, List<String> references, long[] stats) {
        int chars = hypothesis.length();
        for (String r : references) {
            chars += r.length();
        }
        NgramIds ids = new NgramIds(chars / 4, chars);
        List<int[][]> refNgrams = new ArrayList<>(references.size());
        int[] refLens = new int[references.size()];
        for (int r = 0; r < references.size(); r++) {
            int[] tokens = ids.splitTokenIds(preprocess(references.get(r)));
            refLens[r] = tokens.length;
            refNgrams.add(ids.ngrams(tokens, MAX_ORDER));
        }
        int[] hypTokens = ids.splitTokenIds(preprocess(hypothesis));
        int[][] hypNgrams = ids.ngrams(hypTokens, MAX_ORDER);

        int size = ids.ngramCount();
        int[] refMax = new int[size];
        int[] count = new int[size];
        for (int[][] ref : refNgrams) {
            for (int[] order : ref) {
                for (int id : order) {
                    count[id]++;
                }
            }
            for (int[] order : ref) {
                for (int id : order) {
                    if (count[id] > refMax[id]) {
                        refMax[id] = count[id];
                    }
                }
            }
            for (int[] order : ref) {
                for (int id : order) {
                    count[id] = 0;
                }
            }
        }
        for (int n = 0; n < MAX_ORDER; n++) {
            int[] order = hypNgrams[n];
            for (int id : order) {
                count[id]++;
            }
            long correct = 0;
            for (int id : order) {
                if (count[id] > 0) {
                    correct += Math.min(count[id], refMax[id]);
                    count[id] = 0;
                }
            }
            stats[2 + n] += correct;
            stats[2 + MAX_ORDER + n] += order.length;
        }
        stats[0] += hypTokens.length;
        stats[1] += closestRefLength(hypTokens.length, refLens);
    }

    private static int closestRefLength(int hypLen, int[] refLens) {
        int closestDiff = -1;
        int closestLen = -1;
        for (int refLen : refLens) {
            int diff = Math.abs(hypLen - refLen);
            if (closestDiff == -1 || diff < closestDiff) {
                closestDiff = diff;
                closestLen = refLen;
            } else if (diff == closestDiff && refLen < closestLen) {
                closestLen = refLen;
            }
        }
        return closestLen;
    }

    /** sacreBLEU's {@code BLEU.compute_bleu} over summed statistics, in its order of floating-point operations. */
    private BleuScore compute(long[] stats, boolean useEffectiveOrder) {
        long sysLen = stats[0];
        long refLen = stats[1];
        long[] correct = new long[MAX_ORDER];
        long[] total = new long[MAX_ORDER];
        System.arraycopy(stats, 2, correct, 0, MAX_ORDER);
        System.arraycopy(stats, 2 + MAX_ORDER, total, 0, MAX_ORDER);

        double bp;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
        } else {
            bp = 1.0;
        }
        double[] precisions = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (long c : correct) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return result(0.0, correct, total, precisions, bp, sysLen, refLen);
        }
        BleuSmoothing.Method method = smoothing.method();
        long k = (long) smoothing.value();
        double smoothMteval = 1.0;
        int effOrder = MAX_ORDER;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (method == BleuSmoothing.Method.ADD_K && n > 1) {
                correct[n - 1] += k;
                total[n - 1] += k;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (useEffectiveOrder) {
                effOrder = n;
            }
            if (correct[n - 1] == 0) {
                if (method == BleuSmoothing.Method.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
                } else if (method == BleuSmoothing.Method.FLOOR) {
                    precisions[n - 1] = 100.0 * smoothing.value() / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0.0;
        for (int n = 0; n < effOrder; n++) {
            logSum += precisions[n] == 0.0 ? -9999999999.0 : Math.log(precisions[n]);
        }
        double score = bp * Math.exp(logSum / effOrder);
        return result(score, correct, total, precisions, bp, sysLen, refLen);
    }

    private static BleuScore result(double score, long[] correct, long[] total, double[] precisions, double bp,
                                    long sysLen, long refLen) {
        List<Long> c = new ArrayList<>(MAX_ORDER);
        List<Long> t = new ArrayList<>(MAX_ORDER);
        List<Double> p = new ArrayList<>(MAX_ORDER);
        for (int n = 0; n < MAX_ORDER; n++) {
            c.add(correct[n]);
            t.add(total[n]);
            p.add(precisions[n]);
        }
        return new BleuScore(score, c, t, p, bp, sysLen, refLen);
    }

    @Override
    public String toString() {
        return "Bleu[tokenizer=" + tokenizer.sacrebleuName() + ", lowercase=" + lowercase + ", smoothing="
                + smoothing.method() + (smoothing.value() != 0 ? "(" + smoothing.value() + ")" : "")
                + ", effectiveOrder=" + (effectiveOrder == null ? "sentence-only" : effectiveOrder) + "]";
    }

    /** Configures a {@link Bleu}; reusable, not thread-safe. */
    public static final class Builder {
        private BleuTokenizer tokenizer = BleuTokenizer.MTEVAL_13A;
        private boolean lowercase;
        private BleuSmoothing smoothing = BleuSmoothing.exp();
        private @Nullable Boolean effectiveOrder;

        private Builder() {
        }

        /**
         * The tokenizer; default {@link BleuTokenizer#MTEVAL_13A}.
         *
         * @param tokenizer the tokenizer
         * @return this builder
         */
        public Builder tokenizer(BleuTokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        /**
         * Whether to lowercase hypotheses and references first (case-insensitive BLEU); default {@code false}.
         *
         * @param lowercase true for lowercased BLEU
         * @return this builder
         */
        public Builder lowercase(boolean lowercase) {
            this.lowercase = lowercase;
            return this;
        }

        /**
         * The smoothing; default {@link BleuSmoothing#exp()}.
         *
         * @param smoothing the smoothing
         * @return this builder
         */
        public Builder smoothing(BleuSmoothing smoothing) {
            this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
            return this;
        }

        /**
         * Whether to average only over the n-gram orders the hypothesis has ({@code use_effective_order}). By
         * default it is on for {@link Bleu#sentence} and off for {@link Bleu#corpus}, as in sacreBLEU; setting it
         * applies the given value to both.
         *
         * @param effectiveOrder true to stop at the first order without hypothesis n-grams
         * @return this builder
         */
        public Builder effectiveOrder(boolean effectiveOrder) {
            this.effectiveOrder = effectiveOrder;
            return this;
        }

        /** A BLEU metric with this configuration. */
        public Bleu build() {
            return new Bleu(this);
        }
    }
}
