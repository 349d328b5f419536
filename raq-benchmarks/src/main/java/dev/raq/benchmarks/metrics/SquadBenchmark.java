package dev.raq.benchmarks.metrics;

import dev.raq.meteor.Meteor;
import dev.raq.metrics.SquadMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SQuAD v1.1 token F1 (normalization of both sides included, as the official {@code f1_score}) and NLTK-exact METEOR
 * (raq-meteor: exact, Porter stem and WordNet 3.0 synonym stages) over the 10,000 seeded pairs of
 * {@link SentencePairs#generate(int, long) SentencePairs.generate(10_000, 42)}; the score is the average time per
 * pair. METEOR's WordNet is loaded in {@link #setUp()}, and its synonym cache is warm after the first iteration.
 *
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -jar raq-benchmarks/target/benchmarks.jar SquadBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SquadBenchmark {

    private static final int PAIRS = 10_000;

    private final Meteor meteor = Meteor.defaults();

    private List<SentencePairs.Pair> pairs;

    /** Draws the pairs and loads METEOR's WordNet (a pair with a synonym stage). */
    @Setup
    public void setUp() {
        pairs = SentencePairs.generate(PAIRS, 42);
        meteor.single("quick", "fast");
    }

    /** The token F1 of every pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void f1(Blackhole blackhole) {
        for (SentencePairs.Pair pair : pairs) {
            blackhole.consume(SquadMetrics.f1(pair.hypothesis(), pair.reference()));
        }
    }

    /** The METEOR score (NLTK defaults) of every pair against its one reference. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void meteor(Blackhole blackhole) {
        for (SentencePairs.Pair pair : pairs) {
            blackhole.consume(meteor.single(pair.reference(), pair.hypothesis()));
        }
    }
}
