/**
 * RAQ evaluations on Apache Spark ({@link dev.raq.spark.SparkEvaluation}): each partition of a samples table runs
 * RAQ's per-sample evaluator with its own bounded concurrency, the results form a table (one JSON record per
 * sample, ready to write as Parquet), and the driver merges them into one report whose statistics are computed once.
 */
@NullMarked
package dev.raq.spark;

import org.jspecify.annotations.NullMarked;
