package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.hipparchus.special.Erf;

/**
 * The studentized range distribution with infinite degrees of freedom: the range of k independent standard normal
 * variables, which the Nemenyi and single-step Conover post-hoc tests refer their statistics to.
 *
 * <p>Matches {@code scipy.stats.studentized_range.sf(q, k, np.inf)} / {@code .cdf} (scipy 1.17); checked against
 * 50-digit quadrature to 1e-12 relative for p-values down to 1e-45 (1e-9 relative around 1e-99). Computed by
 * adaptive Gauss–Legendre quadrature of
 * {@code cdf(q) = k ∫ φ(z) [Φ(z) − Φ(z − q)]^(k−1) dz}. The survival function is integrated directly as
 * {@code k ∫ φ(z) Φ(z − q) Σ_j Φ(z)^j [Φ(z) − Φ(z − q)]^(k−2−j) dz}, a sum of positive terms, so small p-values
 * keep their relative precision (scipy subtracts two powers there and is accurate to about 2e-9 relative). Finite
 * degrees of freedom are not supported. Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StudentizedRange {

    /** Half-width of the integration window around q/2; outside it the integrand is below e^-100 of its mass. */
    private static final double HALF_WIDTH = 10;
    private static final int PANELS = 20;
    /** Target error relative to the whole integral. */
    private static final double RELATIVE_TOLERANCE = 1e-15;
    /** A panel whose two halves agree to this relative precision has reached rounding noise. */
    private static final double NOISE = 1e-13;
    private static final int MAX_DEPTH = 12;
    private static final int ORDER = 15;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    static {
        // Gauss–Legendre nodes on [-1, 1] by Newton's method on the Legendre polynomial P_ORDER.
        for (int i = 0; i < ORDER; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = x;
                for (int n = 2; n <= ORDER; n++) {
                    double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = ORDER * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-17) {
                    break;
                }
            }
            NODES[i] = x;
            WEIGHTS[i] = 2 / ((1 - x * x) * derivative * derivative);
        }
    }

    private StudentizedRange() {
    }

    /**
     * The survival function P(Q ≥ q) of the range Q of k standard normal variables.
     *
     * @param q the range; values ≤ 0 give 1, {@code +∞} gives 0
     * @param k the number of variables (groups), at least 2
     * @return the upper-tail probability in [0, 1], computed directly (not as 1 − cdf) so tiny values stay accurate
     * @throws IllegalArgumentException if q is NaN or k &lt; 2
     */
    public static double sf(double q, int k) {
        check(q, k);
        if (q <= 0) {
            return 1.0;
        }
        if (q == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return Math.min(1.0, integrate(q, k, true));
    }

    /**
     * The cumulative distribution function P(Q ≤ q) of the range Q of k standard normal variables.
     *
     * @param q the range; values ≤ 0 give 0, {@code +∞} gives 1
     * @param k the number of variables (groups), at least 2
     * @return the probability in [0, 1]
     * @throws IllegalArgumentException if q is NaN or k &lt; 2
     */
    public static double cdf(double q, int k) {
        check(q, k);
        if (q <= 0) {
            return 0.0;
        }
        if (q == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double upper = integrate(q, k, true);
        if (upper < 0.5) {
            return 1.0 - upper;
        }
        return Math.min(1.0, integrate(q, k, false));
    }

    private static void check(double q, int k) {
        if (Double.isNaN(q)) {
            throw new IllegalArgumentException("q must not be NaN");
        }
        Preconditions.checkArgument(k >= 2, () -> "k must be at least 2 but was " + k);
    }

    /** Integrates the sf ({@code upper}) or cdf integrand over the window around q/2, adaptively. */
    private static double integrate(double q, int k, boolean upper) {
        double lo = q / 2 - HALF_WIDTH;
        double width = 2 * HALF_WIDTH / PANELS;
        double[] panel = new double[PANELS];
        double total = 0;
        for (int p = 0; p < PANELS; p++) {
            double a = lo + p * width;
            panel[p] = rule(a, a + width, q, k, upper);
            total += panel[p];
        }
        if (total <= 0) {
            return 0.0;
        }
        double tolerance = RELATIVE_TOLERANCE * total / PANELS;
        double refined = 0;
        for (int p = 0; p < PANELS; p++) {
            double a = lo + p * width;
            // a panel below the tolerance cannot move the total by more than the tolerance: keep its estimate
            refined += Math.abs(panel[p]) <= tolerance ? panel[p]
                    : refine(a, a + width, panel[p], tolerance, q, k, upper, 0);
        }
        return refined;
    }

    private static double refine(double a, double b, double whole, double tolerance, double q, int k, boolean upper,
                                 int depth) {
        double mid = 0.5 * (a + b);
        double left = rule(a, mid, q, k, upper);
        double right = rule(mid, b, q, k, upper);
        double sum = left + right;
        double error = Math.abs(sum - whole);
        if (error <= tolerance || error <= NOISE * Math.abs(sum) || depth >= MAX_DEPTH) {
            return sum;
        }
        return refine(a, mid, left, tolerance / 2, q, k, upper, depth + 1)
                + refine(mid, b, right, tolerance / 2, q, k, upper, depth + 1);
    }

    /** The Gauss–Legendre rule on [a, b]. */
    private static double rule(double a, double b, double q, int k, boolean upper) {
        double half = 0.5 * (b - a);
        double center = 0.5 * (a + b);
        double sum = 0;
        for (int i = 0; i < ORDER; i++) {
            double z = center + half * NODES[i];
            sum += WEIGHTS[i] * (upper ? sfIntegrand(z, q, k) : cdfIntegrand(z, q, k));
        }
        return sum * half;
    }

    /** k φ(z) Φ(z−q) Σ_{j=0}^{k−2} Φ(z)^j [Φ(z) − Φ(z−q)]^(k−2−j), all terms non-negative. */
    private static double sfIntegrand(double z, double q, int k) {
        double zTail = tail(z);
        double shiftedTail = tail(z - q);
        double a = z < 0 ? zTail : 1 - zTail;
        double b = z - q < 0 ? shiftedTail : 1 - shiftedTail;
        double c = between(z - q, shiftedTail, z, zTail);
        double sum = 1;
        double cPower = 1;
        for (int m = 1; m <= k - 2; m++) {
            cPower *= c;
            sum = sum * a + cPower;
        }
        return k * density(z) * b * sum;
    }

    /** k φ(z) [Φ(z) − Φ(z−q)]^(k−1). */
    private static double cdfIntegrand(double z, double q, int k) {
        double c = between(z - q, tail(z - q), z, tail(z));
        double power = 1;
        for (int m = 1; m <= k - 1; m++) {
            power *= c;
        }
        return k * density(z) * power;
    }

    private static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** The smaller tail at x: Φ(x) for x &lt; 0, 1 − Φ(x) otherwise; accurate in relative terms. */
    private static double tail(double x) {
        return 0.5 * Erf.erfc(Math.abs(x) * SQRT_HALF);
    }

    /**
     * Φ(hi) − Φ(lo) for lo ≤ hi from the two smaller tails, taken where both probabilities are small so that the
     * difference does not cancel.
     */
    private static double between(double lo, double loTail, double hi, double hiTail) {
        if (lo >= 0) {
            return loTail - hiTail;
        }
        if (hi <= 0) {
            return hiTail - loTail;
        }
        return 1 - (hiTail + loTail);
    }
}
