package dev.raq.core.objective;

import dev.raq.core.internal.MarkdownText;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.ReportSection;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy on an objective benchmark, per candidate: right answers over judged samples with a 95% Wilson interval
 * and the number of replies with no extractable answer (counted as wrong); per subset the same; and across subsets
 * the weighted average accuracy (subset sizes as weights, as EvalScope reports it, which equals the accuracy over all
 * samples) beside the unweighted mean of the subsets' accuracies. From an {@link ExtractionJudge}'s judgments; a
 * failed judgment (a sample whose reference the extractor cannot read) counts in none of them.
 *
 * @param title      the heading
 * @param candidates per candidate, in the evaluation's order
 * @param subsets    per subset (sorted by name), per candidate; empty when no sample names a subset
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record AccuracySection(String title, List<Accuracy> candidates, Map<String, List<Accuracy>> subsets)
        implements ReportSection {

    /**
     * One candidate's accuracy.
     *
     * @param candidate   the candidate
     * @param correct     right answers
     * @param total       judged samples
     * @param unextracted replies with no extractable answer (wrong)
     * @param accuracy    correct / total
     * @param interval    the 95% Wilson interval of the accuracy
     * @param macro       the unweighted mean of the candidate's subset accuracies, or NaN without subsets
     */
    public record Accuracy(String candidate, int correct, int total, int unextracted, double accuracy,
                           ConfidenceInterval interval, double macro) {
    }

    /** The section of an extraction judge's judgments. */
    static AccuracySection of(String judge, List<Judgment> judgments) {
        Map<String, int[]> overall = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> bySubset = new TreeMap<>();
        for (Judgment j : judgments) {
            if (j.failed()) {
                continue;
            }
            JudgeCall call = j.calls().get(0);
            String subset = call.attributes().get("subset");
            for (String candidate : call.shownOrder()) {
                double score = java.util.Objects.requireNonNull(j.scores().get(candidate));
                boolean unextracted = call.attributes().containsKey("unextracted." + candidate);
                count(overall, candidate, score, unextracted);
                if (subset != null) {
                    count(bySubset.computeIfAbsent(subset, s -> new LinkedHashMap<>()), candidate, score,
                            unextracted);
                }
            }
        }
        Map<String, List<Accuracy>> subsets = new LinkedHashMap<>();
        bySubset.forEach((name, counts) -> {
            List<Accuracy> rows = new ArrayList<>();
            counts.forEach((c, n) -> rows.add(accuracy(c, n, Double.NaN)));
            subsets.put(name, List.copyOf(rows));
        });
        List<Accuracy> rows = new ArrayList<>();
        overall.forEach((c, n) -> {
            double sum = 0;
            int count = 0;
            for (List<Accuracy> subset : subsets.values()) {
                for (Accuracy a : subset) {
                    if (a.candidate().equals(c)) {
                        sum += a.accuracy();
                        count++;
                    }
                }
            }
            rows.add(accuracy(c, n, count == 0 ? Double.NaN : sum / count));
        });
        return new AccuracySection("Accuracy of " + judge, List.copyOf(rows), subsets);
    }

    private static void count(Map<String, int[]> counts, String candidate, double score, boolean unextracted) {
        int[] n = counts.computeIfAbsent(candidate, c -> new int[3]);
        n[0] += score == 1.0 ? 1 : 0;
        n[1]++;
        n[2] += unextracted ? 1 : 0;
    }

    private static Accuracy accuracy(String candidate, int[] n, double macro) {
        return new Accuracy(candidate, n[0], n[1], n[2], (double) n[0] / n[1],
                ProportionCi.of(n[0], n[1], 0.05, ProportionCi.Method.WILSON), macro);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("candidates", candidates.stream().map(AccuracySection::row).toList());
        Map<String, Object> subsetMap = new LinkedHashMap<>();
        subsets.forEach((name, rows) -> subsetMap.put(name, rows.stream().map(AccuracySection::row).toList()));
        out.put("subsets", subsetMap);
        return out;
    }

    private static Map<String, Object> row(Accuracy a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidate", a.candidate());
        m.put("correct", a.correct());
        m.put("total", a.total());
        m.put("unextracted", a.unextracted());
        m.put("accuracy", a.accuracy());
        m.put("lower", a.interval().lower());
        m.put("upper", a.interval().upper());
        m.put("macroAverage", Double.isNaN(a.macro()) ? null : a.macro());
        return m;
    }

    @Override
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        boolean withSubsets = !subsets.isEmpty();
        sb.append("| Candidate | Accuracy | 95% Wilson CI | Correct | Unextracted |")
                .append(withSubsets ? " Mean of subsets |" : "").append('\n')
                .append("|---|---:|---:|---:|---:|").append(withSubsets ? "---:|" : "").append('\n');
        for (Accuracy a : candidates) {
            sb.append("| ").append(MarkdownText.escape(a.candidate())).append(" | ").append(pct(a.accuracy()))
                    .append(" | ").append(pct(a.interval().lower())).append('–').append(pct(a.interval().upper()))
                    .append(" | ").append(a.correct()).append('/').append(a.total()).append(" | ")
                    .append(a.unextracted()).append(" |").append(withSubsets ? " " + pct(a.macro()) + " |" : "")
                    .append('\n');
        }
        if (withSubsets) {
            sb.append("\nAccuracy is the weighted average over subsets (subset sizes as weights); by subset:\n\n")
                    .append("| Subset | Candidate | Accuracy | 95% Wilson CI | Correct |\n")
                    .append("|---|---|---:|---:|---:|\n");
            subsets.forEach((name, rows) -> rows.forEach(a -> sb.append("| ").append(MarkdownText.escape(name))
                    .append(" | ").append(MarkdownText.escape(a.candidate())).append(" | ").append(pct(a.accuracy()))
                    .append(" | ").append(pct(a.interval().lower())).append('–').append(pct(a.interval().upper()))
                    .append(" | ").append(a.correct()).append('/').append(a.total()).append(" |\n")));
        }
        return sb.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
