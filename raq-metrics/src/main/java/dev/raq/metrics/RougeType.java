package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * A ROUGE variant, named as rouge-score names it: {@code rouge1}, {@code rouge2}, … (n-gram overlap),
 * {@code rougeL} (longest common subsequence of the whole texts) and {@code rougeLsum} (summary-level union LCS
 * over newline-separated sentences).
 *
 * <p>Immutable; equal types are {@code equals}. Use the constants, {@link #rougeN(int)} or {@link #of(String)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RougeType {

    private static final int LCS = 0;
    private static final int LCS_SUM = -1;

    /** Unigram overlap, rouge-score's {@code rouge1}. */
    public static final RougeType ROUGE_1 = new RougeType(1);
    /** Bigram overlap, rouge-score's {@code rouge2}. */
    public static final RougeType ROUGE_2 = new RougeType(2);
    /** Sentence-level longest common subsequence, rouge-score's {@code rougeL}. */
    public static final RougeType ROUGE_L = new RougeType(LCS);
    /** Summary-level union LCS over newline-separated sentences, rouge-score's {@code rougeLsum}. */
    public static final RougeType ROUGE_LSUM = new RougeType(LCS_SUM);

    /** The n-gram order, or {@link #LCS} / {@link #LCS_SUM}. */
    private final int order;

    private RougeType(int order) {
        this.order = order;
    }

    /**
     * The n-gram variant ROUGE-{@code n}.
     *
     * @param n the n-gram order, at least 1 (rouge-score's names reach 9; larger orders work the same way)
     * @return the type
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static RougeType rougeN(int n) {
        Preconditions.checkArgument(n >= 1, () -> "n must be at least 1 but was " + n);
        return n == 1 ? ROUGE_1 : n == 2 ? ROUGE_2 : new RougeType(n);
    }

    /**
     * The type with rouge-score's name: {@code "rougeL"}, {@code "rougeLsum"} or {@code "rouge"} followed by a
     * positive n-gram order such as {@code "rouge1"}.
     *
     * @param name the name, case-sensitive as in rouge-score
     * @return the type
     * @throws IllegalArgumentException for any other name (rouge-score raises ValueError for them)
     */
    public static RougeType of(String name) {
        java.util.Objects.requireNonNull(name, "name");
        if (name.equals("rougeL")) {
            return ROUGE_L;
        }
        if (name.equals("rougeLsum")) {
            return ROUGE_LSUM;
        }
        if (name.startsWith("rouge") && name.length() > 5 && name.length() <= 9) {
            String digits = name.substring(5);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9') && Integer.parseInt(digits) > 0) {
                return rougeN(Integer.parseInt(digits));
            }
        }
        throw new IllegalArgumentException("name must be rougeL, rougeLsum or rouge<n> with n >= 1 but was '"
                + name + "'");
    }

    /** The rouge-score name of this type, such as {@code "rouge2"} or {@code "rougeLsum"}. */
    public String name() {
        return order == LCS ? "rougeL" : order == LCS_SUM ? "rougeLsum" : "rouge" + order;
    }

    /** The n-gram order of a ROUGE-N type, or 0 for ROUGE-L and ROUGE-Lsum. */
    public int ngramOrder() {
        return Math.max(order, 0);
    }

    boolean isLcs() {
        return order == LCS;
    }

    boolean isLcsSum() {
        return order == LCS_SUM;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RougeType && ((RougeType) other).order == order;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(order);
    }

    /** The rouge-score name, as {@link #name()}. */
    @Override
    public String toString() {
        return name();
    }
}
