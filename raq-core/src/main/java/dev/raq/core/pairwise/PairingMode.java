package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which pairs of candidates a pairwise judge compares on each sample: every pair, or every candidate against one
 * baseline (the Arena-Hard and AlpacaEval set-up).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairingMode {

    private static final PairingMode ALL_PAIRS = new PairingMode(null);

    private final @Nullable String baseline;

    private PairingMode(@Nullable String baseline) {
        this.baseline = baseline;
    }

    /** Every unordered pair of candidates, k(k−1)/2 comparisons per sample. */
    public static PairingMode allPairs() {
        return ALL_PAIRS;
    }

    /**
     * Every other candidate against {@code baseline}, k−1 comparisons per sample; the baseline is shown first in the
     * first game.
     */
    public static PairingMode againstBaseline(String baseline) {
        Objects.requireNonNull(baseline, "baseline");
        Preconditions.checkArgument(!baseline.isBlank(), "baseline must not be blank");
        return new PairingMode(baseline);
    }

    /** The baseline, or null for all pairs. */
    public @Nullable String baseline() {
        return baseline;
    }

    /**
     * The pairs to compare among {@code candidates}, each as {first, second} with first shown as A in the first
     * game.
     *
     * @throws IllegalArgumentException if the baseline is not among the candidates
     */
    public List<String[]> pairs(List<String> candidates) {
        List<String[]> pairs = new ArrayList<>();
        if (baseline == null) {
            for (int i = 0; i < candidates.size(); i++) {
                for (int j = i + 1; j < candidates.size(); j++) {
                    pairs.add(new String[] {candidates.get(i), candidates.get(j)});
                }
            }
            return pairs;
        }
        if (!candidates.contains(baseline)) {
            throw new IllegalArgumentException("baseline '" + baseline + "' is not among the answering candidates "
                    + candidates);
        }
        for (String c : candidates) {
            if (!c.equals(baseline)) {
                pairs.add(new String[] {baseline, c});
            }
        }
        return pairs;
    }

    @Override
    public String toString() {
        return baseline == null ? "all pairs" : "against baseline '" + baseline + "'";
    }
}
