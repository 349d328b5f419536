package dev.raq.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one lossless JSON form of a {@link SampleResult} and its parts (completions, judgments): what the result store
 * writes, and what partial results travel as between processes (a distributed run ships them to be merged into one
 * report). {@code fromJson(toJson(r))} equals {@code r}. The report's JSON ({@code raq-report/2}) is a presentation
 * of the same data with derived fields (words, milliseconds) for readers. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleResultCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleResultCodec() {
    }

    /** The sample result: index, the sample (id, question, context, references, metadata), answers, judgments. */
    public static ObjectNode toJson(SampleResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("index", r.index());
        Sample s = r.sample();
        ObjectNode sample = n.putObject("sample");
        sample.put("id", s.id());
        sample.put("question", s.question());
        sample.put("context", s.context());
        s.references().forEach(sample.putArray("references")::add);
        ObjectNode metadata = sample.putObject("metadata");
        s.metadata().forEach(metadata::put);
        ArrayNode answers = n.putArray("answers");
        for (AnswerRecord a : r.answers()) {
            ObjectNode an = answers.addObject();
            an.put("candidate", a.candidate());
            if (a.completion() != null) {
                an.set("completion", completion(a.completion()));
            } else {
                an.put("error", a.error());
                an.put("cause", a.cause() == null ? null : a.cause().name());
            }
            an.put("reused", a.reused());
        }
        ArrayNode judgments = n.putArray("judgments");
        r.judgments().forEach(j -> judgments.add(judgment(j)));
        n.put("notJudged", r.notJudged());
        return n;
    }

    /** A sample result read back from {@link #toJson(SampleResult)}'s form. */
    public static SampleResult fromJson(JsonNode n) {
        JsonNode s = n.get("sample");
        List<String> references = new ArrayList<>();
        s.get("references").forEach(ref -> references.add(ref.asText()));
        Map<String, String> metadata = new LinkedHashMap<>();
        s.get("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        Sample sample = new Sample(s.get("id").asText(), s.get("question").asText(), text(s, "context"), references,
                metadata);
        List<AnswerRecord> answers = new ArrayList<>();
        for (JsonNode a : n.get("answers")) {
            String candidate = a.get("candidate").asText();
            boolean reused = a.path("reused").asBoolean(false);
            if (a.has("completion")) {
                answers.add(AnswerRecord.answered(candidate, completion(a.get("completion")), reused));
            } else {
                FailureCause cause = a.hasNonNull("cause") ? FailureCause.valueOf(a.get("cause").asText())
                        : FailureCause.OTHER;
                answers.add(AnswerRecord.failed(candidate, a.get("error").asText(), cause));
            }
        }
        List<Judgment> judgments = new ArrayList<>();
        n.get("judgments").forEach(j -> judgments.add(judgment(j)));
        return new SampleResult(n.get("index").asInt(), sample, answers, judgments, text(n, "notJudged"));
    }

    /** A completion, losslessly (durations in nanoseconds). */
    public static ObjectNode completion(Completion c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("text", c.text());
        c.usage().ifPresent(u -> n.putObject("usage").put("promptTokens", u.promptTokens())
                .put("completionTokens", u.completionTokens()).put("estimated", u.estimated()));
        c.latency().ifPresent(d -> n.put("latencyNanos", d.toNanos()));
        c.timeToFirstToken().ifPresent(d -> n.put("timeToFirstTokenNanos", d.toNanos()));
        if (c.chunkCount() > 0) {
            ArrayNode chunks = n.putArray("chunkOffsetsNanos");
            for (long offset : c.chunkOffsetsNanos()) {
                chunks.add(offset);
            }
        }
        if (!c.logprobs().isEmpty()) {
            ArrayNode tokens = n.putArray("logprobs");
            for (dev.raq.core.model.TokenLogprob t : c.logprobs()) {
                ObjectNode tn = tokens.addObject().put("token", t.token()).put("logprob", t.logprob());
                ArrayNode top = tn.putArray("top");
                t.alternatives().forEach(a -> top.addObject().put("token", a.token()).put("logprob", a.logprob()));
            }
        }
        c.finishReason().ifPresent(f -> n.put("finishReason", f));
        c.modelId().ifPresent(m -> n.put("modelId", m));
        return n;
    }

    /** A completion read back from {@link #completion(Completion)}'s form. */
    public static Completion completion(JsonNode n) {
        Completion.Builder b = Completion.builder(n.get("text").asText());
        JsonNode u = n.get("usage");
        if (u != null) {
            b.usage(new TokenUsage(u.get("promptTokens").asLong(), u.get("completionTokens").asLong(),
                    u.get("estimated").asBoolean()));
        }
        if (n.has("latencyNanos")) {
            b.latency(Duration.ofNanos(n.get("latencyNanos").asLong()));
        }
        if (n.has("timeToFirstTokenNanos")) {
            b.timeToFirstToken(Duration.ofNanos(n.get("timeToFirstTokenNanos").asLong()));
        }
        JsonNode chunks = n.get("chunkOffsetsNanos");
        if (chunks != null && chunks.isArray()) {
            long[] offsets = new long[chunks.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = chunks.get(i).asLong();
            }
            b.chunkOffsetsNanos(offsets);
        }
        JsonNode logprobs = n.get("logprobs");
        if (logprobs != null && logprobs.isArray()) {
            List<dev.raq.core.model.TokenLogprob> tokens = new ArrayList<>();
            for (JsonNode t : logprobs) {
                List<dev.raq.core.model.TokenLogprob.Alternative> top = new ArrayList<>();
                t.path("top").forEach(a -> top.add(new dev.raq.core.model.TokenLogprob.Alternative(
                        a.get("token").asText(), a.get("logprob").asDouble())));
                tokens.add(new dev.raq.core.model.TokenLogprob(t.get("token").asText(), t.get("logprob").asDouble(),
                        top));
            }
            b.logprobs(tokens);
        }
        b.finishReason(text(n, "finishReason"));
        b.modelId(text(n, "modelId"));
        return b.build();
    }

    /** A judgment with every call (order shown, output, ranking or error and cause, attributes) and its scores. */
    public static ObjectNode judgment(Judgment j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("judge", j.judge());
        n.put("sampleId", j.sampleId());
        ObjectNode scores = n.putObject("scores");
        j.scores().forEach(scores::put);
        var calls = n.putArray("calls");
        for (JudgeCall c : j.calls()) {
            ObjectNode cn = calls.addObject();
            c.shownOrder().forEach(cn.putArray("shownOrder")::add);
            c.output().ifPresent(o -> cn.put("output", o));
            c.ranking().ifPresent(r -> {
                ObjectNode rn = cn.putObject("ranking");
                r.candidates().forEach(name -> rn.put(name, r.rank(name)));
            });
            c.error().ifPresent(e -> cn.put("error", e));
            c.cause().ifPresent(cause -> cn.put("cause", cause.name()));
            ObjectNode attrs = cn.putObject("attributes");
            c.attributes().forEach(attrs::put);
        }
        return n;
    }

    /** A judgment read back from {@link #judgment(Judgment)}'s form. */
    public static Judgment judgment(JsonNode n) {
        List<JudgeCall> calls = new ArrayList<>();
        for (JsonNode c : n.get("calls")) {
            List<String> shown = new ArrayList<>();
            c.get("shownOrder").forEach(s -> shown.add(s.asText()));
            Map<String, String> attrs = new LinkedHashMap<>();
            c.get("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
            String output = text(c, "output");
            if (c.has("ranking")) {
                Map<String, Double> ranks = new HashMap<>();
                c.get("ranking").fields().forEachRemaining(e -> ranks.put(e.getKey(), e.getValue().asDouble()));
                calls.add(JudgeCall.ranked(shown, output, new Ranking(ranks), attrs));
            } else {
                FailureCause cause = c.hasNonNull("cause") ? FailureCause.valueOf(c.get("cause").asText())
                        : FailureCause.OTHER;
                calls.add(JudgeCall.failed(shown, output, c.get("error").asText(), cause, attrs));
            }
        }
        Map<String, Double> scores = new HashMap<>();
        n.get("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asDouble()));
        return new Judgment(n.get("judge").asText(), n.get("sampleId").asText(), calls, scores);
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
