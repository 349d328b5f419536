package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * Pass@k and pass^k of one problem from n sampled answers of which c are correct: the probability that at least one
 * (pass@k, the unbiased estimator of Chen et al. 2021, HumanEval's {@code estimate_pass_at_k}) or all
 * (pass^k, tau-bench's {@code C(c, k) / C(n, k)}) of k answers drawn without replacement are correct. Average over
 * problems for a benchmark's figure. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PassAtK {

    private PassAtK() {
    }

    /**
     * The probability that at least one of k answers drawn from the n is correct: {@code 1 − C(n − c, k) / C(n, k)},
     * computed as HumanEval does, {@code 1 − ∏_{i=n−c+1}^{n} (1 − k/i)}, and 1 when {@code n − c < k}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1.0;
        }
        double prod = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            prod *= 1.0 - (double) k / i;
        }
        return 1.0 - prod;
    }

    /**
     * The probability that all k answers drawn from the n are correct: {@code C(c, k) / C(n, k)}, 0 when {@code c < k}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        if (c < k) {
            return 0.0;
        }
        java.math.BigInteger num = java.math.BigInteger.ONE;
        java.math.BigInteger den = java.math.BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            num = num.multiply(java.math.BigInteger.valueOf(c - i));
            den = den.multiply(java.math.BigInteger.valueOf(n - i));
        }
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL128)
                .doubleValue();
    }

    private static void check(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= k <= n but had n = " + n + ", c = " + c
                    + ", k = " + k);
        }
    }
}
