package dev.raq.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.store.ResultStore;
import dev.raq.metrics.Scorers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest tells two runs apart and names what they ran with, in every format. */
class ManifestTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static ModelClient model(String id, String answer) {
        return new ModelClient() {
            @Override
            public Completion complete(dev.raq.core.model.ChatRequest request) {
                return Completion.builder(answer).modelId(id + "-2026-01").build();
            }

            @Override
            public Optional<String> modelId() {
                return Optional.of(id);
            }
        };
    }

    private static EvaluationReport run(List<Sample> samples, String template, ResultStore store) {
        return Evaluation.builder().dataset(samples).candidate("a", model("model-a", "yes"))
                .candidate("b", model("model-b", "no")).promptTemplate(template).judge(Judges.score(Scorers.squadF1()))
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).seed(5).store(store).build().run();
    }

    private static List<Sample> samples(String lastQuestion) {
        return IntStream.range(0, 12).mapToObj(i -> Sample.of("s" + i, i == 11 ? lastQuestion : "Q" + i + "?", "yes"))
                .toList();
    }

    @Test
    void manifest_namesTheRun_andTellsRunsApart() throws Exception {
        ResultStore store = ResultStore.inMemory();
        EvaluationReport first = run(samples("Q11?"), "{question}", store);
        Manifest m = first.manifest();
        assertThat(m.raqVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(m.java()).startsWith(System.getProperty("java.version"));
        assertThat(m.seed()).isEqualTo(5);
        assertThat(m.samples()).isEqualTo(12);
        assertThat(m.candidates()).containsEntry("a", "model-a").containsEntry("b", "model-b");
        assertThat(m.reportedModels()).containsEntry("a", List.of("model-a-2026-01"));
        assertThat(m.judges()).containsOnlyKeys("score(squad-f1)");
        assertThat(m.significance()).isEqualTo("Friedman-Conover (holm)");
        assertThat(m.startedAt()).isEqualTo(T0);
        assertThat(m.finishedAt()).isEqualTo(T0);
        assertThat(m.answers()).isEqualTo(24);
        assertThat(m.reusedAnswers()).isZero();

        EvaluationReport again = run(samples("Q11?"), "{question}", store);
        assertThat(again.manifest().reusedAnswers()).isEqualTo(24);
        assertThat(again.manifest().datasetFingerprint()).isEqualTo(m.datasetFingerprint());
        assertThat(again.manifest().promptHash()).isEqualTo(m.promptHash());

        EvaluationReport changed = run(samples("Q11 changed?"), "Answer: {question}", store);
        assertThat(changed.manifest().datasetFingerprint()).isNotEqualTo(m.datasetFingerprint());
        assertThat(changed.manifest().promptHash()).isNotEqualTo(m.promptHash()).hasSize(16);

        JsonNode json = new ObjectMapper().readTree(first.toJson()).get("manifest");
        assertThat(json.get("datasetFingerprint").asText()).isEqualTo(m.datasetFingerprint());
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(json.get("reportedModels").get("b").get(0).asText()).isEqualTo("model-b-2026-01");
        assertThat(first.toMarkdown()).contains("## Manifest").contains("| Dataset | 12 samples, fingerprint "
                + m.datasetFingerprint() + " |").contains("| Candidate a | client model-a; reported model "
                + "model-a-2026-01 |");
    }

    @Test
    void aRebuiltReport_hasNoRunTimes_soItsJsonIsReproducible() {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j"));
        EvaluationReport report = b.build();
        assertThat(report.manifest().startedAt()).isNull();
        assertThat(report.manifest().finishedAt()).isNull();
        assertThat(report.manifest().promptHash()).isNull();
        assertThat(b.build().toJson()).isEqualTo(report.toJson());
    }
}
