package dev.raq.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.pairwise.PairwiseSection;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ResultsFile;
import dev.raq.core.report.SampleResult;
import dev.raq.core.store.JsonlResultStore;
import dev.raq.metrics.AnswerScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An evaluation that streams its sample results to a file: the report keeps only what its statistics need, and its
 * numbers are exactly those of the same evaluation keeping every sample.
 */
class StreamedResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of("q" + i, "question " + i + "?", "answer " + i));
        }
        return out;
    }

    /** Scores a candidate's answer by who says it and which question it answers, so that every candidate differs. */
    private static final AnswerScorer SCORER = (answer, references) -> {
        int q = Integer.parseInt(references.get(0).replace("answer ", ""));
        double bias = answer.startsWith("a") ? 0.2 : answer.startsWith("b") ? 0.1 : 0;
        return ((q * 7919L) % 13) / 13.0 * 0.7 + bias;
    };

    /** The report's JSON without what may differ between a kept and a streamed run: samples, file, timestamps. */
    private static JsonNode statistics(EvaluationReport r) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(r.toJson());
        n.remove("samples");
        n.remove("resultsFile");
        ((ObjectNode) n.get("manifest")).remove(List.of("startedAt", "finishedAt"));
        // the echo clients' latencies are measured, so they differ between two runs
        n.get("candidateSummaries").forEach(c -> ((ObjectNode) c).remove(List.of("wordsPerSecond",
                "tokensPerSecond", "latencyP50Ms", "latencyP95Ms", "timeToFirstTokenP50Ms")));
        return n;
    }

    private EvaluationReport run(UnaryOperator<Evaluation.Builder> setup) {
        AtomicInteger calls = new AtomicInteger();
        Evaluation.Builder b = Evaluation.builder().dataset(samples(240))
                .candidate("a", EvaluationTest.echo("a")).candidate("b", EvaluationTest.echo("b"))
                .candidate("c", EvaluationTest.echo("c"))
                .judge(Judges.ranking(EvidenceTest.rankingJudge(q -> q.contains("7?") ? List.of("c", "b", "a")
                        : List.of("a", "b", "c"), calls)))
                .judge(Judges.score(SCORER))
                .clusterBy(s -> "c" + Integer.parseInt(s.id().substring(1)) % 17).concurrency(8);
        return setup.apply(b).build().run();
    }

    @Test
    void streamedPanelWithClusters_sameStatisticsAsKept_samplesInTheFile_readBackTheSame() throws IOException {
        EvaluationReport kept = run(b -> b);
        Path file = dir.resolve("results.jsonl");
        EvaluationReport streamed = run(b -> b.resultsFile(file));

        assertThat(statistics(streamed)).isEqualTo(statistics(kept));
        assertThat(streamed.samples()).isEmpty();
        assertThat(streamed.sampleCount()).isEqualTo(240).isEqualTo(kept.sampleCount());
        assertThat(streamed.judgedSampleCount()).isEqualTo(kept.judgedSampleCount());
        assertThat(streamed.rankings()).isEqualTo(kept.rankings());
        assertThat(streamed.resultsFile()).hasValue(file.toString());
        assertThat(streamed.toMarkdown()).contains("240 samples (240 judged)");
        List<SampleResult> lines = new ArrayList<>();
        ResultsFile.forEach(file, lines::add);
        lines.sort(java.util.Comparator.comparingInt(SampleResult::index));
        assertThat(lines).hasSize(240);
        assertThat(lines.get(17).sample().id()).isEqualTo("q17");
        // the panel's per-sample consensus stays with the samples, in the file, not in the report
        assertThat(kept.consensus()).isNotEmpty();
        assertThat(streamed.consensus()).isEmpty();
        assertThat(dev.raq.core.judge.Consensus.of(lines.get(17).judgments()).orElse(null))
                .isEqualTo(kept.consensus().get("q17")).isNotNull();

        // read back (without the cluster key, which JSON does not keep), the same as the kept report read back
        Path json = dir.resolve("report.json");
        streamed.writeJson(json);
        Path keptJson = dir.resolve("kept.json");
        kept.writeJson(keptJson);
        EvaluationReport reread = EvaluationReport.readJson(json);
        assertThat(statistics(reread)).isEqualTo(statistics(EvaluationReport.readJson(keptJson)));
        assertThat(reread.samples()).isEmpty();
        assertThat(reread.resultsFile()).hasValue(file.toString());
    }

    @Test
    void streamedPairwiseJudge_keepsWhatItsSectionNeeds_sameLeaderboard() throws IOException {
        UnaryOperator<Evaluation.Builder> pairwise = b -> b.dataset(samples(60))
                .candidate("a", EvaluationTest.echo("a")).candidate("b", EvaluationTest.echo("b"))
                .judge(PairwiseJudge.of(request -> dev.raq.core.model.Completion.of(
                        request.lastUserMessage().length() % 3 == 0 ? "[[A>B]]" : "[[B>A]]")));
        EvaluationReport kept = pairwise.apply(Evaluation.builder()).build().run();
        EvaluationReport streamed = pairwise.apply(Evaluation.builder()).resultsFile(dir.resolve("p.jsonl"))
                .build().run();
        assertThat(streamed.section(PairwiseSection.class)).isPresent();
        assertThat(statistics(streamed)).isEqualTo(statistics(kept));
    }

    @Test
    void builderWithoutSamples_takesThemInAnyOrder_sameReportAsInOrder() throws IOException {
        EvaluationReport kept = run(b -> b);
        List<SampleResult> shuffled = new ArrayList<>(kept.samples());
        Collections.shuffle(shuffled, new Random(7));
        EvaluationReport.Builder b = EvaluationReport.builder(kept.candidates()).judges(kept.judges())
                .clusterBy(s -> "c" + Integer.parseInt(s.id().substring(1)) % 17).retainSamples(false);
        EvaluationReport.Builder inOrder = EvaluationReport.builder(kept.candidates()).judges(kept.judges())
                .clusterBy(s -> "c" + Integer.parseInt(s.id().substring(1)) % 17);
        shuffled.forEach(b::add);
        kept.samples().forEach(inOrder::add);
        EvaluationReport streamed = b.build();
        assertThat(statistics(streamed)).isEqualTo(statistics(inOrder.build()));
        assertThat(streamed.candidate("a").latencyP95()).isEqualTo(kept.candidate("a").latencyP95());
        assertThatThrownBy(() -> b.judges(List.of("x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("judges must be set before the first sample");
        assertThatThrownBy(() -> b.add(shuffled.get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("added twice");
    }

    @Test
    void buildListener_toldEveryStep_untilDone() {
        List<String> steps = new ArrayList<>();
        run(b -> b.progressListener(new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
            }

            @Override
            public void onReportStep(String step, int done, int total) {
                steps.add(step + " " + done + "/" + total);
            }
        }));
        assertThat(steps).startsWith("candidate summaries 1/6").endsWith("done 6/6").hasSize(6)
                .contains("significance test 3/6");
    }

    @Test
    void lazyDatasetWithARepeatedId_refusedNamingBothPositions_evenWithoutKeepingIds() {
        Iterable<Sample> lazy = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 50;
            }

            @Override
            public Sample next() {
                int n = i++;
                return Sample.of(n == 41 ? "q12" : "q" + n, "question " + n + "?", "answer " + n);
            }
        };
        assertThatThrownBy(() -> Evaluation.builder().dataset(lazy).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.score(SCORER))
                .resultsFile(dir.resolve("r.jsonl")).build().run())
                .hasMessageContaining("samples 12 and 41 of the dataset share the id 'q12'");
    }

    @Test
    void streamedRunWithAStore_secondRunReusesEveryAnswer_storeKeepsNoRecordInMemory() throws IOException {
        Path storeFile = dir.resolve("store.jsonl");
        EvaluationReport first;
        try (JsonlResultStore store = JsonlResultStore.open(storeFile)) {
            first = run(b -> b.store(store).resultsFile(dir.resolve("1.jsonl")));
        }
        EvaluationReport second;
        try (JsonlResultStore store = JsonlResultStore.open(storeFile)) {
            assertThat(store.size()).isEqualTo(240 * 3 + 240); // answers and the ranking judge's judgments
            second = run(b -> b.store(store).resultsFile(dir.resolve("2.jsonl")));
        }
        assertThat(second.manifest().reusedAnswers()).isEqualTo(720);
        assertThat(first.manifest().reusedAnswers()).isZero();
        assertThat(Files.readAllLines(storeFile)).hasSize(240 * 3 + 240);
    }
}
