package dev.raq.benchmarks.stats;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state shared by the independent-group benchmarks: 4 groups × 100,000 values or 10 groups × 10,000 values,
 * RAQ-like tied ranks or continuous scores, seeded.
 */
@State(Scope.Benchmark)
public class IndependentGroups {

    /** Groups × values per group. */
    @Param({"4x100000", "10x10000"})
    public String shape = "4x100000"; // JMH sets every @Param value

    /** "ranks" (RAQ-like tied ranks) or "scores" (continuous). */
    @Param({"ranks", "scores"})
    public String data = "ranks";

    double[][] groups = new double[0][];

    /** Builds the seeded groups. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        groups = RankTestData.groups(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), data.equals("ranks"),
                42L);
    }
}
