package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Length-controlled win rates against a baseline, AlpacaEval's GLM (Dubois et al. 2024, "Length-Controlled
 * AlpacaEval"): for model m on instruction x,
 * {@code logit P(m preferred) = θ_m + φ_m·tanh(Δ / sd_m) + ψ_m·γ_x} with no intercept, where Δ is the model's answer
 * length minus the baseline's, {@code sd_m} the sample standard deviation of Δ over the model's comparisons and
 * {@code γ_x} the instruction's difficulty. The length-controlled win rate is what the fitted model predicts with
 * the length term zeroed, averaged over the model's instructions: {@code 100 · mean_x σ(θ_m + ψ_m·γ_x)}.
 *
 * <p>AlpacaEval takes γ from its leaderboard's models; RAQ fits it on the user's own candidates: one joint
 * logistic fit of {@code θ_m + φ_m·tanh(Δ / sd_m) + γ_x} over every comparison, with a ridge penalty
 * ({@link Builder#difficultyRidge}, default 1) on γ that keeps each instruction's difficulty near 0 unless the
 * data say otherwise, then each model's own three-coefficient fit with γ fixed. Deliberate differences from
 * AlpacaEval: a small ridge ({@link Builder#ridge}, default 0.01) instead of its cross-validated L1 penalty and
 * its regularisation towards "gamed" baselines (which need its leaderboard data); the fit is exact (Newton), not
 * liblinear's. Preferences are fractional: 1 a win, ½ a tie, 0 a loss. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LengthControlledWinRate {

    /**
     * One judged comparison of a model's answer with the baseline's.
     *
     * @param model          the model compared with the baseline
     * @param instruction    the instruction (question) both answered
     * @param preference     how much the model's answer was preferred, in [0, 1]: 1 a win, ½ a tie, 0 a loss
     * @param modelLength    the length of the model's answer (characters, as AlpacaEval, or tokens), ≥ 0
     * @param baselineLength the length of the baseline's answer, in the same unit
     */
    public record Comparison(String model, String instruction, double preference, double modelLength,
                             double baselineLength) {

        /** Validates the fields. */
        public Comparison {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(instruction, "instruction");
            Preconditions.checkArgument(preference >= 0 && preference <= 1, () -> "preference of '" + model
                    + "' on '" + instruction + "' must be in [0, 1] but was " + preference);
            Preconditions.checkArgument(modelLength >= 0 && Double.isFinite(modelLength), () -> "modelLength of '"
                    + model + "' on '" + instruction + "' must be finite and >= 0 but was " + modelLength);
            Preconditions.checkArgument(baselineLength >= 0 && Double.isFinite(baselineLength), () ->
                    "baselineLength on '" + instruction + "' must be finite and >= 0 but was " + baselineLength);
        }
    }

    /**
     * One model's result.
     *
     * @param model                   the model
     * @param comparisons             its number of comparisons
     * @param winRate                 the raw win rate in percent (mean preference × 100)
     * @param lengthControlledWinRate the length-controlled win rate in percent
     * @param strength                θ: the log-odds of being preferred on an instruction of difficulty 0 at equal
     *                                length
     * @param lengthEffect            φ: how much the log-odds move from much shorter to much longer answers (tanh
     *                                saturates at ±1)
     * @param difficultyEffect        ψ: how strongly the instruction's difficulty applies to this model
     */
    public record ModelResult(String model, int comparisons, double winRate, double lengthControlledWinRate,
                              double strength, double lengthEffect, double difficultyEffect) {
    }

    private final double ridge;
    private final double difficultyRidge;

    private LengthControlledWinRate(Builder b) {
        this.ridge = b.ridge;
        this.difficultyRidge = b.difficultyRidge;
    }

    /** Ridge 0.01 on the models' coefficients, 1 on the instructions' difficulties. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link #fit} with the default penalties. */
    public static Map<String, ModelResult> of(List<Comparison> comparisons) {
        return builder().build().fit(comparisons);
    }

    /**
     * Fits the GLM.
     *
     * @return per model, in order of first appearance
     * @throws IllegalArgumentException if there are no comparisons
     */
    public Map<String, ModelResult> fit(List<Comparison> comparisons) {
        Objects.requireNonNull(comparisons, "comparisons");
        Preconditions.checkArgument(!comparisons.isEmpty(), "no comparisons");
        Map<String, Integer> models = new LinkedHashMap<>();
        Map<String, Integer> instructions = new LinkedHashMap<>();
        int n = comparisons.size();
        int[] modelOf = new int[n];
        int[] instructionOf = new int[n];
        for (int i = 0; i < n; i++) {
            Comparison c = comparisons.get(i);
            modelOf[i] = models.computeIfAbsent(c.model(), k -> models.size());
            instructionOf[i] = instructions.computeIfAbsent(c.instruction(), k -> instructions.size());
        }
        int m = models.size();
        double[] lengthTerm = standardisedLengths(comparisons, modelOf, m);

        // 1. the instructions' difficulties, from all models at once: θ_m, φ_m, γ_x
        int p = 2 * m + instructions.size();
        int[][] columns = new int[n][];
        double[][] values = new double[n][];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            columns[i] = new int[] {modelOf[i], m + modelOf[i], 2 * m + instructionOf[i]};
            values[i] = new double[] {1, lengthTerm[i], 1};
            targets[i] = comparisons.get(i).preference();
        }
        double[] penalty = new double[p];
        for (int j = 0; j < p; j++) {
            penalty[j] = j < 2 * m ? ridge : difficultyRidge;
        }
        double[] joint = new double[p];
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        new PenalizedLogistic(columns, values, targets, penalty).fit(ones, joint);

        // 2. each model's own GLM with the difficulties fixed: θ, φ, ψ
        Map<String, ModelResult> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : models.entrySet()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (modelOf[i] == e.getValue()) {
                    rows.add(i);
                }
            }
            int k = rows.size();
            int[][] cols = new int[k][];
            double[][] vals = new double[k][];
            double[] ys = new double[k];
            double[] difficulty = new double[k];
            double preferred = 0;
            for (int r = 0; r < k; r++) {
                int i = rows.get(r);
                difficulty[r] = joint[2 * m + instructionOf[i]];
                cols[r] = new int[] {0, 1, 2};
                vals[r] = new double[] {1, lengthTerm[i], difficulty[r]};
                ys[r] = targets[i];
                preferred += targets[i];
            }
            double[] beta = {joint[e.getValue()], joint[m + e.getValue()], 1};
            double[] weights = new double[k];
            java.util.Arrays.fill(weights, 1);
            new PenalizedLogistic(cols, vals, ys, new double[] {ridge, ridge, ridge}).fit(weights, beta);
            double controlled = 0;
            for (int r = 0; r < k; r++) {
                controlled += 1 / (1 + Math.exp(-(beta[0] + beta[2] * difficulty[r])));
            }
            out.put(e.getKey(), new ModelResult(e.getKey(), k, 100 * preferred / k, 100 * controlled / k, beta[0],
                    beta[1], beta[2]));
        }
        return out;
    }

    /** tanh(Δ / sd) per comparison, sd the model's sample standard deviation of Δ (0 where Δ never varies). */
    private static double[] standardisedLengths(List<Comparison> comparisons, int[] modelOf, int m) {
        double[] sum = new double[m];
        double[] sumSquares = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < modelOf.length; i++) {
            Comparison c = comparisons.get(i);
            int model = modelOf[i];
            double delta = c.modelLength() - c.baselineLength();
            sum[model] += delta;
            sumSquares[model] += delta * delta;
            count[model]++;
        }
        double[] sd = new double[m];
        for (int j = 0; j < m; j++) {
            double mean = sum[j] / count[j];
            sd[j] = count[j] < 2 ? 0 : Math.sqrt(Math.max(0, (sumSquares[j] - count[j] * mean * mean)
                    / (count[j] - 1)));
        }
        double[] out = new double[comparisons.size()];
        for (int i = 0; i < out.length; i++) {
            Comparison c = comparisons.get(i);
            double s = sd[modelOf[i]];
            out[i] = s > 0 ? Math.tanh((c.modelLength() - c.baselineLength()) / s) : 0;
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LengthControlledWinRate[ridge %.3g, difficulty ridge %.3g]", ridge,
                difficultyRidge);
    }

    /** Builds a {@link LengthControlledWinRate}. */
    public static final class Builder {
        private double ridge = 0.01;
        private double difficultyRidge = 1;

        private Builder() {
        }

        /** The ridge penalty on each model's coefficients (θ, φ, ψ), &gt; 0 (default 0.01): a model that never lost stays finite. */
        public Builder ridge(double lambda) {
            this.ridge = RatingChecks.positive("ridge", lambda);
            return this;
        }

        /** The ridge penalty on the instructions' difficulties, &gt; 0 (default 1, a standard-normal prior). */
        public Builder difficultyRidge(double lambda) {
            this.difficultyRidge = RatingChecks.positive("difficultyRidge", lambda);
            return this;
        }

        /** The estimator. */
        public LengthControlledWinRate build() {
            return new LengthControlledWinRate(this);
        }
    }
}
