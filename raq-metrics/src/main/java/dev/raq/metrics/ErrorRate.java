package dev.raq.metrics;

import dev.raq.metrics.IdMaps.StringIds;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * Word and character error rates: the Levenshtein distance between hypothesis and reference divided by the
 * reference length, with the substitution, deletion and insertion counts of the alignment.
 *
 * <p>{@link #WER} compares words, split on any Unicode whitespace as Python's {@code str.split()} does, and is
 * case- and punctuation-sensitive (normalize beforehand if you want otherwise); {@link #CER} compares Unicode code
 * points of the text as given, spaces included (no stripping). The rate is the textbook definition; no reference
 * implementation is matched bit for bit. Where several minimal alignments exist, the counts follow one fixed
 * preference (a match or substitution, then a deletion, then an insertion at every step of the dynamic programme),
 * so S, D and I are deterministic although another tool may split the same distance differently. Lower rates are
 * better; {@link Scorers#errorRate(ErrorRate)} turns them into a higher-is-better score. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ErrorRate {

    /** Word error rate: words are maximal runs of non-whitespace. */
    WER {
        @Override
        int[][] units(String reference, String hypothesis) {
            StringIds ids = new StringIds(32);
            return new int[][] {words(reference, ids), words(hypothesis, ids)};
        }
    },

    /** Character error rate over Unicode code points. */
    CER {
        @Override
        int[][] units(String reference, String hypothesis) {
            return new int[][] {reference.codePoints().toArray(), hypothesis.codePoints().toArray()};
        }
    };

    abstract int[][] units(String reference, String hypothesis);

    /**
     * The edit counts of a minimal alignment of {@code hypothesis} to {@code reference}.
     *
     * @param reference  the reference text, possibly empty
     * @param hypothesis the text being scored, possibly empty
     * @return substitutions, deletions, insertions and the reference length in this rate's units
     */
    public EditCounts align(String reference, String hypothesis) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(hypothesis, "hypothesis");
        int[][] units = units(reference, hypothesis);
        return Levenshtein.align(units[0], units[1]);
    }

    /**
     * The error rate of {@code hypothesis} against {@code reference}: (S + D + I) / N.
     *
     * @param reference  the reference text
     * @param hypothesis the text being scored
     * @return the rate, 0 for a perfect hypothesis; can exceed 1
     * @throws IllegalStateException if the reference has no units and the hypothesis has some (undefined rate)
     */
    public double rate(String reference, String hypothesis) {
        return align(reference, hypothesis).rate();
    }

    /**
     * The corpus-level counts: the sum over segments of each segment's counts, whose {@link EditCounts#rate()} is
     * the corpus error rate (total edits over total reference length), as jiwer computes it for lists.
     *
     * @param references the reference of each segment
     * @param hypotheses the hypothesis of each segment, parallel to {@code references}
     * @return the summed counts
     * @throws IllegalArgumentException if the lists differ in length or hold a null (named by index)
     */
    public EditCounts corpus(List<String> references, List<String> hypotheses) {
        Checks.sameSize(references, "references", hypotheses, "hypotheses");
        EditCounts total = new EditCounts(0, 0, 0, 0);
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) == null) {
                throw new IllegalArgumentException("references[" + i + "] is null");
            }
            if (hypotheses.get(i) == null) {
                throw new IllegalArgumentException("hypotheses[" + i + "] is null");
            }
            total = total.plus(align(references.get(i), hypotheses.get(i)));
        }
        return total;
    }

    private static int[] words(String text, StringIds ids) {
        int[] out = new int[8];
        int count = 0;
        int start = -1;
        int length = text.length();
        for (int i = 0; i <= length; ) {
            int cp = i < length ? text.codePointAt(i) : ' ';
            boolean space = PythonText.isSpace(cp);
            if (space && start >= 0) {
                if (count == out.length) {
                    out = java.util.Arrays.copyOf(out, count * 2);
                }
                out[count++] = ids.idOf(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += i < length ? Character.charCount(cp) : 1;
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
