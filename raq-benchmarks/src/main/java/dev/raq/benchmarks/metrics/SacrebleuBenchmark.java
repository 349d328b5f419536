package dev.raq.benchmarks.metrics;

import dev.raq.metrics.Bleu;
import dev.raq.metrics.Chrf;
import dev.raq.metrics.Ter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sacreBLEU-exact BLEU, chrF, chrF++ and TER over {@code SentencePairs.generate(10_000, 42)}: corpus BLEU over all
 * pairs (time per corpus), and sentence-level scores of every pair (time per pair, through
 * {@link OperationsPerInvocation}).
 *
 * <p>Run (after {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests}):
 * <pre>
 * java -jar raq-benchmarks/target/benchmarks.jar 'SacrebleuBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SacrebleuBenchmark {

    private static final int PAIRS = 10_000;

    private final Bleu bleu = Bleu.defaults();
    private final Chrf chrf = Chrf.chrf();
    private final Chrf chrfPlusPlus = Chrf.chrfPlusPlus();
    private final Ter ter = Ter.defaults();

    private List<String> hypotheses = List.of();
    private List<String> references = List.of();
    private List<List<String>> referenceStreams = List.of();

    /** Loads the pairs once per trial. */
    @Setup
    public void setUp() {
        List<SentencePairs.Pair> pairs = SentencePairs.generate(PAIRS, 42);
        List<String> hyps = new ArrayList<>(pairs.size());
        List<String> refs = new ArrayList<>(pairs.size());
        for (SentencePairs.Pair p : pairs) {
            hyps.add(p.hypothesis());
            refs.add(p.reference());
        }
        hypotheses = List.copyOf(hyps);
        references = List.copyOf(refs);
        referenceStreams = List.of(references);
    }

    /** Corpus BLEU (13a, exp) over all 10,000 pairs; the time is per corpus. */
    @Benchmark
    public double corpusBleu() {
        return bleu.corpus(hypotheses, referenceStreams).score();
    }

    /** Sentence BLEU (13a, exp, effective order) of each pair; the time is per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double sentenceBleu() {
        double sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += bleu.sentence(hypotheses.get(i), List.of(references.get(i))).score();
        }
        return sum;
    }

    /** Sentence chrF2 of each pair; the time is per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double sentenceChrf() {
        double sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += chrf.sentence(hypotheses.get(i), List.of(references.get(i))).score();
        }
        return sum;
    }

    /** Sentence chrF2++ of each pair; the time is per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double sentenceChrfPlusPlus() {
        double sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += chrfPlusPlus.sentence(hypotheses.get(i), List.of(references.get(i))).score();
        }
        return sum;
    }

    /** Corpus chrF2 over all 10,000 pairs; the time is per corpus. */
    @Benchmark
    public double corpusChrf() {
        return chrf.corpus(hypotheses, referenceStreams).score();
    }

    /** Sentence TER (default options) of each pair; the time is per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public double sentenceTer() {
        double sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += ter.sentence(hypotheses.get(i), List.of(references.get(i))).score();
        }
        return sum;
    }
}
