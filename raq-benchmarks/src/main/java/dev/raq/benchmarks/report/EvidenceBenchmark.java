package dev.raq.benchmarks.report;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.core.report.SampleSizePlan;
import dev.raq.core.report.SampleSizePlanner;
import dev.raq.core.significance.SignificanceTests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the evidence costs for 1,000 samples × 5 candidates judged by a metric: building the report (every statistic,
 * the default test, and for each of the 10 pairs two paired differences with a 1,000-round paired bootstrap), and
 * planning a pair's sample size from that run by resampling it through the default test (200 resamples per n).
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl raq-benchmarks -am package -DskipTests && java -jar
 * raq-benchmarks/target/benchmarks.jar 'dev.raq.benchmarks.report.EvidenceBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvidenceBenchmark {

    /** 1,000 samples × 5 candidates with metric scores; candidate i is better by i × 0.02 on average. */
    @State(Scope.Benchmark)
    public static class Run {
        static final List<String> CANDIDATES = List.of("c0", "c1", "c2", "c3", "c4");
        List<SampleResult> samples;
        public EvaluationReport report;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(1);
            samples = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                List<AnswerRecord> answers = new ArrayList<>();
                java.util.Map<String, Double> scores = new java.util.LinkedHashMap<>();
                for (int c = 0; c < CANDIDATES.size(); c++) {
                    answers.add(AnswerRecord.answered(CANDIDATES.get(c), Completion.of("answer"), false));
                    scores.put(CANDIDATES.get(c), random.nextDouble() + 0.02 * c);
                }
                Judgment j = new Judgment("score(m)", "s" + i, List.of(JudgeCall.ranked(List.of(), null,
                        Ranking.fromScores(scores), Map.of())), scores);
                samples.add(new SampleResult(i, Sample.of("s" + i, "Q?", "R"), answers, List.of(j), null));
            }
            report = build();
        }

        EvaluationReport build() {
            EvaluationReport.Builder b = EvaluationReport.builder(CANDIDATES).judges(List.of("score(m)"))
                    .significance(SignificanceTests.recommended()).seed(7);
            samples.forEach(b::add);
            return b.build();
        }
    }

    /** The whole report: summaries, intervals, the default test, and the paired differences with bootstraps. */
    @Benchmark
    public EvaluationReport buildReport(Run run) {
        return run.build();
    }

    /** The sample-size plan for the closest pair (c3 vs c4) from the 1,000-sample run. */
    @Benchmark
    public SampleSizePlan planFromPilot(Run run) {
        return SampleSizePlanner.plan(run.report, "c3", "c4", SignificanceTests.recommended(), 0.8, 200, 3);
    }
}
