package dev.raq.core.significance;

import dev.raq.commons.Preconditions;
import dev.raq.core.internal.MarkdownText;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link SignificanceTest}: the omnibus result where the test has one, and a verdict for every pair
 * of candidates at the chosen alpha. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SignificanceResult {

    private final String test;
    private final List<String> candidates;
    private final double alpha;
    private final @Nullable Omnibus omnibus;
    private final List<PairComparison> pairs;
    private final int observations;
    private final List<String> notes;

    /**
     * A result without notes, whose pairs rest on every observation.
     *
     * @throws IllegalArgumentException as {@link #SignificanceResult(String, List, double, Omnibus, List, int, List)}
     */
    public SignificanceResult(String test, List<String> candidates, double alpha, @Nullable Omnibus omnibus,
                              List<PairComparison> pairs) {
        this(test, candidates, alpha, omnibus, pairs, pairs.stream().mapToInt(PairComparison::n).max().orElse(0),
                List.of());
    }

    /**
     * @param test       the test's name, such as {@code "Dunn (holm)"}
     * @param candidates the compared candidates, in report order; at least two
     * @param alpha      the significance level, in (0, 1)
     * @param omnibus    the omnibus result, or null for tests without one
     * @param pairs      one comparison for every unordered pair of candidates
     * @param observations the observations the test was given; a pair whose {@link PairComparison#n()} is smaller
     *                   rests on fewer (complete blocks only, or the samples that rank both)
     * @param notes      what a reader must know about the test (a caution about its validity), in sentences
     * @throws IllegalArgumentException if alpha is outside (0, 1), or pairs do not cover every pair exactly once
     */
    public SignificanceResult(String test, List<String> candidates, double alpha, @Nullable Omnibus omnibus,
                              List<PairComparison> pairs, int observations, List<String> notes) {
        this.test = Objects.requireNonNull(test, "test");
        this.candidates = List.copyOf(candidates);
        Preconditions.checkArgument(this.candidates.size() >= 2, "a significance result needs at least two candidates");
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
        this.alpha = alpha;
        this.omnibus = omnibus;
        this.pairs = List.copyOf(pairs);
        this.observations = observations;
        this.notes = List.copyOf(notes);
        int k = this.candidates.size();
        if (this.pairs.size() != k * (k - 1) / 2) {
            throw new IllegalArgumentException("expected " + k * (k - 1) / 2 + " pair comparisons for " + k
                    + " candidates but got " + this.pairs.size());
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pair(this.candidates.get(i), this.candidates.get(j));
            }
        }
    }

    /** The test's name. */
    public String test() {
        return test;
    }

    /** The compared candidates, in report order. */
    public List<String> candidates() {
        return candidates;
    }

    /** The significance level. */
    public double alpha() {
        return alpha;
    }

    /** The omnibus result, for tests that have one. */
    public Optional<Omnibus> omnibus() {
        return Optional.ofNullable(omnibus);
    }

    /** One comparison for every unordered pair. */
    public List<PairComparison> pairs() {
        return pairs;
    }

    /** The observations the test was given (see each pair's {@link PairComparison#n()} for what it rests on). */
    public int observations() {
        return observations;
    }

    /** What a reader must know about the test, such as a caution about its validity on these data. */
    public List<String> notes() {
        return notes;
    }

    /** The comparisons that are significant at alpha. */
    public List<PairComparison> significantPairs() {
        return pairs.stream().filter(PairComparison::significant).toList();
    }

    /**
     * The comparison of {@code a} and {@code b}, in either order.
     *
     * @throws IllegalArgumentException if there is no such pair
     */
    public PairComparison pair(String a, String b) {
        for (PairComparison p : pairs) {
            if (p.concerns(a, b)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no comparison of '" + a + "' and '" + b + "' in " + test);
    }

    /** The (adjusted) p-value of {@code a} vs {@code b}. */
    public double pValue(String a, String b) {
        return pair(a, b).pValue();
    }

    /** Whether {@code a} and {@code b} differ at alpha. */
    public boolean isSignificant(String a, String b) {
        return pair(a, b).significant();
    }

    /**
     * The result as a reader wants it in a terminal or a pull request: the test, alpha and omnibus on one line, then
     * a Markdown table with every pair's p-value, verdict and favoured candidate.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(test).append(" at alpha ").append(PValues.decimal(alpha, 3));
        if (omnibus != null) {
            sb.append(omnibus.defined() ? String.format(Locale.ROOT, "; %s statistic %.4f, p = %s, %s %.3f",
                    omnibus.test(), omnibus.statistic(), PValues.format(omnibus.pValue()),
                    omnibus.test().startsWith("Friedman") ? "Kendall's W" : "epsilon²", omnibus.effectSize())
                    : "; " + omnibus.test() + " undefined for these rankings");
        }
        sb.append('.');
        int fewest = pairs.stream().mapToInt(PairComparison::n).min().orElse(observations);
        if (fewest < observations) {
            sb.append(String.format(Locale.ROOT, " Of %d observations, some pairs rest on fewer (as few as %d): "
                    + "observations that miss a candidate are left out of its pairs.", observations, fewest));
        }
        for (String note : notes) {
            sb.append("\nNote: ").append(note).append('.');
        }
        sb.append("\n\n| Pair | p-value | Significant | Favoured | n |\n|---|---:|:---:|---|---:|\n");
        for (PairComparison p : pairs) {
            sb.append("| ").append(MarkdownText.escape(p.first())).append(" vs ").append(MarkdownText.escape(p.second()))
                    .append(" | ").append(PValues.format(p.pValue()))
                    .append(" | ").append(p.significant() ? "yes" : "no")
                    .append(" | ").append(p.better() == null ? "—" : MarkdownText.escape(p.better()))
                    .append(" | ").append(p.n()).append(" |\n");
        }
        return sb.toString();
    }
}
