package dev.raq.benchmarks.stats;

import dev.raq.stats.KruskalWallis;
import dev.raq.stats.OmnibusResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The Kruskal–Wallis H test on 4 groups × 100,000 values and 10 groups × 10,000 values, RAQ-like ranks (heavy ties)
 * and continuous scores (no ties). Seeded.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests && java -jar
 * raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.stats.KruskalWallisBenchmark' -f 1 -wi 2 -i 3 -w 2s
 * -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KruskalWallisBenchmark {

    /** Groups × values per group. */
    @Param({"4x100000", "10x10000"})
    public String shape;

    /** "ranks" (RAQ-like tied ranks) or "scores" (continuous). */
    @Param({"ranks", "scores"})
    public String data;

    private double[][] groups;

    /** Builds the seeded groups. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        groups = RankTestData.groups(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), data.equals("ranks"),
                42L);
    }

    /** H and its p-value. */
    @Benchmark
    public OmnibusResult kruskalWallis() {
        return KruskalWallis.test(groups);
    }
}
