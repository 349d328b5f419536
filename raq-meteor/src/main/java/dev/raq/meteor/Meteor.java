package dev.raq.meteor;

import dev.raq.metrics.PorterStemmer;
import dev.raq.metrics.PythonText;

import dev.raq.commons.Preconditions;
import dev.raq.metrics.AnswerScorer;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * METEOR (Banerjee and Lavie, 2005; Lavie and Agarwal, 2007) exactly as NLTK 3.8's
 * {@code nltk.translate.meteor_score.meteor_score} and {@code single_meteor_score} compute it with WordNet 3.0 and
 * their defaults (alpha 0.9, beta 3, gamma 0.5).
 *
 * <p>Each text is split on whitespace as Python's {@code str.split()} does (punctuation stays attached to its word)
 * and each token is lowercased as {@code str.lower()} does. Hypothesis words are then aligned with reference words in
 * three stages, each aligning only the words that are still unaligned: identical words, then words with the same
 * Porter stem (NLTK's {@code PorterStemmer}), then words where the reference word is a lemma name of a WordNet synset
 * of the hypothesis word. Within a stage NLTK's greedy order is kept, because it decides the chunk count: hypothesis
 * words from the last to the first, each taking the last unaligned reference word that fits. With {@code m} aligned
 * words, precision {@code P = m / hypothesis length}, recall {@code R = m / reference length}, and the aligned words
 * forming {@code ch} runs that are contiguous on both sides, the score is
 * {@code (1 - gamma * (ch / m)^beta) * P * R / (alpha * P + (1 - alpha) * R)}; it is 0 when nothing aligns or a text
 * has no word. Against several references the best score counts.
 *
 * <p><b>An NLTK quirk, reproduced on purpose.</b> NLTK's stem stage replaces the unaligned words of both sides by
 * their stems, so the WordNet stage looks up stems: "big" does not match "large", because the reference word has
 * become "larg" by then, while "fast" still matches "quick". Scores therefore equal NLTK's, not those of the
 * original METEOR tool.
 *
 * <pre>{@code
 * double s = Meteor.defaults().score(List.of("the cat sat on the mat"), "the cat was sitting on the mat");  // 0.7934
 * AnswerScorer judgeMetric = Meteor.scorer();
 * }</pre>
 *
 * <p>WordNet (extJWNL with the Princeton WordNet 3.0 files of {@code net.sf.extjwnl:extjwnl-data-wn30}) is loaded
 * from the class path once, on the first score that needs a synonym (about half a second), and then holds 50 to 70 MB
 * of heap with its caches; texts whose words all align exactly or by stem never load it. Instances are immutable and
 * thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Meteor {

    /** NLTK's default weight of precision against recall in the harmonic mean. */
    public static final double DEFAULT_ALPHA = 0.9;
    /** NLTK's default exponent of the fragmentation penalty. */
    public static final double DEFAULT_BETA = 3.0;
    /** NLTK's default weight of the fragmentation penalty. */
    public static final double DEFAULT_GAMMA = 0.5;

    /** Up to this many reference words, a stage scans the reference instead of indexing its words. */
    private static final int SCAN_LIMIT = 32;

    private static final Meteor DEFAULTS = builder().build();

    private final double alpha;
    private final double beta;
    private final double gamma;

    private Meteor(Builder builder) {
        this.alpha = builder.alpha;
        this.beta = builder.beta;
        this.gamma = builder.gamma;
    }

    /** METEOR with NLTK's defaults: alpha 0.9, beta 3, gamma 0.5. */
    public static Meteor defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from NLTK's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * METEOR with NLTK's defaults as an {@link AnswerScorer} named {@code "meteor"}: the best score over the sample's
     * references, in [0, 1].
     */
    public static AnswerScorer scorer() {
        return DEFAULTS.asScorer();
    }

    /**
     * This configuration as an {@link AnswerScorer} named {@code "meteor"}: {@link #score(List, String)} of the
     * answer against the sample's references.
     */
    public AnswerScorer asScorer() {
        return new Scorer(this);
    }

    /**
     * The best METEOR score of {@code hypothesis} over {@code references} (NLTK's {@code meteor_score}).
     *
     * @param references the reference texts, at least one; an empty text is allowed and scores 0
     * @param hypothesis the hypothesis text; an empty one scores 0
     * @return the highest {@link #single(String, String)} score, in [0, 1]
     * @throws IllegalArgumentException when {@code references} is empty or holds null (NLTK raises on an empty list
     *                                  too)
     */
    public double score(List<String> references, String hypothesis) {
        checkReferences(references);
        Objects.requireNonNull(hypothesis, "hypothesis");
        String[] hypothesisWords = words(hypothesis);
        double best = 0.0;
        for (String reference : references) {
            best = Math.max(best, align(words(reference), hypothesisWords.clone()));
        }
        return best;
    }

    /**
     * The METEOR score of {@code hypothesis} against one reference (NLTK's {@code single_meteor_score}).
     *
     * @param reference  the reference text
     * @param hypothesis the hypothesis text
     * @return the score in [0, 1]; 0 when no word aligns or either text has no word
     */
    public double single(String reference, String hypothesis) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(hypothesis, "hypothesis");
        return align(words(reference), words(hypothesis));
    }

    /** The weight of precision against recall, in [0, 1]; default {@value #DEFAULT_ALPHA}. */
    public double alpha() {
        return alpha;
    }

    /** The exponent of the fragmentation penalty, at least 0; default {@value #DEFAULT_BETA}. */
    public double beta() {
        return beta;
    }

    /** The weight of the fragmentation penalty, in [0, 1]; default {@value #DEFAULT_GAMMA}. */
    public double gamma() {
        return gamma;
    }

    @Override
    public String toString() {
        return "Meteor{alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + "}";
    }

    private static String[] words(String text) {
        List<String> tokens = PythonText.split(text);
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = PythonText.lower(tokens.get(i));
        }
        return words;
    }

    /**
     * Aligns the words in NLTK's three stages and scores the alignment. Both arrays are overwritten (the unaligned
     * words by their stems).
     */
    private double align(String[] ref, String[] hyp) {
        if (hyp.length == 0 || ref.length == 0) {
            return 0.0;
        }
        int[] hypToRef = new int[hyp.length];
        Arrays.fill(hypToRef, -1);
        boolean[] refAligned = new boolean[ref.length];
        int possible = Math.min(hyp.length, ref.length);

        int matches = alignEqual(hyp, ref, hypToRef, refAligned);
        if (matches < possible) {
            for (int i = 0; i < hyp.length; i++) {
                if (hypToRef[i] < 0) {
                    hyp[i] = PorterStemmer.stem(hyp[i]);
                }
            }
            for (int j = 0; j < ref.length; j++) {
                if (!refAligned[j]) {
                    ref[j] = PorterStemmer.stem(ref[j]);
                }
            }
            matches += alignEqual(hyp, ref, hypToRef, refAligned);
            if (matches < possible) {
                matches += alignSynonyms(hyp, ref, hypToRef, refAligned, possible - matches);
            }
        }
        if (matches == 0) {
            return 0.0;
        }

        int chunks = 1;
        int previous = -1;
        for (int i = 0; i < hyp.length; i++) {
            int j = hypToRef[i];
            if (j < 0) {
                continue;
            }
            if (previous >= 0 && !(i == previous + 1 && j == hypToRef[previous] + 1)) {
                chunks++;
            }
            previous = i;
        }

        // NLTK's arithmetic, operation for operation
        double precision = (double) matches / hyp.length;
        double recall = (double) matches / ref.length;
        double fmean = (precision * recall) / (alpha * precision + (1 - alpha) * recall);
        double fragmentation = (double) chunks / matches;
        double penalty = gamma * Math.pow(fragmentation, beta);
        return (1 - penalty) * fmean;
    }

    /**
     * One exact-equality stage: every unaligned hypothesis word, from the last, takes the last unaligned reference
     * word equal to it.
     *
     * @return the number of words aligned
     */
    private static int alignEqual(String[] hyp, String[] ref, int[] hypToRef, boolean[] refAligned) {
        int aligned = 0;
        if (ref.length <= SCAN_LIMIT) {
            for (int i = hyp.length - 1; i >= 0; i--) {
                if (hypToRef[i] >= 0) {
                    continue;
                }
                for (int j = ref.length - 1; j >= 0; j--) {
                    if (!refAligned[j] && ref[j].equals(hyp[i])) {
                        hypToRef[i] = j;
                        refAligned[j] = true;
                        aligned++;
                        break;
                    }
                }
            }
            return aligned;
        }
        // long texts: the unaligned positions of each reference word, ascending; the last one is taken first
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int j = 0; j < ref.length; j++) {
            if (!refAligned[j]) {
                positions.computeIfAbsent(ref[j], w -> new ArrayList<>()).add(j);
            }
        }
        for (int i = hyp.length - 1; i >= 0; i--) {
            if (hypToRef[i] >= 0) {
                continue;
            }
            List<Integer> open = positions.get(hyp[i]);
            if (open != null && !open.isEmpty()) {
                int j = open.remove(open.size() - 1);
                hypToRef[i] = j;
                refAligned[j] = true;
                aligned++;
            }
        }
        return aligned;
    }

    /**
     * The WordNet stage: every unaligned hypothesis (stemmed) word, from the last, takes the last unaligned reference
     * (stemmed) word that is one of its synonyms.
     *
     * @return the number of words aligned
     */
    private static int alignSynonyms(String[] hyp, String[] ref, int[] hypToRef, boolean[] refAligned, int open) {
        WordNet wordNet = WordNet.get();
        int aligned = 0;
        for (int i = hyp.length - 1; i >= 0 && aligned < open; i--) {
            if (hypToRef[i] >= 0) {
                continue;
            }
            Set<String> synonyms = wordNet.synonyms(hyp[i]);
            if (synonyms.isEmpty()) {
                continue;
            }
            for (int j = ref.length - 1; j >= 0; j--) {
                if (!refAligned[j] && (ref[j].equals(hyp[i]) || synonyms.contains(ref[j]))) {
                    hypToRef[i] = j;
                    refAligned[j] = true;
                    aligned++;
                    break;
                }
            }
        }
        return aligned;
    }

    private static void checkReferences(List<String> references) {
        Objects.requireNonNull(references, "references");
        Preconditions.checkArgument(!references.isEmpty(), "references is empty: at least one reference is needed");
        for (int i = 0; i < references.size(); i++) {
            int index = i;
            Preconditions.checkArgument(references.get(i) != null, () -> "references[" + index + "] is null");
        }
    }

    /** A METEOR configuration as a named {@link AnswerScorer}. */
    private static final class Scorer implements AnswerScorer {
        private final Meteor meteor;

        Scorer(Meteor meteor) {
            this.meteor = meteor;
        }

        @Override
        public double score(String answer, List<String> references) {
            return meteor.score(references, answer);
        }

        @Override
        public String name() {
            return "meteor";
        }

        @Override
        public String toString() {
            return "meteor(alpha=" + meteor.alpha + ", beta=" + meteor.beta + ", gamma=" + meteor.gamma + ")";
        }
    }

    /** Builds a {@link Meteor}; setters reject values outside their range at once. Reusable. */
    public static final class Builder {
        private double alpha = DEFAULT_ALPHA;
        private double beta = DEFAULT_BETA;
        private double gamma = DEFAULT_GAMMA;

        private Builder() {
        }

        /**
         * The weight of precision against recall in {@code P * R / (alpha * P + (1 - alpha) * R)}; default
         * {@value Meteor#DEFAULT_ALPHA}.
         *
         * @param alpha in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException when {@code alpha} is outside [0, 1] or NaN
         */
        public Builder alpha(double alpha) {
            Preconditions.checkArgument(alpha >= 0 && alpha <= 1, () -> "alpha must be in [0, 1] but was " + alpha);
            this.alpha = alpha;
            return this;
        }

        /**
         * The exponent of the fragmentation penalty {@code gamma * (chunks / matches)^beta}; default
         * {@value Meteor#DEFAULT_BETA}.
         *
         * @param beta at least 0 and finite
         * @return this builder
         * @throws IllegalArgumentException when {@code beta} is negative, infinite or NaN
         */
        public Builder beta(double beta) {
            Preconditions.checkArgument(beta >= 0 && beta < Double.POSITIVE_INFINITY,
                    () -> "beta must be >= 0 and finite but was " + beta);
            this.beta = beta;
            return this;
        }

        /**
         * The weight of the fragmentation penalty; default {@value Meteor#DEFAULT_GAMMA}.
         *
         * @param gamma in [0, 1] (1 lets a fully fragmented alignment score 0)
         * @return this builder
         * @throws IllegalArgumentException when {@code gamma} is outside [0, 1] or NaN
         */
        public Builder gamma(double gamma) {
            Preconditions.checkArgument(gamma >= 0 && gamma <= 1, () -> "gamma must be in [0, 1] but was " + gamma);
            this.gamma = gamma;
            return this;
        }

        /** A METEOR metric with this configuration. */
        public Meteor build() {
            return new Meteor(this);
        }
    }
}
