package dev.raq.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.internal.MarkdownText;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two runs on the same dataset (yesterday's and today's, or two prompt versions): the setup
 * (dataset fingerprint, prompt, models, judges, test, from the manifests), how every candidate moved (mean rank,
 * mean scores, errors), which verdicts of the significance test changed, and per sample (matched by id) whose best
 * answer, answers or scores changed. Works on JSON reports (schema raq-report/2), so reports written by any run,
 * process or machine can be compared. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How one candidate moved.
     *
     * @param candidate    the candidate
     * @param rankBefore   its mean rank before (NaN when it was not ranked)
     * @param rankAfter    its mean rank after
     * @param scores       per metric judge, the mean score before and after
     * @param errorsBefore its failed calls before
     * @param errorsAfter  its failed calls after
     */
    public record CandidateChange(String candidate, double rankBefore, double rankAfter,
                                  Map<String, double[]> scores, int errorsBefore, int errorsAfter) {
    }

    /**
     * A pair whose verdict changed.
     *
     * @param first  one candidate
     * @param second the other
     * @param before the verdict before, such as {@code "a better (p = 0.003)"} or {@code "no difference (p = 0.4)"}
     * @param after  the verdict after
     */
    public record VerdictChange(String first, String second, String before, String after) {
    }

    /**
     * What changed on one sample.
     *
     * @param sampleId the sample
     * @param changes  each change, in words
     */
    public record SampleChange(String sampleId, List<String> changes) {
    }

    private final List<String> setup;
    private final List<CandidateChange> candidates;
    private final List<VerdictChange> verdicts;
    private final List<SampleChange> samples;
    private final int onlyBefore;
    private final int onlyAfter;

    private ReportDiff(List<String> setup, List<CandidateChange> candidates, List<VerdictChange> verdicts,
                       List<SampleChange> samples, int onlyBefore, int onlyAfter) {
        this.setup = List.copyOf(setup);
        this.candidates = List.copyOf(candidates);
        this.verdicts = List.copyOf(verdicts);
        this.samples = List.copyOf(samples);
        this.onlyBefore = onlyBefore;
        this.onlyAfter = onlyAfter;
    }

    /** The difference of two reports. */
    public static ReportDiff of(EvaluationReport before, EvaluationReport after) {
        try {
            return of(JSON.readTree(before.toJson()), JSON.readTree(after.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The difference of two JSON report files.
     *
     * @throws IllegalArgumentException naming the file that is not a JSON report
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static ReportDiff read(Path before, Path after) {
        return of(ReportReader.readTree(Objects.requireNonNull(before, "before")),
                ReportReader.readTree(Objects.requireNonNull(after, "after")));
    }

    /** The difference of two JSON reports (as {@link EvaluationReport#toJson()} writes them). */
    public static ReportDiff of(JsonNode before, JsonNode after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        return new ReportDiff(setup(before.path("manifest"), after.path("manifest")), candidates(before, after),
                verdicts(before, after), sampleChanges(before, after), count(before, after), count(after, before));
    }

    private static List<String> setup(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        if (before.isMissingNode() || after.isMissingNode()) {
            out.add("the " + (before.isMissingNode() ? "earlier" : "later") + " report has no manifest (an older RAQ "
                    + "wrote it), so the setups cannot be compared");
            return out;
        }
        compare(out, "dataset fingerprint", before.path("datasetFingerprint"), after.path("datasetFingerprint"));
        compare(out, "samples", before.path("samples"), after.path("samples"));
        compare(out, "prompt template hash", before.path("promptHash"), after.path("promptHash"));
        compare(out, "significance", before.path("significance"), after.path("significance"));
        compare(out, "alpha", before.path("alpha"), after.path("alpha"));
        compare(out, "seed", before.path("seed"), after.path("seed"));
        Set<String> names = new LinkedHashSet<>();
        before.path("candidates").fieldNames().forEachRemaining(names::add);
        after.path("candidates").fieldNames().forEachRemaining(names::add);
        for (String c : names) {
            compare(out, "client of " + c, before.path("candidates").path(c), after.path("candidates").path(c));
            compare(out, "reported model of " + c, before.path("reportedModels").path(c),
                    after.path("reportedModels").path(c));
        }
        Set<String> judges = new LinkedHashSet<>();
        before.path("judges").fieldNames().forEachRemaining(judges::add);
        after.path("judges").fieldNames().forEachRemaining(judges::add);
        for (String j : judges) {
            compare(out, "judge " + j, before.path("judges").path(j), after.path("judges").path(j));
        }
        compare(out, "RAQ version", before.path("raqVersion"), after.path("raqVersion"));
        return out;
    }

    private static void compare(List<String> out, String what, JsonNode before, JsonNode after) {
        if (!before.equals(after)) {
            out.add(what + ": " + text(before) + " → " + text(after));
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "(none)" : node.isValueNode() ? node.asText() : node.toString();
    }

    private static List<CandidateChange> candidates(JsonNode before, JsonNode after) {
        Map<String, JsonNode> b = byName(before.path("candidateSummaries"));
        Map<String, JsonNode> a = byName(after.path("candidateSummaries"));
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<CandidateChange> out = new ArrayList<>();
        for (String c : names) {
            JsonNode cb = b.getOrDefault(c, JSON.missingNode());
            JsonNode ca = a.getOrDefault(c, JSON.missingNode());
            Map<String, double[]> scores = new LinkedHashMap<>();
            Map<String, JsonNode> jb = byName(before.path("judgeSummaries"));
            Map<String, JsonNode> ja = byName(after.path("judgeSummaries"));
            Set<String> judges = new LinkedHashSet<>(jb.keySet());
            judges.addAll(ja.keySet());
            for (String j : judges) {
                double sb = mean(jb.getOrDefault(j, JSON.missingNode()).path("scores").path(c));
                double sa = mean(ja.getOrDefault(j, JSON.missingNode()).path("scores").path(c));
                if (!Double.isNaN(sb) || !Double.isNaN(sa)) {
                    scores.put(j, new double[] {sb, sa});
                }
            }
            out.add(new CandidateChange(c, mean(cb.path("rank")), mean(ca.path("rank")), scores,
                    cb.path("errors").asInt(0), ca.path("errors").asInt(0)));
        }
        return out;
    }

    private static double mean(JsonNode summary) {
        return summary.path("mean").isNumber() ? summary.path("mean").asDouble() : Double.NaN;
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        array.forEach(n -> out.put(n.path("name").asText(), n));
        return out;
    }

    private static List<VerdictChange> verdicts(JsonNode before, JsonNode after) {
        Map<String, JsonNode> b = pairs(before);
        Map<String, JsonNode> a = pairs(after);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<VerdictChange> out = new ArrayList<>();
        for (String key : keys) {
            String vb = verdict(b.get(key));
            String va = verdict(a.get(key));
            if (!stripP(vb).equals(stripP(va))) {
                String[] names = key.split("\u0000");
                out.add(new VerdictChange(names[0], names[1], vb, va));
            }
        }
        return out;
    }

    private static String stripP(String verdict) {
        return verdict.replaceAll(" \\(p = [^)]*\\)", "");
    }

    private static Map<String, JsonNode> pairs(JsonNode report) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode p : report.path("significance").path("pairs")) {
            String first = p.path("first").asText();
            String second = p.path("second").asText();
            out.put(first.compareTo(second) < 0 ? first + "\u0000" + second : second + "\u0000" + first, p);
        }
        return out;
    }

    private static String verdict(@Nullable JsonNode pair) {
        if (pair == null) {
            return "not tested";
        }
        String p = String.format(Locale.ROOT, " (p = %.3g)", pair.path("pValue").asDouble());
        return pair.path("significant").asBoolean() ? pair.path("better").asText() + " better" + p
                : "no significant difference" + p;
    }

    private static int count(JsonNode report, JsonNode other) {
        Set<String> ids = new LinkedHashSet<>();
        other.path("samples").forEach(s -> ids.add(s.path("id").asText()));
        int n = 0;
        for (JsonNode s : report.path("samples")) {
            if (!ids.contains(s.path("id").asText())) {
                n++;
            }
        }
        return n;
    }

    private static List<SampleChange> sampleChanges(JsonNode before, JsonNode after) {
        Map<String, JsonNode> b = new LinkedHashMap<>();
        before.path("samples").forEach(s -> b.put(s.path("id").asText(), s));
        List<SampleChange> out = new ArrayList<>();
        for (JsonNode sa : after.path("samples")) {
            String id = sa.path("id").asText();
            JsonNode sb = b.get(id);
            if (sb == null) {
                continue;
            }
            List<String> changes = new ArrayList<>();
            List<String> bestBefore = best(sb);
            List<String> bestAfter = best(sa);
            if (!bestBefore.equals(bestAfter)) {
                changes.add("best: " + String.join(" = ", bestBefore) + " → " + String.join(" = ", bestAfter));
            }
            Map<String, JsonNode> answersBefore = answers(sb);
            answers(sa).forEach((candidate, answer) -> {
                JsonNode old = answersBefore.get(candidate);
                if (old != null && !old.path("text").equals(answer.path("text"))) {
                    changes.add("answer of " + candidate + (answer.path("text").isNull() ? " failed"
                            : old.path("text").isNull() ? " now given" : " changed"));
                }
            });
            sa.path("scores").fieldNames().forEachRemaining(judge -> sa.path("scores").path(judge).fieldNames()
                    .forEachRemaining(candidate -> {
                        JsonNode now = sa.path("scores").path(judge).path(candidate);
                        JsonNode then = sb.path("scores").path(judge).path(candidate);
                        if (then.isNumber() && Math.abs(then.asDouble() - now.asDouble()) > 1e-12) {
                            changes.add(judge + " of " + candidate + ": " + MarkdownText.number(then.asDouble())
                                    + " → " + MarkdownText.number(now.asDouble()));
                        }
                    }));
            if (!changes.isEmpty()) {
                out.add(new SampleChange(id, changes));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> answers(JsonNode sample) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        sample.path("answers").forEach(a -> out.put(a.path("candidate").asText(), a));
        return out;
    }

    /** The candidates with the best mean rank over the sample's judge calls (ties all listed). */
    private static List<String> best(JsonNode sample) {
        Map<String, double[]> ranks = new LinkedHashMap<>();
        for (JsonNode j : sample.path("judgments")) {
            for (JsonNode call : j.path("calls")) {
                call.path("ranking").fields().forEachRemaining(e -> {
                    double[] sum = ranks.computeIfAbsent(e.getKey(), k -> new double[2]);
                    sum[0] += e.getValue().asDouble();
                    sum[1]++;
                });
            }
        }
        double bestMean = Double.POSITIVE_INFINITY;
        List<String> best = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranks.entrySet()) {
            double mean = e.getValue()[0] / e.getValue()[1];
            if (mean < bestMean - 1e-12) {
                bestMean = mean;
                best.clear();
            }
            if (Math.abs(mean - bestMean) <= 1e-12) {
                best.add(e.getKey());
            }
        }
        best.sort(null);
        return best;
    }

    /** What differs in the runs' setup (manifests), one line each; empty when they ran alike. */
    public List<String> setupChanges() {
        return setup;
    }

    /** Every candidate of either report, with its before and after. */
    public List<CandidateChange> candidates() {
        return candidates;
    }

    /** The pairs whose verdict changed. */
    public List<VerdictChange> verdictChanges() {
        return verdicts;
    }

    /** The samples (in both reports) whose best answer, answers or scores changed. */
    public List<SampleChange> sampleChanges() {
        return samples;
    }

    /** Samples only in the earlier report, and only in the later one. */
    public int[] unmatchedSamples() {
        return new int[] {onlyBefore, onlyAfter};
    }

    /** The difference in Markdown, listing at most {@code maxSamples} changed samples. */
    public String toMarkdown(int maxSamples) {
        StringBuilder sb = new StringBuilder("# RAQ report diff\n\n");
        if (setup.isEmpty()) {
            sb.append("Same setup: dataset, prompt, models, judges and test.\n\n");
        } else {
            sb.append("## Setup changes\n\n");
            setup.forEach(line -> sb.append("- ").append(MarkdownText.escape(line)).append('\n'));
            sb.append('\n');
        }
        sb.append("## Candidates\n\n| Candidate | Mean rank before | after | change | Errors before | after |");
        Set<String> judges = new LinkedHashSet<>();
        candidates.forEach(c -> judges.addAll(c.scores().keySet()));
        for (String j : judges) {
            sb.append(' ').append(MarkdownText.escape(j)).append(" before | after |");
        }
        sb.append("\n|---|---:|---:|---:|---:|---:|").append("---:|---:|".repeat(judges.size())).append('\n');
        for (CandidateChange c : candidates) {
            sb.append("| ").append(MarkdownText.escape(c.candidate())).append(" | ").append(num(c.rankBefore()))
                    .append(" | ").append(num(c.rankAfter())).append(" | ").append(signed(c.rankAfter()
                            - c.rankBefore())).append(" | ").append(c.errorsBefore()).append(" | ")
                    .append(c.errorsAfter()).append(" |");
            for (String j : judges) {
                double[] s = c.scores().get(j);
                sb.append(' ').append(s == null ? "n/a" : num(s[0])).append(" | ")
                        .append(s == null ? "n/a" : num(s[1])).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nA lower mean rank is better.\n\n## Verdicts\n\n");
        if (verdicts.isEmpty()) {
            sb.append("No verdict of the significance test changed.\n\n");
        } else {
            for (VerdictChange v : verdicts) {
                sb.append("- ").append(MarkdownText.escape(v.first())).append(" vs ")
                        .append(MarkdownText.escape(v.second())).append(": ").append(MarkdownText.escape(v.before()))
                        .append(" → ").append(MarkdownText.escape(v.after())).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Samples\n\n").append(samples.size()).append(" samples changed");
        if (onlyBefore + onlyAfter > 0) {
            sb.append("; ").append(onlyBefore).append(" only in the earlier report, ").append(onlyAfter)
                    .append(" only in the later one");
        }
        sb.append(".\n\n");
        for (int i = 0; i < Math.min(maxSamples, samples.size()); i++) {
            SampleChange s = samples.get(i);
            sb.append("- `").append(s.sampleId().replace("`", "'")).append("`: ")
                    .append(MarkdownText.escape(String.join("; ", s.changes()))).append('\n');
        }
        if (samples.size() > maxSamples) {
            sb.append("- … and ").append(samples.size() - maxSamples).append(" more\n");
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : MarkdownText.number(v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : (v > 0 ? "+" : "") + MarkdownText.number(v);
    }
}
