package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates the inputs of sentence- and corpus-level sacreBLEU metrics and regroups reference streams by segment.
 *
 * <p>As in sacreBLEU 2.6.0, a {@code null} entry of a reference stream means "no reference in this stream for this
 * segment" and is dropped, while an empty string is a valid (empty) reference.
 */
final class SegmentReferences {

    private SegmentReferences() {
    }

    /** Checks a sentence-level call and returns an immutable copy of {@code references}. */
    static List<String> sentence(String hypothesis, List<String> references) {
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(references, "references");
        Preconditions.checkArgument(!references.isEmpty(),
                "references is empty: a hypothesis needs at least one reference");
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) == null) {
                throw new IllegalArgumentException("references[" + i + "] is null");
            }
        }
        return List.copyOf(references);
    }

    /**
     * Checks a corpus-level call and returns, for every segment, its references (the non-null entries of the
     * streams at that index, in stream order).
     */
    static List<List<String>> corpus(List<String> hypotheses,
                                     List<? extends List<? extends @Nullable String>> referenceStreams) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        Objects.requireNonNull(referenceStreams, "referenceStreams");
        Preconditions.checkArgument(!hypotheses.isEmpty(), "hypotheses is empty");
        Preconditions.checkArgument(!referenceStreams.isEmpty(),
                "referenceStreams is empty: give at least one reference stream");
        int n = hypotheses.size();
        for (int i = 0; i < n; i++) {
            if (hypotheses.get(i) == null) {
                throw new IllegalArgumentException("hypotheses[" + i + "] is null");
            }
        }
        for (int s = 0; s < referenceStreams.size(); s++) {
            List<? extends @Nullable String> stream = referenceStreams.get(s);
            if (stream == null) {
                throw new IllegalArgumentException("referenceStreams[" + s + "] is null");
            }
            if (stream.size() != n) {
                throw new IllegalArgumentException("referenceStreams[" + s + "] has " + stream.size()
                    + " segments but hypotheses has " + n);
            }
        }
        List<List<String>> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> refs = new ArrayList<>(referenceStreams.size());
            for (List<? extends @Nullable String> stream : referenceStreams) {
                String ref = stream.get(i);
                if (ref != null) {
                    refs.add(ref);
                }
            }
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("segment " + i + " has no reference: referenceStreams[*][" + i
                    + "] are all null");
            }
            segments.add(refs);
        }
        return segments;
    }
}
