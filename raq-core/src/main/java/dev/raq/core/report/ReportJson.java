package dev.raq.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.significance.Omnibus;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;

/**
 * Writes a report as JSON, schema {@code raq-report/2} (documented in {@code docs/report-schema.md}), streaming: the
 * summary sections are small trees, and the samples are written one at a time, so a report of a million samples
 * never exists as one string or one tree.
 */
final class ReportJson implements ReportWriter {

    static final ReportJson INSTANCE = new ReportJson();

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    @Override
    public void write(EvaluationReport r, Writer out) throws IOException {
        ObjectNode root = summary(r);
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) root::fields) {
                gen.writeFieldName(field.getKey());
                MAPPER.writeTree(gen, field.getValue());
            }
            gen.writeArrayFieldStart("samples");
            for (SampleResult s : r.samples()) {
                MAPPER.writeTree(gen, sample(r, s));
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        out.write('\n');
    }

    /** The manifest as plain values, instants as ISO-8601 text. */
    private static java.util.Map<String, Object> manifest(Manifest m) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("raqVersion", m.raqVersion());
        out.put("java", m.java());
        out.put("seed", m.seed());
        out.put("alpha", m.alpha());
        out.put("observationUnit", m.observationUnit());
        out.put("significance", m.significance());
        out.put("datasetFingerprint", m.datasetFingerprint());
        out.put("samples", m.samples());
        out.put("candidates", new java.util.TreeMap<>(m.candidates()));
        out.put("reportedModels", new java.util.TreeMap<>(m.reportedModels()));
        out.put("promptHash", m.promptHash());
        out.put("judges", new java.util.TreeMap<>(m.judges()));
        out.put("startedAt", m.startedAt() == null ? null : m.startedAt().toString());
        out.put("finishedAt", m.finishedAt() == null ? null : m.finishedAt().toString());
        out.put("answers", m.answers());
        out.put("reusedAnswers", m.reusedAnswers());
        return out;
    }

    /** Everything but the samples. */
    private static ObjectNode summary(EvaluationReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", EvaluationReport.SCHEMA);
        root.put("dryRun", r.dryRun());
        root.put("aborted", r.abortedBecause().orElse(null));
        root.put("seed", r.seed());
        root.put("alpha", r.alpha());
        r.candidates().forEach(root.putArray("candidates")::add);
        r.judges().forEach(root.putArray("judges")::add);
        root.put("observations", r.judges().size() > 1 ? "consensus" : "judge");
        root.put("observationUnit", r.observationUnit().name().toLowerCase(java.util.Locale.ROOT));
        root.set("manifest", MAPPER.valueToTree(manifest(r.manifest())));
        r.resultsFile().ifPresent(f -> root.put("resultsFile", f));
        if (r.sequential().isPresent()) {
            SequentialOutcome q = r.sequential().get();
            root.putObject("sequential").put("look", q.look()).put("samples", q.samples()).put("total", q.total())
                    .put("level", q.level()).put("alpha", q.alpha()).put("stoppedEarly", q.stoppedEarly());
        } else {
            root.putNull("sequential");
        }
        if (r.clusters().isPresent()) {
            root.put("clusters", r.clusters().getAsInt());
        } else {
            root.putNull("clusters");
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem p : r.problems()) {
            ObjectNode pn = problems.addObject();
            pn.put("who", p.who());
            pn.put("calls", p.calls());
            pn.put("failed", p.failed());
            ObjectNode causes = pn.putObject("byCause");
            p.byCause().forEach((cause, count) -> causes.put(cause.label(), count));
            p.messages().forEach(pn.putArray("messages")::add);
        }
        ObjectNode counts = root.putObject("counts");
        counts.put("samples", r.sampleCount());
        counts.put("judgedSamples", r.judgedSampleCount());
        counts.put("rankings", r.rankings().size());
        counts.put("answerErrors", r.answerErrors());
        counts.put("judgeErrors", r.judgeErrors());
        if (r.judgeAgreement().isPresent()) {
            root.putObject("judgeAgreement").put("kendallW", r.judgeAgreement().getAsDouble())
                    .put("samples", r.agreementSamples());
        } else {
            root.putNull("judgeAgreement");
        }
        ArrayNode cands = root.putArray("candidateSummaries");
        for (CandidateSummary c : r.candidateSummaries()) {
            ObjectNode n = cands.addObject();
            n.put("name", c.name());
            n.put("answers", c.answers());
            n.put("errors", c.errors());
            putRank(n, "rank", c.rank());
            ObjectNode versus = n.putObject("versus");
            c.versus().forEach((other, w) -> {
                ObjectNode o = versus.putObject(other);
                o.put("wins", w.wins());
                o.put("ties", w.ties());
                o.put("losses", w.losses());
            });
            putNumber(n, "meanWords", c.answers() == 0 ? null : c.meanWords());
            putNumber(n, "wordsPerSecond", c.wordsPerSecond());
            putNumber(n, "tokensPerSecond", c.tokensPerSecond());
            putMillis(n, "latencyP50Ms", c.latencyP50());
            putMillis(n, "latencyP95Ms", c.latencyP95());
            putMillis(n, "timeToFirstTokenP50Ms", c.timeToFirstTokenP50());
            n.put("promptTokens", c.promptTokens());
            n.put("completionTokens", c.completionTokens());
            n.put("answersWithUsage", c.answersWithUsage());
            putNumber(n, "cost", c.cost());
        }
        ArrayNode judges = root.putArray("judgeSummaries");
        for (JudgeSummary j : r.judgeSummaries()) {
            ObjectNode n = judges.addObject();
            n.put("name", j.name());
            n.put("judgments", j.judgments());
            n.put("calls", j.calls());
            n.put("failedJudgments", j.failedJudgments());
            n.put("failedCalls", j.failedCalls());
            ObjectNode ranks = n.putObject("ranks");
            j.ranks().forEach((c, s) -> putRank(ranks, c, s));
            ObjectNode scores = n.putObject("scores");
            j.scores().forEach((c, s) -> putRank(scores, c, s));
            putNumber(n, "selfAgreement", j.selfAgreement());
            OrderEffect order = j.orderEffect();
            if (order == null) {
                n.putNull("orderEffect");
            } else {
                n.putObject("orderEffect").put("calls", order.calls()).put("firstShownBest", order.firstShownBest())
                        .put("rate", order.rate()).put("expectedRate", order.expectedRate());
            }
            n.put("selfAgreementSamples", j.selfAgreementSamples());
        }
        ArrayNode differences = root.putArray("pairDifferences");
        for (PairDifference d : r.pairDifferences()) {
            var v = d.difference();
            ObjectNode dn = differences.addObject();
            dn.put("first", d.first());
            dn.put("second", d.second());
            dn.put("measure", d.measure());
            dn.put("n", v.n());
            dn.put("meanDifference", v.meanDifference());
            dn.put("standardError", v.standardError());
            putInterval(dn, "tInterval", v.tInterval());
            putInterval(dn, "zInterval", v.zInterval());
            putInterval(dn, "bootstrapInterval", d.bootstrapInterval());
            var clustered = d.clustered();
            if (clustered == null) {
                dn.putNull("clustered");
            } else {
                ObjectNode cn = dn.putObject("clustered");
                cn.put("clusters", clustered.clusters());
                putNumber(cn, "standardError", finite(clustered.seClustered()));
                putInterval(cn, "tInterval", clustered.interval());
            }
            var mcnemar = d.mcnemar();
            if (mcnemar == null) {
                dn.putNull("mcnemar");
            } else {
                ObjectNode mn = dn.putObject("mcnemar");
                putNumber(mn, "exactPValue", finite(mcnemar.exactPValue()));
                putNumber(mn, "midPValue", finite(mcnemar.midPValue()));
                putNumber(mn, "chi2PValue", finite(mcnemar.chi2PValue()));
            }
            putNumber(dn, "tStatistic", finite(v.tStatistic()));
            putNumber(dn, "tPValue", finite(v.tPValue()));
            putNumber(dn, "correlation", finite(v.correlation()));
            putNumber(dn, "rankBiserial", finite(v.rankBiserial()));
            putNumber(dn, "minimumDetectableDifference", finite(d.minimumDetectableDifference()));
            putNumber(dn, "powerForObserved", finite(d.powerForObserved()));
        }
        ArrayNode sections = root.putArray("sections");
        r.sections().forEach((judge, section) -> sections.addObject().put("judge", judge)
                .put("title", section.title()).set("content", MAPPER.valueToTree(section.toMap())));
        if (r.significanceTest().isEmpty()) {
            root.putNull("significance");
        } else {
            ObjectNode sig = root.putObject("significance");
            sig.put("test", r.significanceTest().get());
            sig.put("error", r.significanceError().orElse(null));
            SignificanceResult res = r.significance().orElse(null);
            if (res != null) {
                sig.put("observations", res.observations());
                res.notes().forEach(sig.putArray("notes")::add);
                Omnibus o = res.omnibus().orElse(null);
                if (o == null) {
                    sig.putNull("omnibus");
                } else {
                    ObjectNode on = sig.putObject("omnibus");
                    on.put("test", o.test());
                    on.put("defined", o.defined());
                    putNumber(on, "statistic", o.defined() ? o.statistic() : null);
                    putNumber(on, "pValue", o.defined() ? o.pValue() : null);
                    putNumber(on, "effectSize", finite(o.effectSize()));
                }
                ArrayNode pairs = sig.putArray("pairs");
                for (PairComparison p : res.pairs()) {
                    ObjectNode pn = pairs.addObject();
                    pn.put("first", p.first());
                    pn.put("second", p.second());
                    pn.put("pValue", p.pValue());
                    pn.put("significant", p.significant());
                    pn.put("better", p.better());
                    pn.put("n", p.n());
                }
            }
        }
        return root;
    }

    /** One sample's entry, for drill-down. */
    private static ObjectNode sample(EvaluationReport r, SampleResult s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("index", s.index());
        n.put("id", s.sample().id());
        n.put("question", s.sample().question());
        s.sample().references().forEach(n.putArray("references")::add);
        n.put("notJudged", s.notJudged());
        ObjectNode sampleScores = n.putObject("scores");
        for (Judgment j : s.judgments()) {
            if (!j.scores().isEmpty()) {
                ObjectNode js = sampleScores.putObject(j.judge());
                r.candidates().stream().filter(c -> j.scores().containsKey(c))
                        .forEach(c -> js.put(c, j.scores().get(c)));
            }
        }
        ArrayNode answers = n.putArray("answers");
        for (AnswerRecord a : s.answers()) {
            answers.add(answer(a));
        }
        ArrayNode js = n.putArray("judgments");
        for (Judgment j : s.judgments()) {
            js.add(judgment(j));
        }
        Ranking consensus = r.consensus().get(s.sample().id());
        if (consensus == null) {
            n.putNull("consensus");
        } else {
            putRanking(n.putObject("consensus"), consensus);
        }
        return n;
    }

    private static ObjectNode answer(AnswerRecord a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("candidate", a.candidate());
        Completion c = a.completion();
        n.put("text", c == null ? null : c.text());
        n.put("error", a.error());
        n.put("cause", a.cause() == null ? null : a.cause().label());
        n.put("reused", a.reused());
        if (c == null) {
            return n;
        }
        n.put("words", Words.count(c.text()));
        putMillis(n, "latencyMs", c.latency().orElse(null));
        putMillis(n, "timeToFirstTokenMs", c.timeToFirstToken().orElse(null));
        if (c.usage().isPresent()) {
            n.put("promptTokens", c.usage().get().promptTokens());
            n.put("completionTokens", c.usage().get().completionTokens());
            n.put("usageEstimated", c.usage().get().estimated());
        } else {
            n.putNull("promptTokens");
            n.putNull("completionTokens");
            n.putNull("usageEstimated");
        }
        n.put("finishReason", c.finishReason().orElse(null));
        n.put("modelId", c.modelId().orElse(null));
        return n;
    }

    static ObjectNode judgment(Judgment j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("judge", j.judge());
        n.put("sampleId", j.sampleId());
        ObjectNode scores = n.putObject("scores");
        j.scores().forEach(scores::put);
        ArrayNode calls = n.putArray("calls");
        for (JudgeCall c : j.calls()) {
            ObjectNode cn = calls.addObject();
            c.shownOrder().forEach(cn.putArray("shownOrder")::add);
            if (c.ranking().isPresent()) {
                putRanking(cn.putObject("ranking"), c.ranking().get());
            } else {
                cn.putNull("ranking");
            }
            cn.put("error", c.error().orElse(null));
            cn.put("cause", c.cause().map(FailureCause::label).orElse(null));
            cn.put("output", c.output().orElse(null));
            ObjectNode attrs = cn.putObject("attributes");
            c.attributes().forEach(attrs::put);
        }
        return n;
    }

    private static void putRanking(ObjectNode n, Ranking r) {
        for (String c : r.candidates()) {
            n.put(c, r.rank(c));
        }
    }

    private static void putRank(ObjectNode parent, String field, @Nullable ValueSummary s) {
        if (s == null) {
            parent.putNull(field);
            return;
        }
        ObjectNode n = parent.putObject(field);
        n.put("n", s.n());
        n.put("mean", s.mean());
        n.put("median", s.median());
        putNumber(n, "sd", s.n() > 1 ? s.sd() : null);
        putInterval(n, "meanInterval", s.meanInterval());
    }

    /** {@code {lower, upper, level}}, or null. */
    private static void putInterval(ObjectNode parent, String field, dev.raq.stats.@Nullable ConfidenceInterval ci) {
        if (ci == null) {
            parent.putNull(field);
        } else {
            parent.putObject(field).put("lower", ci.lower()).put("upper", ci.upper()).put("level", ci.level());
        }
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void putNumber(ObjectNode n, String field, @Nullable Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.doubleValue());
        }
    }

    private static void putMillis(ObjectNode n, String field, @Nullable Duration d) {
        putNumber(n, field, d == null ? null : d.toNanos() / 1e6);
    }

}
