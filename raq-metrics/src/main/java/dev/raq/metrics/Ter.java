package dev.raq.metrics;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Translation edit rate (Snover et al., 2006) with block shifts, exactly as sacreBLEU 2.6.0's {@code TER}
 * computes it (its port of Tercom, including the shift-search limits and the beam-limited edit distance).
 *
 * <p>Each segment is right-stripped and normalized by the Tercom tokenizer (lowercased unless
 * {@code caseSensitive}; with {@code normalized}, punctuation split off and optionally CJK characters with
 * {@code asianSupport}; with {@code noPunct}, punctuation removed). The edits of a segment are the fewest over its
 * references and its reference length the average; a corpus score sums both before dividing. References go through
 * the tokenizer twice, as sacreBLEU's reference caching does. Defaults are sacreBLEU's: all four options off.
 *
 * <p>Lower is better; {@link Scorers#negatedTer()} negates the score so that it can rank like the other metrics. Instances
 * are immutable and thread-safe. Unlike sacreBLEU, inputs of unequal length are rejected instead of silently
 * truncated.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Ter {

    private static final Ter DEFAULTS = builder().build();

    private final boolean normalized;
    private final boolean noPunct;
    private final boolean asianSupport;
    private final boolean caseSensitive;
    private final TercomNormalizer normalizer;

    private Ter(Builder b) {
        this.normalized = b.normalized;
        this.noPunct = b.noPunct;
        this.asianSupport = b.asianSupport;
        this.caseSensitive = b.caseSensitive;
        this.normalizer = new TercomNormalizer(normalized, noPunct, asianSupport, caseSensitive);
    }

    /** A builder with sacreBLEU's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** TER with sacreBLEU's defaults (case-insensitive, not normalized, punctuation kept). */
    public static Ter defaults() {
        return DEFAULTS;
    }

    /**
     * TER of one hypothesis against its references ({@code TER(...).sentence_score}).
     *
     * @param hypothesis the hypothesis (may be empty)
     * @param references its references, at least one; an empty string is a valid reference
     * @return the score
     * @throws IllegalArgumentException when {@code references} is empty or holds null
     */
    public TerScore sentence(String hypothesis, List<String> references) {
        List<String> refs = SegmentReferences.sentence(hypothesis, references);
        double[] stats = new double[2];
        addSegmentStatistics(hypothesis, refs, stats);
        return compute(stats);
    }

    /**
     * Corpus TER ({@code TER(...).corpus_score}): edits and reference lengths of all segments summed.
     *
     * @param hypotheses       one hypothesis per segment
     * @param referenceStreams reference streams, each aligned with {@code hypotheses}; {@code null} = no reference
     *                         in that stream for that segment
     * @return the corpus score
     * @throws IllegalArgumentException when a list is empty, a stream's length differs from the number of
     *                                  hypotheses, a hypothesis is null, or a segment has no reference
     */
    public TerScore corpus(List<String> hypotheses, List<? extends List<? extends @Nullable String>> referenceStreams) {
        List<List<String>> segments = SegmentReferences.corpus(hypotheses, referenceStreams);
        double[] stats = new double[2];
        for (int i = 0; i < segments.size(); i++) {
            addSegmentStatistics(hypotheses.get(i), segments.get(i), stats);
        }
        return compute(stats);
    }

    private String preprocess(String segment) {
        return normalizer.normalize(SacrebleuStrings.rstrip(segment));
    }

    /** Adds {@code [best edits, average reference length]} of one segment to {@code stats}. */
    private void addSegmentStatistics(String hypothesis, List<String> references, double[] stats) {
        NgramIds ids = new NgramIds(hypothesis.length() / 4, 0);
        int[] hyp = ids.splitTokenIds(preprocess(hypothesis));
        long best = Long.MAX_VALUE;
        long refLengths = 0;
        for (String reference : references) {
            int[] ref = ids.splitTokenIds(preprocess(preprocess(reference)));
            int edits = TercomShifts.numEdits(hyp, ref);
            refLengths += ref.length;
            best = Math.min(best, edits);
        }
        stats[0] += best;
        stats[1] += (double) refLengths / references.size();
    }

    private static TerScore compute(double[] stats) {
        double totalEdits = stats[0];
        double sumRefLengths = stats[1];
        double score;
        if (sumRefLengths > 0) {
            score = totalEdits / sumRefLengths;
        } else if (totalEdits > 0) {
            score = 1.0;
        } else {
            score = 0.0;
        }
        return new TerScore(100 * score, (long) totalEdits, sumRefLengths);
    }

    @Override
    public String toString() {
        return "Ter[normalized=" + normalized + ", noPunct=" + noPunct + ", asianSupport=" + asianSupport
                + ", caseSensitive=" + caseSensitive + "]";
    }

    /** Configures a {@link Ter}; reusable, not thread-safe. */
    public static final class Builder {
        private boolean normalized;
        private boolean noPunct;
        private boolean asianSupport;
        private boolean caseSensitive;

        private Builder() {
        }

        /**
         * Whether to normalize like Tercom (XML escapes, punctuation split off); default {@code false}.
         *
         * @param normalized true to normalize
         * @return this builder
         */
        public Builder normalized(boolean normalized) {
            this.normalized = normalized;
            return this;
        }

        /**
         * Whether to remove punctuation ({@code . , ? : ; ! " ( )}, plus CJK punctuation with asian support);
         * default {@code false}.
         *
         * @param noPunct true to remove punctuation
         * @return this builder
         */
        public Builder noPunct(boolean noPunct) {
            this.noPunct = noPunct;
            return this;
        }

        /**
         * Whether to treat CJK text specially: split CJK characters (with {@code normalized}) and remove CJK
         * punctuation (with {@code noPunct}); has no effect without one of them; default {@code false}.
         *
         * @param asianSupport true for CJK support
         * @return this builder
         */
        public Builder asianSupport(boolean asianSupport) {
            this.asianSupport = asianSupport;
            return this;
        }

        /**
         * Whether case matters; default {@code false} (everything is lowercased first).
         *
         * @param caseSensitive true for case-sensitive TER
         * @return this builder
         */
        public Builder caseSensitive(boolean caseSensitive) {
            this.caseSensitive = caseSensitive;
            return this;
        }

        /** A TER metric with this configuration. */
        public Ter build() {
            return new Ter(this);
        }
    }
}
