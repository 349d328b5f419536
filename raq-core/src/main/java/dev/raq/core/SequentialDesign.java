package dev.raq.core;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Early stopping without inflating the type-I error: the evaluation looks at its evidence every {@link #lookEvery()}
 * samples and stops as soon as every pair of candidates differs significantly at that look's level.
 *
 * <p>The levels come from the Lan–DeMets alpha-spending function of O'Brien–Fleming type,
 * {@code α(t) = 2 − 2Φ(z₁₋α/₂ / √t)} with t = samples so far / dataset size: look j tests at
 * {@code α(t_j) − α(t_{j−1})}, so the levels of all looks add up to alpha and, by the union bound, the chance of
 * any false verdict over the whole run stays at most alpha whatever the test (RAQ's null simulation measures it).
 * Early looks spend almost nothing — only an overwhelming difference stops a run at a quarter of its samples — and
 * the last look gets most of alpha. The union bound makes this conservative compared with exact group-sequential
 * boundaries, which would need the joint law of RAQ's rank tests across looks; a run that never stops early pays
 * for its looks with a final level below alpha. At each look the run lets the samples in flight finish first, so
 * the test sees exactly the samples it counts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SequentialDesign {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private final int lookEvery;

    private SequentialDesign(int lookEvery) {
        this.lookEvery = lookEvery;
    }

    /**
     * Looks every {@code lookEvery} samples with O'Brien–Fleming-type alpha spending.
     *
     * @throws IllegalArgumentException if {@code lookEvery < 10}
     */
    public static SequentialDesign obrienFleming(int lookEvery) {
        Preconditions.checkArgument(lookEvery >= 10, () -> "lookEvery must be >= 10 but was " + lookEvery);
        return new SequentialDesign(lookEvery);
    }

    /** How many samples apart the looks are. */
    public int lookEvery() {
        return lookEvery;
    }

    /** The alpha spent by information fraction t (0 at t = 0, alpha at t = 1). */
    public static double spent(double t, double alpha) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return alpha;
        }
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        return 2 - 2 * NORMAL.cumulativeProbability(z / Math.sqrt(t));
    }

    /** The level of the look after {@code samples} of {@code total}, the previous look having been at {@code previous}. */
    public static double level(int previous, int samples, int total, double alpha) {
        return spent((double) samples / total, alpha) - spent((double) previous / total, alpha);
    }

    @Override
    public String toString() {
        return "SequentialDesign[O'Brien-Fleming spending, a look every " + lookEvery + " samples]";
    }
}
