package dev.raq.report.html;

import dev.raq.core.judge.Consensus;
import dev.raq.core.judge.Ranking;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.PairwiseSection;
import dev.raq.core.report.CandidateSummary;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import dev.raq.core.report.PairDifference;
import dev.raq.core.report.ValueSummary;
import dev.raq.core.report.WinTieLoss;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.ProportionCi;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of a report as SVG, for the HTML page and for the SVG files next to a Markdown report: mean rank,
 * metric scores, the significance heat map and critical-difference diagram, paired differences with the minimum
 * detectable difference, answer length, throughput and latency, quality against speed, a pairwise judge's
 * preference distribution, win rates and Bradley–Terry ratings, and the judges' agreement. A chart whose data the
 * run did not have (latency of replayed answers, say) is left out.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportCharts {

    /**
     * One chart.
     *
     * @param id    a short name, usable in a file name (such as {@code mean-rank})
     * @param title what it shows
     * @param svg   the SVG element, standalone (with its namespace)
     */
    public record Chart(String id, String title, String svg) {
    }

    private ReportCharts() {
    }

    /** Every chart of the report, in page order. */
    public static List<Chart> all(EvaluationReport r) {
        List<Chart> all = new ArrayList<>();
        Chart ranks = meanRanks(r);
        if (ranks != null) {
            all.add(ranks);
        }
        all.addAll(meanScores(r));
        all.addAll(significance(r));
        all.addAll(differences(r));
        all.addAll(speed(r));
        int pairwiseSections = 0;
        for (var section : r.sections().values()) {
            if (section instanceof PairwiseSection pairwise) {
                pairwiseSections++;
                String suffix = pairwiseSections == 1 ? "" : "-" + pairwiseSections;
                for (Chart c : pairwise(r, pairwise)) {
                    all.add(new Chart(c.id() + suffix, c.title(), c.svg()));
                }
            }
        }
        Chart agreement = judgeAgreement(r);
        if (agreement != null) {
            all.add(agreement);
        }
        Chart panel = panelAgreement(r);
        if (panel != null) {
            all.add(panel);
        }
        return all;
    }

    static @Nullable Chart meanRanks(EvaluationReport r) {
        List<Charts.Interval> ranks = new ArrayList<>();
        for (CandidateSummary c : r.candidateSummaries()) {
            ValueSummary rank = c.rank();
            if (rank != null) {
                ranks.add(interval(c.name(), rank, c.name() + ": mean rank " + Svg.label(rank.mean())));
            }
        }
        if (ranks.isEmpty()) {
            return null;
        }
        ranks.sort((a, b) -> Double.compare(a.value(), b.value()));
        String title = "Mean rank with its 95% interval (lower is better)";
        return new Chart("mean-rank", title, Charts.intervals(title, "mean rank", ranks, null, null));
    }

    private static Charts.Interval interval(String label, ValueSummary s, String tooltip) {
        ConfidenceInterval ci = s.meanIntervalIfComputed().orElse(null);
        return new Charts.Interval(label, s.mean(), ci == null ? Double.NaN : ci.lower(),
                ci == null ? Double.NaN : ci.upper(), tooltip);
    }

    static List<Chart> meanScores(EvaluationReport r) {
        List<Chart> charts = new ArrayList<>();
        int n = 0;
        for (JudgeSummary j : r.judgeSummaries()) {
            if (j.scores().isEmpty()) {
                continue;
            }
            List<Charts.Interval> scores = new ArrayList<>();
            j.scores().forEach((c, s) -> scores.add(interval(c, s, c + ": mean " + Svg.label(s.mean()))));
            scores.sort((a, b) -> Double.compare(b.value(), a.value()));
            String title = "Mean " + j.name() + " with its 95% interval (higher is better)";
            charts.add(new Chart("mean-score-" + (++n), title, Charts.intervals(title, j.name(), scores, null, null)));
        }
        return charts;
    }

    static List<Chart> significance(EvaluationReport r) {
        SignificanceResult result = r.significance().orElse(null);
        if (result == null) {
            return List.of();
        }
        List<String> names = result.candidates();
        int k = names.size();
        double[][] p = new double[k][k];
        boolean[][] significant = new boolean[k][k];
        for (double[] row : p) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (PairComparison pair : result.pairs()) {
            int a = names.indexOf(pair.first());
            int b = names.indexOf(pair.second());
            if (a >= 0 && b >= 0) {
                p[a][b] = p[b][a] = pair.pValue();
                significant[a][b] = significant[b][a] = pair.significant();
            }
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            numbered.add((i + 1) + " " + names.get(i));
        }
        List<Chart> charts = new ArrayList<>();
        String heat = "Adjusted p-values (✱ significant at alpha " + result.alpha() + "; columns numbered as rows)";
        charts.add(new Chart("p-values", heat, Charts.heatMap(heat, numbered, p, significant)));
        double[] meanRanks = new double[k];
        boolean ranked = k >= 2;
        for (int i = 0; i < k; i++) {
            ValueSummary rank = r.candidate(names.get(i)).rank();
            ranked &= rank != null;
            meanRanks[i] = rank == null ? Double.NaN : rank.mean();
        }
        if (ranked) {
            String cd = "Critical-difference diagram: a bar joins candidates the test does not tell apart";
            charts.add(new Chart("critical-difference", cd, Charts.cdDiagram(cd, names, meanRanks, significant)));
        }
        return charts;
    }

    static List<Chart> differences(EvaluationReport r) {
        Map<String, List<PairDifference>> byMeasure = new LinkedHashMap<>();
        for (PairDifference d : r.pairDifferences()) {
            byMeasure.computeIfAbsent(d.measure(), m -> new ArrayList<>()).add(d);
        }
        List<Chart> charts = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<PairDifference>> e : byMeasure.entrySet()) {
            List<Charts.Interval> rows = new ArrayList<>();
            double mde = 0;
            for (PairDifference d : e.getValue()) {
                ConfidenceInterval ci = d.difference().tInterval();
                rows.add(new Charts.Interval(d.first() + " − " + d.second(), d.difference().meanDifference(),
                        ci.lower(), ci.upper(), d.first() + " − " + d.second() + ": " + Svg.label(d.difference()
                        .meanDifference()) + ", MDE " + Svg.label(d.minimumDetectableDifference())));
                if (Double.isFinite(d.minimumDetectableDifference())) {
                    mde = Math.max(mde, d.minimumDetectableDifference());
                }
            }
            String title = "Paired differences in " + e.getKey();
            charts.add(new Chart("differences-" + (++n), title, Charts.intervals(title, e.getKey() + " difference",
                    rows, 0.0, mde > 0 ? mde : null)));
        }
        return charts;
    }

    static List<Chart> speed(EvaluationReport r) {
        List<CandidateSummary> cs = r.candidateSummaries();
        List<String> names = cs.stream().map(CandidateSummary::name).toList();
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("answer-length", "Mean answer length", Charts.bars("Mean answer length", "words", names,
                List.of("mean words"), List.of(cs.stream().mapToDouble(CandidateSummary::meanWords).toArray()))));
        if (cs.stream().anyMatch(c -> c.wordsPerSecond() != null || c.tokensPerSecond() != null)) {
            charts.add(new Chart("throughput", "Throughput", Charts.bars("Throughput", "per second", names,
                    List.of("words/s", "tokens/s"), List.of(
                            cs.stream().mapToDouble(c -> orNaN(c.wordsPerSecond())).toArray(),
                            cs.stream().mapToDouble(c -> orNaN(c.tokensPerSecond())).toArray()))));
        }
        if (cs.stream().anyMatch(c -> c.latencyP50() != null)) {
            charts.add(new Chart("latency", "Latency", Charts.bars("Latency", "milliseconds", names,
                    List.of("p50", "p95", "time to first token p50"), List.of(
                            cs.stream().mapToDouble(c -> millis(c.latencyP50())).toArray(),
                            cs.stream().mapToDouble(c -> millis(c.latencyP95())).toArray(),
                            cs.stream().mapToDouble(c -> millis(c.timeToFirstTokenP50())).toArray()))));
        }
        List<String> labels = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (CandidateSummary c : cs) {
            if (c.wordsPerSecond() != null && c.rank() != null) {
                labels.add(c.name());
                points.add(new double[] {c.wordsPerSecond(), c.rank().mean()});
            }
        }
        if (labels.size() >= 2) {
            String title = "Quality against speed (up and right is better)";
            charts.add(new Chart("quality-speed", title, Charts.scatter(title, "words per second", "mean rank", labels,
                    points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1])
                            .toArray(), true)));
        }
        return charts;
    }

    /** The value, NaN when there is none. */
    static double orNaN(@Nullable Double v) {
        return v == null ? Double.NaN : v;
    }

    /** A duration in milliseconds, NaN when there is none. */
    static double millis(@Nullable Duration d) {
        return d == null ? Double.NaN : d.toNanos() / 1e6;
    }

    static List<Chart> pairwise(EvaluationReport r, PairwiseSection s) {
        Leaderboard board = s.leaderboard().orElse(null);
        String baseline = board == null ? null : board.options().baseline();
        List<String> labels = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Charts.Interval> winRates = new ArrayList<>();
        List<String> names = r.candidates();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                if (baseline != null && !a.equals(baseline) && !b.equals(baseline)) {
                    continue;
                }
                if (a.equals(baseline)) {
                    String t = a;
                    a = b;
                    b = t;
                }
                WinTieLoss wtl = r.candidate(a).against(b);
                int errors = failedCalls(r, a, b);
                if (wtl.total() + errors == 0) {
                    continue;
                }
                labels.add(a + " vs " + b);
                counts.add(new int[] {wtl.wins(), wtl.ties(), wtl.losses(), errors});
                if (wtl.total() == 0) {
                    continue;
                }
                double wins = wtl.wins() + wtl.ties() / 2.0;
                ConfidenceInterval ci = ProportionCi.of(wins, wtl.total(), 0.05, ProportionCi.Method.WILSON);
                winRates.add(new Charts.Interval(a + " vs " + b, wins / wtl.total(), ci.lower(), ci.upper(),
                        a + " wins " + Svg.label(wins / wtl.total()) + " against " + b));
            }
        }
        List<Chart> charts = new ArrayList<>();
        if (!labels.isEmpty()) {
            String dist = "Preference distribution (first wins / ties / second wins / failed judge calls)";
            charts.add(new Chart("preferences", dist, Charts.stacked(dist, labels, List.of("first wins", "tie",
                    "second wins", "errors"), List.of("#2f6db5", "#9aa5b1", "#e08a2c", "#b02a1a"), counts)));
            String rates = "Win rate (ties half) with its 95% Wilson interval";
            charts.add(new Chart("win-rates", rates, Charts.intervals(rates, "win rate", winRates, 0.5, null)));
        }
        var bias = s.positionBias();
        if (bias.decisiveVerdicts() > 0) {
            ConfidenceInterval ci = ProportionCi.of(bias.firstPositionWins(), bias.decisiveVerdicts(), 0.05,
                    ProportionCi.Method.WILSON);
            String title = "Position bias: share of decisive verdicts for the answer shown first (0.5 is none)";
            charts.add(new Chart("position-bias", title, Charts.intervals(title, "share", List.of(
                    new Charts.Interval("first position wins", bias.firstPositionRate(), ci.lower(), ci.upper(),
                            bias.firstPositionWins() + " of " + bias.decisiveVerdicts())), 0.5, null)));
        }
        if (board != null) {
            List<Charts.Interval> ratings = new ArrayList<>();
            for (Leaderboard.Entry e : board.entries()) {
                ratings.add(new Charts.Interval(e.model(), e.rating(), e.ratingInterval().lower(),
                        e.ratingInterval().upper(), e.model() + ": rating " + Svg.label(e.rating())));
            }
            String bt = "Bradley–Terry ratings with 95% bootstrap intervals";
            charts.add(new Chart("bradley-terry", bt, Charts.intervals(bt, "rating", ratings,
                    baseline == null ? null : board.options().anchorRating(), null)));
        }
        return charts;
    }

    /**
     * For a panel of judges: each judge's share of the samples on which its best answer (of its calls' mean
     * ranking, ties by name) is among the panel's best (the consensus's), with a Wilson interval.
     */
    static @Nullable Chart panelAgreement(EvaluationReport r) {
        if (r.judges().size() < 2 || r.consensus().isEmpty()) {
            return null;
        }
        List<Charts.Interval> rows = new ArrayList<>();
        for (String judge : r.judges()) {
            int agree = 0;
            int n = 0;
            for (var s : r.samples()) {
                var consensus = r.consensus().get(s.sample().id());
                if (consensus == null) {
                    continue;
                }
                for (var j : s.judgments()) {
                    // the judge's own verdict on the sample: its calls' mean ranking, as the report counts it
                    List<Ranking> own = j.judge().equals(judge) ? Consensus.perSample(j) : List.of();
                    if (own.size() != 1) {
                        continue;
                    }
                    String best = own.get(0).candidates().get(0);
                    n++;
                    if (consensus.contains(best) && consensus.rank(best) == consensus.rank(consensus.candidates()
                            .get(0))) {
                        agree++;
                    }
                }
            }
            if (n > 0) {
                ConfidenceInterval ci = ProportionCi.of(agree, n, 0.05, ProportionCi.Method.WILSON);
                rows.add(new Charts.Interval(judge, (double) agree / n, ci.lower(), ci.upper(), judge + ": agrees on "
                        + agree + " of " + n + " samples"));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        String title = "Each judge's agreement with the panel's verdict (best answer), with its 95% interval";
        return new Chart("panel-agreement", title, Charts.intervals(title, "share of samples", rows, null, null));
    }

    /** Judge calls on the pair {a, b} that failed (no verdict), over every sample. */
    private static int failedCalls(EvaluationReport r, String a, String b) {
        int failed = 0;
        for (var s : r.samples()) {
            for (var j : s.judgments()) {
                for (var call : j.failedCalls()) {
                    if (call.shownOrder().size() == 2 && call.shownOrder().contains(a) && call.shownOrder().contains(b)) {
                        failed++;
                    }
                }
            }
        }
        return failed;
    }

    static @Nullable Chart judgeAgreement(EvaluationReport r) {
        List<String> names = new ArrayList<>();
        List<Double> agreement = new ArrayList<>();
        for (JudgeSummary j : r.judgeSummaries()) {
            if (j.selfAgreement() != null) {
                names.add(j.name());
                agreement.add(j.selfAgreement());
            }
        }
        if (agreement.isEmpty()) {
            return null;
        }
        String title = "Each judge's agreement with itself over repeated calls";
        return new Chart("judge-agreement", title, Charts.bars(title, "agreement", names, List.of("self-agreement"),
                List.of(agreement.stream().mapToDouble(Double::doubleValue).toArray())));
    }
}
