package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * Multiple-comparison adjustments of p-values, exactly as statsmodels' {@code multipletests} (0.15) computes them:
 * adjusted p-values in input order, capped at 1.
 *
 * <p>Post-hoc tests adjust the k(k−1)/2 pairwise p-values of the upper triangle (i &lt; j, row-major) as one family,
 * as scikit-posthocs does. Holm is the RAQ paper's choice. Thread-safe: every method is a pure function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PAdjust {
    /** No adjustment: the raw p-values. */
    NONE("none"),
    /** Bonferroni: {@code min(1, m·p)}. Controls the family-wise error rate; conservative. */
    BONFERRONI("bonferroni"),
    /** Šidák: {@code 1 − (1 − p)^m}. Family-wise, for independent tests. */
    SIDAK("sidak"),
    /** Holm–Šidák step-down. Family-wise, for independent tests; uniformly more powerful than Šidák. */
    HOLM_SIDAK("holm-sidak"),
    /** Holm step-down (Holm–Bonferroni). Family-wise under any dependence; the RAQ paper's choice. */
    HOLM("holm"),
    /** Simes–Hochberg step-up. Family-wise, for independent or positively dependent tests. */
    SIMES_HOCHBERG("simes-hochberg"),
    /** Hommel's closed method. Family-wise; more powerful than Hochberg. O(m²) in the family size. */
    HOMMEL("hommel"),
    /** Benjamini–Hochberg. Controls the false discovery rate for independent or positively dependent tests. */
    FDR_BH("fdr_bh"),
    /** Benjamini–Yekutieli. Controls the false discovery rate under any dependence. */
    FDR_BY("fdr_by");

    private final String statsmodelsName;

    PAdjust(String statsmodelsName) {
        this.statsmodelsName = statsmodelsName;
    }

    /** The method's name in statsmodels and scikit-posthocs ({@code "holm"}, {@code "fdr_bh"} …). */
    public String statsmodelsName() {
        return statsmodelsName;
    }

    /**
     * The method with this statsmodels / scikit-posthocs name (case-insensitive); {@code null} or {@code "none"}
     * mean {@link #NONE}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static PAdjust fromName(String name) {
        if (name == null) {
            return NONE;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PAdjust a : values()) {
            if (a.statsmodelsName.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown p-value adjustment '" + name + "'; known: none, bonferroni, "
                + "sidak, holm-sidak, holm, simes-hochberg, hommel, fdr_bh, fdr_by");
    }

    /**
     * Adjusts a family of p-values.
     *
     * @param pValues the raw p-values, each in [0, 1]; may be empty
     * @return a new array of adjusted p-values in input order, each in [0, 1]
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]
     */
    public double[] adjust(double[] pValues) {
        return test(pValues, 0.05).adjusted();
    }

    /**
     * Adjusts a family of p-values and decides which hypotheses are rejected at family level {@code alpha},
     * as {@code multipletests(pvals, alpha, method)}.
     *
     * @param pValues the raw p-values, each in [0, 1]; may be empty
     * @param alpha   the family-wise error rate or false discovery rate, in (0, 1)
     * @return the adjusted p-values, the rejections and the Šidák and Bonferroni per-test levels
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1], or alpha is outside (0, 1)
     */
    public MultipleTestResult test(double[] pValues, double alpha) {
        Objects.requireNonNull(pValues, "pValues");
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1] but was " + p);
            }
        }
        int m = pValues.length;
        double alphacSidak = m == 0 ? Double.NaN : -Math.expm1(Math.log1p(-alpha) / m);
        double alphacBonf = m == 0 ? Double.NaN : alpha / m;
        if (m == 0) {
            return new MultipleTestResult(this, alpha, new double[0], new boolean[0], alphacSidak, alphacBonf);
        }
        int[] order = Ranks.sortedOrder(pValues);
        double[] p = new double[m];
        for (int r = 0; r < m; r++) {
            p[r] = pValues[order[r]];
        }
        double[] adj = new double[m];
        boolean[] reject = new boolean[m];
        switch (this) {
            case NONE:
                System.arraycopy(p, 0, adj, 0, m);
                thresholdReject(adj, alpha, reject);
                break;
            case BONFERRONI:
                for (int r = 0; r < m; r++) {
                    adj[r] = p[r] * m;
                    reject[r] = p[r] <= alphacBonf;
                }
                break;
            case SIDAK:
                for (int r = 0; r < m; r++) {
                    adj[r] = -Math.expm1(m * Math.log1p(-p[r]));
                    reject[r] = p[r] <= alphacSidak;
                }
                break;
            case HOLM_SIDAK: {
                double running = 0;
                for (int r = 0; r < m; r++) {
                    running = Math.max(running, -Math.expm1((m - r) * Math.log1p(-p[r])));
                    adj[r] = running;
                    reject[r] = !(p[r] > -Math.expm1(Math.log1p(-alpha) / (m - r)));
                }
                stepDown(reject);
                break;
            }
            case HOLM: {
                double running = 0;
                for (int r = 0; r < m; r++) {
                    running = Math.max(running, p[r] * (m - r));
                    adj[r] = running;
                    reject[r] = !(p[r] > alpha / (m - r));
                }
                stepDown(reject);
                break;
            }
            case SIMES_HOCHBERG: {
                int lastReject = -1;
                for (int r = 0; r < m; r++) {
                    if (p[r] <= alpha / (m - r)) {
                        lastReject = r;
                    }
                }
                for (int r = 0; r <= lastReject; r++) {
                    reject[r] = true;
                }
                double running = Double.POSITIVE_INFINITY;
                for (int r = m - 1; r >= 0; r--) {
                    running = Math.min(running, (m - r) * p[r]);
                    adj[r] = running;
                }
                break;
            }
            case HOMMEL:
                hommel(p, adj);
                thresholdReject(adj, alpha, reject);
                break;
            case FDR_BH:
            case FDR_BY: {
                double cm = 1;
                if (this == FDR_BY) {
                    cm = 0;
                    for (int i = 1; i <= m; i++) {
                        cm += 1.0 / i;
                    }
                }
                int lastReject = -1;
                for (int r = 0; r < m; r++) {
                    double factor = (r + 1.0) / m / cm;
                    if (p[r] <= factor * alpha) {
                        lastReject = r;
                    }
                }
                for (int r = 0; r <= lastReject; r++) {
                    reject[r] = true;
                }
                double running = Double.POSITIVE_INFINITY;
                for (int r = m - 1; r >= 0; r--) {
                    double factor = (r + 1.0) / m / cm;
                    running = Math.min(running, p[r] / factor);
                    adj[r] = running;
                }
                break;
            }
            default:
                throw new AssertionError(this);
        }
        double[] adjusted = new double[m];
        boolean[] rejected = new boolean[m];
        for (int r = 0; r < m; r++) {
            adjusted[order[r]] = Math.min(1.0, adj[r]);
            rejected[order[r]] = reject[r];
        }
        return new MultipleTestResult(this, alpha, adjusted, rejected, alphacSidak, alphacBonf);
    }

    /** Step-down rule: once a hypothesis is not rejected, no later (larger) one is. */
    private static void stepDown(boolean[] reject) {
        for (int r = 0; r < reject.length; r++) {
            if (!reject[r]) {
                for (int s = r; s < reject.length; s++) {
                    reject[s] = false;
                }
                return;
            }
        }
    }

    private static void thresholdReject(double[] adj, double alpha, boolean[] reject) {
        for (int r = 0; r < adj.length; r++) {
            reject[r] = adj[r] <= alpha;
        }
    }

    /** Hommel's adjustment on ascending p-values, as statsmodels computes it (O(m²)). */
    private static void hommel(double[] p, double[] adj) {
        int m = p.length;
        System.arraycopy(p, 0, adj, 0, m);
        for (int size = m; size >= 2; size--) {
            // the last `size` sorted p-values: indices m-size .. m-1
            double cim = Double.POSITIVE_INFINITY;
            for (int j = 0; j < size; j++) {
                cim = Math.min(cim, size * p[m - size + j] / (j + 1.0));
            }
            for (int r = m - size; r < m; r++) {
                adj[r] = Math.max(adj[r], cim);
            }
            for (int r = 0; r < m - size; r++) {
                adj[r] = Math.max(adj[r], Math.min(size * p[r], cim));
            }
        }
    }
}
