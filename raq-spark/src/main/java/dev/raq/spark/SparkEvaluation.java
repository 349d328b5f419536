package dev.raq.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.commons.Preconditions;
import dev.raq.core.Evaluation;
import dev.raq.core.SampleEvaluator;
import dev.raq.core.data.Sample;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.report.SampleResultCodec;
import dev.raq.core.store.JsonlResultStore;
import dev.raq.core.store.ResultStore;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apiguardian.api.API;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * An evaluation spread over a Spark cluster. The samples are a table ({@code id}, {@code question}, and optionally
 * {@code context} and {@code references}, an array of strings); each partition builds the evaluation from the
 * {@link EvaluationFactory} on its executor (clients and keys are made there, never shipped), runs RAQ's per-sample
 * evaluator on its samples with at most {@link #samplesInFlight(int)} in flight, and yields one row per sample:
 * {@code index}, {@code id} and {@code result} (the sample's answers and judgments as JSON, which
 * {@link #report(Dataset)} reads back). Write that table as Parquet to keep it; the report merges the rows on the
 * driver and computes every statistic once, so it equals the report of one JVM on the same samples and seed.
 *
 * <p>Retries and speculation: Spark keeps one successful attempt of each partition, so results are never doubled;
 * with {@link #storeDirectory(String)} each partition keeps its calls in a store of its own that a retried task
 * reopens, so a retry calls only what the failed attempt had not finished (answers are keyed by client, prompt and
 * sample). Samples are
 * numbered in table order ({@code zipWithIndex}) before they are spread ({@link #partitions(int)}), so the merged
 * report keeps that order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SparkEvaluation implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Builds the evaluation on an executor: candidates, judges, prompt, seed (its dataset is not used here). */
    @FunctionalInterface
    public interface EvaluationFactory extends Serializable {
        /** A new evaluation, with its clients made in the calling JVM. */
        Evaluation create();
    }

    /** The table {@link #results(Dataset)} yields. */
    public static final StructType RESULTS = new StructType().add("index", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false).add("result", DataTypes.StringType, false);

    private final EvaluationFactory factory;
    private int samplesInFlight = 8;
    private int partitions;
    private boolean keepSamples = true;
    private @org.jspecify.annotations.Nullable String storeDirectory;

    private SparkEvaluation(EvaluationFactory factory) {
        this.factory = factory;
    }

    /** An evaluation of whatever samples it is given, built on each executor by {@code factory}. */
    public static SparkEvaluation of(EvaluationFactory factory) {
        return new SparkEvaluation(Objects.requireNonNull(factory, "factory"));
    }

    /** How many samples each partition evaluates at once (default 8); with it, each executor's load on a provider. */
    public SparkEvaluation samplesInFlight(int n) {
        Preconditions.checkArgument(n >= 1, () -> "samplesInFlight must be >= 1 but was " + n);
        this.samplesInFlight = n;
        return this;
    }

    /**
     * Spreads the samples over this many partitions after numbering them (default: the table's own partitioning),
     * so that a table read as one file still runs on every executor.
     */
    public SparkEvaluation partitions(int n) {
        Preconditions.checkArgument(n >= 1, () -> "partitions must be >= 1 but was " + n);
        this.partitions = n;
        return this;
    }

    /**
     * Whether the merged report keeps every sample for drill-down (default: true). Without them the driver keeps only
     * what the statistics need, usually a byte per rank or score, so a report of millions of samples fits its heap
     * (its {@code samples()} and {@code consensus()} are empty); the results table (written as Parquet) keeps every
     * sample.
     */
    public SparkEvaluation keepSamplesInReport(boolean keep) {
        this.keepSamples = keep;
        return this;
    }

    /**
     * Keeps every partition's answers and judgments in a JSON Lines result store of its own in this directory
     * ({@code partition-<n>.jsonl}, a path every executor can reach: a shared file system), so that a retried task
     * reopens its partition's store and reuses every call the failed attempt finished instead of calling again. A
     * speculative attempt running while the first one holds the store's lock uses
     * {@code partition-<n>-attempt-<k>.jsonl}: results stay single (Spark keeps one attempt), but its calls are
     * repeated. Default: none, each partition uses the evaluation's own store.
     */
    public SparkEvaluation storeDirectory(String directory) {
        this.storeDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** A samples table of these samples, for tests and small runs. */
    public static Dataset<Row> samples(SparkSession spark, List<Sample> samples) {
        List<Row> rows = new ArrayList<>();
        for (Sample s : samples) {
            rows.add(RowFactory.create(s.id(), s.question(), s.context(), s.references().toArray(new String[0])));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add("question", DataTypes.StringType, false).add("context", DataTypes.StringType, true)
                .add("references", DataTypes.createArrayType(DataTypes.StringType), true);
        return spark.createDataFrame(rows, schema);
    }

    /** Evaluates every sample of the table on the executors: one result row per sample (see {@link #RESULTS}). */
    public Dataset<Row> results(Dataset<Row> samples) {
        Objects.requireNonNull(samples, "samples");
        List<String> columns = List.of(samples.columns());
        Preconditions.checkArgument(columns.contains("id") && columns.contains("question"), () ->
                "the samples table needs the columns 'id' and 'question' but has " + columns);
        EvaluationFactory f = factory;
        int inFlight = samplesInFlight;
        String stores = storeDirectory;
        JavaPairRDD<Row, Long> numbered = samples.javaRDD().zipWithIndex();
        if (partitions > 0) {
            numbered = numbered.repartition(partitions);
        }
        JavaRDD<Row> rows = numbered.mapPartitions(
                (Iterator<Tuple2<Row, Long>> partition) -> evaluatePartition(f, inFlight, stores, partition));
        return samples.sparkSession().createDataFrame(rows, RESULTS);
    }

    private static Iterator<Row> evaluatePartition(EvaluationFactory factory, int inFlight,
                                                   @org.jspecify.annotations.Nullable String stores,
                                                   Iterator<Tuple2<Row, Long>> partition) throws Exception {
        if (!partition.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        if (stores == null) {
            return evaluatePartition(factory.create(), inFlight, null, partition);
        }
        try (JsonlResultStore store = partitionStore(java.nio.file.Path.of(stores))) {
            return evaluatePartition(factory.create(), inFlight, store, partition);
        }
    }

    /** The store of this task's partition, or of this attempt when another attempt holds the partition's. */
    private static JsonlResultStore partitionStore(java.nio.file.Path directory) {
        org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
        int partition = task == null ? 0 : task.partitionId();
        try {
            return JsonlResultStore.open(directory.resolve("partition-" + partition + ".jsonl"));
        } catch (IllegalStateException heldByAnotherAttempt) {
            int attempt = task == null ? 0 : task.attemptNumber();
            return JsonlResultStore.open(directory.resolve("partition-" + partition + "-attempt-" + attempt
                    + ".jsonl"));
        }
    }

    private static Iterator<Row> evaluatePartition(Evaluation evaluation, int inFlight,
                                                   @org.jspecify.annotations.Nullable ResultStore store,
                                                   Iterator<Tuple2<Row, Long>> partition) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "raq-spark-sample");
            t.setDaemon(true);
            return t;
        });
        try {
            SampleEvaluator evaluator = store == null ? SampleEvaluator.of(evaluation, executor)
                    : SampleEvaluator.of(evaluation, executor, store);
            Semaphore slots = new Semaphore(inFlight);
            List<CompletableFuture<SampleResult>> futures = new ArrayList<>();
            while (partition.hasNext()) {
                Tuple2<Row, Long> next = partition.next();
                slots.acquire();
                long index = next._2();
                Preconditions.checkArgument(index <= Integer.MAX_VALUE, () -> "more than " + Integer.MAX_VALUE
                        + " samples");
                futures.add(evaluator.evaluate((int) index, sample(next._1()))
                        .whenComplete((result, error) -> slots.release()));
            }
            List<Row> out = new ArrayList<>(futures.size());
            for (CompletableFuture<SampleResult> future : futures) {
                SampleResult r = future.join();
                out.add(RowFactory.create((long) r.index(), r.sample().id(),
                        SampleResultCodec.toJson(r).toString()));
            }
            return out.iterator();
        } finally {
            executor.shutdownNow();
        }
    }

    private static Sample sample(Row row) {
        String context = field(row, "context");
        List<String> references = new ArrayList<>();
        int at = fieldIndex(row, "references");
        if (at >= 0 && !row.isNullAt(at)) {
            references.addAll(row.getList(at));
        }
        return new Sample(Objects.requireNonNull(field(row, "id"), "id"),
                Objects.requireNonNull(field(row, "question"), "question"), context, references, Map.of());
    }

    private static int fieldIndex(Row row, String name) {
        try {
            return row.fieldIndex(name);
        } catch (IllegalArgumentException absent) {
            return -1;
        }
    }

    private static @org.jspecify.annotations.Nullable String field(Row row, String name) {
        int at = fieldIndex(row, name);
        return at < 0 || row.isNullAt(at) ? null : row.getString(at);
    }

    /**
     * The report of a results table (from {@link #results(Dataset)}, or read back from its Parquet files). The table
     * is computed and sorted by sample index on the executors (persisted), then brought to the driver one partition
     * at a time and merged into the evaluation's report builder (keeping the samples or not:
     * {@link #keepSamplesInReport(boolean)}). The driver builds the evaluation once for its settings (names,
     * judges, seed, test) and calls no model, but its clients are built there too: the driver needs what the
     * factory needs, such as its key variables.
     */
    public EvaluationReport report(Dataset<Row> results) {
        Objects.requireNonNull(results, "results");
        EvaluationReport.Builder builder = factory.create().reportBuilder().resultsFile(null)
                .retainSamples(keepSamples);
        ObjectMapper json = new ObjectMapper();
        // in sample order, so that a report without samples takes each one as it arrives
        Dataset<Row> rows = results.orderBy("index").select("result").persist();
        try {
            rows.count(); // every partition in parallel, before the driver reads them one by one
            Iterator<Row> it = rows.toLocalIterator();
            while (it.hasNext()) {
                try {
                    builder.add(SampleResultCodec.fromJson(json.readTree(it.next().getString(0))));
                } catch (IOException e) {
                    throw new UncheckedIOException("a result row is not a RAQ sample result", e);
                }
            }
        } finally {
            rows.unpersist();
        }
        return builder.build();
    }

    /** Evaluates the table and merges the results: {@link #report(Dataset)} of {@link #results(Dataset)}. */
    public EvaluationReport evaluate(Dataset<Row> samples) {
        return report(results(samples));
    }
}
