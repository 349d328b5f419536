package dev.raq.benchmarks.stats;

import dev.raq.stats.Friedman;
import dev.raq.stats.OmnibusResult;
import dev.raq.stats.PostHocResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The Friedman test followed by the Nemenyi post-hoc test on 100,000 blocks (questions) × 6 candidates, RAQ-like
 * tied ranks and continuous scores. Seeded.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests && java -jar
 * raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.stats.FriedmanBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FriedmanBenchmark {

    /** "ranks" (RAQ-like tied ranks) or "scores" (continuous). */
    @Param({"ranks", "scores"})
    public String data = "ranks"; // JMH sets every @Param value

    private double[][] blocks;

    /** Builds the seeded 100,000 × 6 matrix. */
    @Setup
    public void setUp() {
        blocks = RankTestData.blocks(100_000, 6, data.equals("ranks"), 42L);
    }

    /** The omnibus test and the Nemenyi post-hoc matrix, as a user runs them. */
    @Benchmark
    public void friedmanNemenyi(Blackhole bh) {
        OmnibusResult omnibus = Friedman.test(blocks);
        PostHocResult posthoc = Friedman.nemenyi(blocks);
        bh.consume(omnibus);
        bh.consume(posthoc);
    }
}
