package dev.raq.stats;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.RealMatrix;

/**
 * Weighted logistic regression with fractional targets and a per-coefficient ridge penalty, no intercept, solved
 * exactly by Newton's method: maximises {@code Σ wᵢ [yᵢ log μᵢ + (1 − yᵢ) log(1 − μᵢ)] − ½ Σ λⱼ βⱼ²} with
 * {@code μᵢ = 1 / (1 + exp(−xᵢ·β))}. Rows are sparse (a battle touches two players and a few covariates), the
 * Hessian is dense {@code p × p}. A target of ½ is a tie: half a success and half a failure, which is how
 * Arena-Hard's duplicated rows and AlpacaEval's weighted duplicates count it.
 *
 * <p>Shared by {@link CovariateBradleyTerry} and {@link LengthControlledWinRate}; not thread-safe (it keeps its
 * working arrays), so each thread fits with its own instance.
 */
final class PenalizedLogistic {

    /** Newton stops when no coefficient moves by more than this. */
    static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 200;

    private final int[][] columns;
    private final double[][] values;
    private final double[] targets;
    private final double[] ridge;
    private final int p;
    private final double[][] hessian;
    private final double[] gradient;

    /**
     * @param columns per row, the columns of its non-zero entries (distinct)
     * @param values  per row, those entries
     * @param targets per row, the target in [0, 1]
     * @param ridge   per coefficient, its penalty λ ≥ 0
     */
    PenalizedLogistic(int[][] columns, double[][] values, double[] targets, double[] ridge) {
        this.columns = columns;
        this.values = values;
        this.targets = targets;
        this.ridge = ridge;
        this.p = ridge.length;
        this.hessian = new double[p][p];
        this.gradient = new double[p];
    }

    int rows() {
        return targets.length;
    }

    /**
     * Fits with row weights {@code weights}, starting from and writing into {@code beta}.
     *
     * @return the number of Newton iterations
     * @throws IllegalArgumentException if the penalised likelihood has no finite maximiser (without a penalty: a
     *                                  coefficient the data do not pin down, such as a player who never loses)
     */
    int fit(double[] weights, double[] beta) {
        double objective = objective(weights, beta);
        double[] trial = new double[p];
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(weights, beta);
            double largest = 0;
            for (double s : step) {
                largest = Math.max(largest, Math.abs(s));
            }
            double factor = 1;
            double next;
            while (true) {
                for (int j = 0; j < p; j++) {
                    trial[j] = beta[j] + factor * step[j];
                }
                next = objective(weights, trial);
                if (next >= objective - 1e-12 * Math.abs(objective) || factor < 1e-6) {
                    break;
                }
                factor /= 2;
            }
            System.arraycopy(trial, 0, beta, 0, p);
            objective = next;
            if (largest * factor < TOLERANCE) {
                return iteration;
            }
        }
        throw new IllegalArgumentException("the logistic fit did not converge in " + MAX_ITERATIONS
                + " Newton iterations: some coefficient is not identified by the data");
    }

    /** The penalised log-likelihood at {@code beta}. */
    double objective(double[] weights, double[] beta) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            double eta = linear(i, beta);
            // log μ = −log(1 + e^−η), log(1 − μ) = −log(1 + e^η)
            sum -= weights[i] * (targets[i] * softplus(-eta) + (1 - targets[i]) * softplus(eta));
        }
        for (int j = 0; j < p; j++) {
            sum -= 0.5 * ridge[j] * beta[j] * beta[j];
        }
        return sum;
    }

    /** The gradient of {@link #objective} at {@code beta} (a fresh array). */
    double[] gradient(double[] weights, double[] beta) {
        accumulate(weights, beta, false);
        return gradient.clone();
    }

    private double[] newtonStep(double[] weights, double[] beta) {
        accumulate(weights, beta, true);
        RealMatrix h = MatrixUtils.createRealMatrix(hessian);
        try {
            return new CholeskyDecomposition(h, 1e-12, 1e-14).getSolver()
                    .solve(MatrixUtils.createRealVector(gradient)).toArray();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the logistic fit has no unique maximum: some coefficient is not "
                    + "identified by the data (a player or a covariate without variation, or a perfect separation)");
        }
    }

    /** Fills the gradient and, if asked, the negated Hessian (positive definite) at {@code beta}. */
    private void accumulate(double[] weights, double[] beta, boolean withHessian) {
        for (int j = 0; j < p; j++) {
            gradient[j] = -ridge[j] * beta[j];
            if (withHessian) {
                java.util.Arrays.fill(hessian[j], 0);
                hessian[j][j] = ridge[j];
            }
        }
        for (int i = 0; i < targets.length; i++) {
            double w = weights[i];
            if (w == 0) {
                continue;
            }
            double mu = 1 / (1 + Math.exp(-linear(i, beta)));
            double residual = w * (targets[i] - mu);
            double curvature = w * mu * (1 - mu);
            int[] cols = columns[i];
            double[] vals = values[i];
            for (int a = 0; a < cols.length; a++) {
                gradient[cols[a]] += residual * vals[a];
                if (withHessian) {
                    double ca = curvature * vals[a];
                    for (int b = 0; b < cols.length; b++) {
                        hessian[cols[a]][cols[b]] += ca * vals[b];
                    }
                }
            }
        }
    }

    private double linear(int row, double[] beta) {
        int[] cols = columns[row];
        double[] vals = values[row];
        double eta = 0;
        for (int a = 0; a < cols.length; a++) {
            eta += beta[cols[a]] * vals[a];
        }
        return eta;
    }

    /** log(1 + e^x) without overflow. */
    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
