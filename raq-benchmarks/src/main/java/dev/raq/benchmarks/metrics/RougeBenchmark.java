package dev.raq.benchmarks.metrics;

import dev.raq.metrics.Rouge;
import dev.raq.metrics.RougeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (one {@code score} call computing all three, as rouge-score's
 * {@code RougeScorer(['rouge1', 'rouge2', 'rougeL'])}) over the 10,000 seeded pairs of
 * {@link SentencePairs#generate(int, long) SentencePairs.generate(10_000, 42)}, with and without the Porter stemmer;
 * the score is the average time per pair.
 *
 * <pre>
 * ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests
 * java -jar raq-benchmarks/target/benchmarks.jar RougeBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RougeBenchmark {

    private static final int PAIRS = 10_000;

    /** Whether the Porter stemmer is on. */
    @Param({"false", "true"})
    public boolean stemmer;

    private List<SentencePairs.Pair> pairs;
    private Rouge rouge;

    /** Draws the pairs and builds the metric. */
    @Setup
    public void setUp() {
        pairs = SentencePairs.generate(PAIRS, 42);
        rouge = Rouge.builder().types(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L)
                .useStemmer(stemmer).build();
    }

    /** Scores every pair (reference first, as rouge-score's {@code score(target, prediction)}). */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void rouge12L(Blackhole blackhole) {
        for (SentencePairs.Pair pair : pairs) {
            blackhole.consume(rouge.score(pair.reference(), pair.hypothesis()));
        }
    }
}
