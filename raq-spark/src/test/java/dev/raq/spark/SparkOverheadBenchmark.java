package dev.raq.spark;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.store.ResultStore;
import dev.raq.metrics.Scorers;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What Spark's local mode adds per sample: the same samples, 2 in-process candidates that answer at once and a
 * metric judge, evaluated by one JVM ({@code Evaluation.run()}) and by {@link SparkEvaluation} in {@code local[2]}
 * (4 partitions, results computed, then merged into one report on the driver without keeping the samples). The
 * difference, divided by the samples, is the cost of the table, the rows' JSON and the merge: the calls themselves
 * cost nothing here. Not a test: run it with {@code ./mvnw -q -Poverhead -pl raq-spark -am test-compile}
 * (arguments: sample counts, default 50000 200000; above 20,000 samples both reports use normal intervals, so
 * neither pays for a bootstrap).
 */
public final class SparkOverheadBenchmark {

    private SparkOverheadBenchmark() {
    }

    /** The evaluation each executor builds: the two instant candidates and SQuAD F1 as the judge. */
    static Evaluation evaluation(List<Sample> samples) {
        ModelClient right = request -> Completion.of("answer " + request.lastUserMessage().replaceAll("\\D", ""));
        ModelClient vague = request -> Completion.of("not sure");
        return Evaluation.builder().dataset(samples).promptTemplate("{question}").candidate("right", right)
                .candidate("vague", vague).judge(Judges.score(Scorers.squadF1())).store(ResultStore.none()).seed(7)
                .concurrency(8).build();
    }

    private static List<Sample> samples(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sample.of("q" + i, "Question " + i + "?", "answer " + i))
                .toList();
    }

    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {50_000, 200_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("raq-spark-overhead")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "Spark session started in %.1f s (local[2], Java %s, %d processors)%n",
                (System.nanoTime() - t0) / 1e9, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try {
            run(spark, 5_000, false); // warm-up: class loading, JIT, Spark's code generation
            for (int n : counts) {
                run(spark, n, true);
            }
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, int n, boolean print) {
        List<Sample> samples = samples(n);
        long t0 = System.nanoTime();
        EvaluationReport single = evaluation(samples).run();
        double singleSeconds = (System.nanoTime() - t0) / 1e9;

        SparkEvaluation distributed = SparkEvaluation.of(() -> evaluation(List.of(Sample.of("unused", "?"))))
                .samplesInFlight(8).partitions(4).keepSamplesInReport(false);
        Dataset<Row> table = SparkEvaluation.samples(spark, samples);
        long t1 = System.nanoTime();
        Dataset<Row> results = distributed.results(table).cache();
        results.count();
        double resultsSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        EvaluationReport merged = distributed.report(results);
        double mergeSeconds = (System.nanoTime() - t2) / 1e9;
        results.unpersist();
        if (merged.sampleCount() != n || !merged.rankings().equals(single.rankings())) {
            throw new IllegalStateException("the merged report differs from the single-JVM report at n = " + n);
        }
        if (print) {
            double sparkSeconds = resultsSeconds + mergeSeconds;
            System.out.printf(Locale.ROOT, "%,9d samples x 2 candidates: one JVM %6.2f s (%5.1f us/sample); Spark "
                            + "local[2] %6.2f s = results %6.2f s + merge on the driver %5.2f s (%5.1f us/sample); "
                            + "Spark adds %5.1f us per sample%n", n, singleSeconds, singleSeconds * 1e6 / n,
                    sparkSeconds, resultsSeconds, mergeSeconds, sparkSeconds * 1e6 / n,
                    (sparkSeconds - singleSeconds) * 1e6 / n);
        }
    }
}
