package dev.raq.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.TokenUsage;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report (schema raq-report/2) back into an {@link EvaluationReport}: the samples with their answers
 * and judge calls, the seed, alpha, observation unit, test and a sequential run's stopping look, from which every
 * statistic is computed again (the same numbers, since they depend only on these and the seed). What the JSON does
 * not keep stays out: the samples' contexts and metadata, latencies finer than the nanoseconds written, the cluster
 * key (so intervals are not cluster-adjusted again), the price table (so no cost), and the judge kinds' own sections
 * (a pairwise leaderboard needs its judge). The manifest is kept as written.
 */
final class ReportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportReader() {
    }

    static EvaluationReport read(Path file) {
        JsonNode root = readTree(file);
        try {
            return read(root, file.toAbsolutePath().getParent());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON of a report file, checked to be a RAQ report. */
    static JsonNode readTree(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (root == null || !root.path("schema").asText().startsWith("raq-report/")) {
            throw new IllegalArgumentException(file + " is not a RAQ JSON report (no 'schema': 'raq-report/…')");
        }
        return root;
    }

    /**
     * A report from its JSON; a report whose samples were streamed to a results file (its {@code resultsFile}, read
     * relative to {@code dir} unless absolute) is rebuilt from that file, one sample at a time.
     */
    static EvaluationReport read(JsonNode root, @Nullable Path dir) {
        List<String> candidates = strings(root.path("candidates"));
        EvaluationReport.Builder b = EvaluationReport.builder(candidates).judges(strings(root.path("judges")))
                .seed(root.path("seed").asLong()).alpha(root.path("alpha").asDouble(0.05))
                .dryRun(root.path("dryRun").asBoolean(false));
        b.observationUnit(ObservationUnit.valueOf(root.path("observationUnit").asText("sample")
                .toUpperCase(java.util.Locale.ROOT)));
        String test = root.path("significance").path("test").asText("");
        if (!test.isEmpty()) {
            b.significance(test(test));
        }
        JsonNode q = root.path("sequential");
        if (q.isObject()) {
            b.sequential(new SequentialOutcome(q.path("look").asInt(), q.path("samples").asInt(),
                    q.path("total").asInt(), q.path("level").asDouble(), q.path("alpha").asDouble(),
                    q.path("stoppedEarly").asBoolean()));
        }
        if (root.hasNonNull("aborted")) {
            b.aborted(root.get("aborted").asText());
        }
        b.manifestAsWritten(manifest(root.path("manifest")));
        String resultsFile = root.path("resultsFile").asText("");
        if (!resultsFile.isEmpty() && root.path("samples").isEmpty()) {
            Path results = dir == null ? Path.of(resultsFile) : dir.resolve(resultsFile);
            b.retainSamples(false).resultsFile(resultsFile);
            ResultsFile.forEach(results, b::add);
            return b.build();
        }
        int i = 0;
        for (JsonNode s : root.path("samples")) {
            b.add(sample(s, "samples[" + i++ + "]"));
        }
        return b.build();
    }

    /** The test a report names, such as {@code Friedman-Conover (holm)}. */
    static SignificanceTest test(String name) {
        List<SignificanceTest> known = new ArrayList<>();
        known.add(SignificanceTests.friedmanNemenyi());
        for (PAdjust adjust : PAdjust.values()) {
            known.add(SignificanceTests.friedmanConover(adjust));
            known.add(SignificanceTests.dunn(adjust));
            known.add(SignificanceTests.wilcoxon(adjust));
            known.add(SignificanceTests.signTest(adjust));
        }
        return known.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("significance test '" + name + "' is not one RAQ knows"));
    }

    private static SampleResult sample(JsonNode s, String where) {
        Sample sample = new Sample(text(s, "id", where), text(s, "question", where), null,
                strings(s.path("references")), Map.of());
        List<AnswerRecord> answers = new ArrayList<>();
        for (JsonNode a : s.path("answers")) {
            String candidate = text(a, "candidate", where + ".answers");
            if (a.hasNonNull("error")) {
                answers.add(AnswerRecord.failed(candidate, a.get("error").asText(), cause(a.path("cause").asText(""))));
                continue;
            }
            Completion.Builder c = Completion.builder(text(a, "text", where + ".answers"));
            if (a.path("latencyMs").isNumber()) {
                c.latency(Duration.ofNanos(Math.round(a.get("latencyMs").asDouble() * 1e6)));
            }
            if (a.path("timeToFirstTokenMs").isNumber()) {
                c.timeToFirstToken(Duration.ofNanos(Math.round(a.get("timeToFirstTokenMs").asDouble() * 1e6)));
            }
            if (a.path("promptTokens").isNumber()) {
                c.usage(new TokenUsage(a.get("promptTokens").asLong(), a.path("completionTokens").asLong(),
                        a.path("usageEstimated").asBoolean(false)));
            }
            c.finishReason(a.hasNonNull("finishReason") ? a.get("finishReason").asText() : null);
            c.modelId(a.hasNonNull("modelId") ? a.get("modelId").asText() : null);
            answers.add(AnswerRecord.answered(candidate, c.build(), a.path("reused").asBoolean(false)));
        }
        List<Judgment> judgments = new ArrayList<>();
        for (JsonNode j : s.path("judgments")) {
            List<JudgeCall> calls = new ArrayList<>();
            for (JsonNode call : j.path("calls")) {
                List<String> shown = strings(call.path("shownOrder"));
                String output = call.hasNonNull("output") ? call.get("output").asText() : null;
                Map<String, String> attributes = new LinkedHashMap<>();
                call.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
                if (call.path("ranking").isObject()) {
                    Map<String, Double> ranks = new LinkedHashMap<>();
                    call.get("ranking").fields().forEachRemaining(e -> ranks.put(e.getKey(), e.getValue().asDouble()));
                    calls.add(JudgeCall.ranked(shown, output, new Ranking(ranks), attributes));
                } else {
                    calls.add(JudgeCall.failed(shown, output, call.path("error").asText("failed"),
                            cause(call.path("cause").asText("")), attributes));
                }
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            j.path("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asDouble()));
            judgments.add(new Judgment(text(j, "judge", where + ".judgments"), text(j, "sampleId",
                    where + ".judgments"), calls, scores));
        }
        return new SampleResult(s.path("index").asInt(), sample, answers, judgments,
                s.hasNonNull("notJudged") ? s.get("notJudged").asText() : null);
    }

    private static FailureCause cause(String label) {
        for (FailureCause c : FailureCause.values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        return FailureCause.OTHER;
    }

    private static @Nullable Manifest manifest(JsonNode m) {
        if (!m.isObject()) {
            return null;
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        m.path("candidates").fields().forEachRemaining(e -> candidates.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> models = new LinkedHashMap<>();
        m.path("reportedModels").fields().forEachRemaining(e -> models.put(e.getKey(), strings(e.getValue())));
        Map<String, String> judges = new LinkedHashMap<>();
        m.path("judges").fields().forEachRemaining(e -> judges.put(e.getKey(), e.getValue().asText()));
        return new Manifest(m.path("raqVersion").asText(), m.path("java").asText(), m.path("seed").asLong(),
                m.path("alpha").asDouble(), m.path("observationUnit").asText(), m.path("significance").asText(),
                m.path("datasetFingerprint").asText(), m.path("samples").asInt(), candidates, models,
                m.hasNonNull("promptHash") ? m.get("promptHash").asText() : null, judges,
                m.hasNonNull("startedAt") ? Instant.parse(m.get("startedAt").asText()) : null,
                m.hasNonNull("finishedAt") ? Instant.parse(m.get("finishedAt").asText()) : null,
                m.path("answers").asLong(), m.path("reusedAnswers").asLong());
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException(where + "." + field + " is missing");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
