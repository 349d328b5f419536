package dev.raq.benchmarks.stats;

import dev.raq.stats.KruskalWallis;
import dev.raq.stats.OmnibusResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * The Kruskal–Wallis H test on 4 groups × 100,000 values and 10 groups × 10,000 values, RAQ-like ranks (heavy ties)
 * and continuous scores (no ties). Seeded.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests && java -jar
 * raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.stats.KruskalWallisBenchmark' -f 1 -wi 2 -i 3 -w 2s
 * -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KruskalWallisBenchmark {

    /** H and its p-value. */
    @Benchmark
    public OmnibusResult kruskalWallis(IndependentGroups state) {
        return KruskalWallis.test(state.groups);
    }
}
