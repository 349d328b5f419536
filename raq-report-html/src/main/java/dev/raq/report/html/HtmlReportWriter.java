package dev.raq.report.html;

import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.model.Completion;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.PairwiseSection;
import dev.raq.core.pairwise.PositionBias;
import dev.raq.core.pairwise.StyleControlledLeaderboard;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.CandidateSummary;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import dev.raq.core.report.Problem;
import dev.raq.core.report.ReportWriter;
import dev.raq.core.report.SampleResult;
import dev.raq.core.report.ValueSummary;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@link EvaluationReport} as one self-contained HTML file: problems first, the manifest, the candidates
 * (a sortable table), charts of quality, significance (heat map, critical-difference diagram, paired differences),
 * speed and verbosity, each judge kind's section (a pairwise judge's preference distribution, win rates,
 * Bradley–Terry forest plot, position bias, style-controlled win rates), the judges' agreement, and every sample
 * with its answers side by side and the judge's raw output.
 *
 * <p>The file needs nothing else: styles and a short script are inline, charts are inline SVG, there is no font,
 * image or link to fetch. It reads and prints without the script (the drill-down uses {@code <details>}); the script
 * only sorts tables and filters samples. Every text that comes from a model, a judge, a dataset or a name is escaped,
 * long texts are cut (the JSON report keeps them whole), and a content security policy lets only the report's own
 * script run, so even an answer that escaped escaping could not execute. Stateless and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HtmlReportWriter implements ReportWriter {

    /** Answers, questions and judge outputs longer than this are cut in the page. */
    public static final int MAX_TEXT = 20_000;

    private HtmlReportWriter() {
    }

    /** The writer. */
    public static HtmlReportWriter create() {
        return new HtmlReportWriter();
    }

    @Override
    public void write(EvaluationReport report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                + "'unsafe-inline'; img-src data:; script-src '" + PageScript.HASH + "'\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\">\n<title>RAQ evaluation report</title>\n<style>"
                + PageStyle.CSS + "</style></head>\n<body>\n");
        out.write("<header><h1>RAQ evaluation report</h1><p class=\"lead\">" + Html.escape(summaryLine(report))
                + "</p></header>\n<main>\n");
        problems(report, out);
        manifest(report, out);
        candidates(report, out);
        quality(report, out);
        significance(report, out);
        differences(report, out);
        speed(report, out);
        for (Map.Entry<String, ReportSection> e : report.sections().entrySet()) {
            section(report, e.getKey(), e.getValue(), out);
        }
        judges(report, out);
        samples(report, out);
        out.write("</main>\n<script>" + PageScript.JS + "</script>\n</body></html>\n");
    }

    private static String summaryLine(EvaluationReport r) {
        return r.sampleCount() + " samples (" + r.judgedSampleCount() + " judged), " + r.candidates().size() + " candidates, "
                + "judged by " + String.join(", ", r.judges()) + "; seed " + r.seed() + ", alpha " + r.alpha()
                + (r.dryRun() ? "; DRY RUN: random judge, not evidence" : "");
    }

    private static void problems(EvaluationReport r, Writer out) throws IOException {
        if (r.problems().isEmpty() && r.abortedBecause().isEmpty()) {
            return;
        }
        out.write("<section id=\"problems\" class=\"problems\"><h2>Problems</h2>\n");
        if (r.abortedBecause().isPresent()) {
            out.write("<p><strong>The run was aborted:</strong> " + Html.escape(r.abortedBecause().get())
                    + "</p>\n");
        }
        out.write("<table><thead><tr><th>Who</th><th>Failed</th><th>Of calls</th><th>By cause</th>"
                + "<th>Messages</th></tr></thead><tbody>\n");
        for (Problem p : r.problems()) {
            StringBuilder causes = new StringBuilder();
            p.byCause().forEach((cause, n) -> causes.append(causes.length() == 0 ? "" : ", ")
                    .append(cause.label()).append(' ').append(n));
            out.write("<tr><td>" + Html.escape(p.who()) + "</td><td class=\"num\">" + p.failed()
                    + "</td><td class=\"num\">" + p.calls() + "</td><td>" + Html.escape(causes.toString()) + "</td><td>"
                    + Html.clipped(String.join(" | ", p.messages()), 2_000) + "</td></tr>\n");
        }
        out.write("</tbody></table></section>\n");
    }

    private static void manifest(EvaluationReport r, Writer out) throws IOException {
        Map<String, String> rows = r.manifest().describe();
        out.write("<section id=\"manifest\"><h2>Manifest</h2><table class=\"kv\"><tbody>\n");
        for (Map.Entry<String, String> e : rows.entrySet()) {
            out.write("<tr><th>" + Html.escape(e.getKey()) + "</th><td>" + Html.escape(e.getValue())
                    + "</td></tr>\n");
        }
        out.write("</tbody></table></section>\n");
    }

    private static void candidates(EvaluationReport r, Writer out) throws IOException {
        List<CandidateSummary> rows = new ArrayList<>(r.candidateSummaries());
        rows.sort((a, b) -> Double.compare(a.rankIfRanked().map(ValueSummary::mean).orElse(Double.MAX_VALUE),
                b.rankIfRanked().map(ValueSummary::mean).orElse(Double.MAX_VALUE)));
        boolean speed = rows.stream().anyMatch(c -> c.wordsPerSecond() != null);
        boolean tokens = rows.stream().anyMatch(c -> c.tokensPerSecond() != null);
        boolean latency = rows.stream().anyMatch(c -> c.latencyP50() != null);
        boolean firstToken = rows.stream().anyMatch(c -> c.timeToFirstTokenP50() != null);
        boolean cost = rows.stream().anyMatch(c -> c.cost() != null);
        List<JudgeSummary> metrics = r.judgeSummaries().stream().filter(j -> !j.scores().isEmpty()).toList();
        out.write("<section id=\"candidates\"><h2>Candidates</h2><p class=\"note\">Best mean rank first; click a "
                + "column to sort.</p><table class=\"sortable\"><thead><tr><th>Candidate</th><th>Mean rank</th>"
                + "<th>95% interval</th>");
        for (JudgeSummary j : metrics) {
            out.write("<th>Mean " + Html.escape(j.name()) + "</th>");
        }
        out.write("<th>Mean words</th>" + (speed ? "<th>Words/s</th>" : "") + (tokens ? "<th>Tokens/s</th>" : "")
                + (latency ? "<th>Latency p50 (ms)</th><th>p95 (ms)</th>" : "")
                + (firstToken ? "<th>First token p50 (ms)</th>" : "") + (cost ? "<th>Cost</th>" : "")
                + "<th>Errors</th></tr></thead><tbody>\n");
        for (CandidateSummary c : rows) {
            StringBuilder tr = new StringBuilder("<tr><td>").append(Html.escape(c.name())).append("</td>");
            ValueSummary rank = c.rank();
            tr.append(num(rank == null ? Double.NaN : rank.mean())).append(interval(rank));
            for (JudgeSummary j : metrics) {
                ValueSummary s = j.scores().get(c.name());
                tr.append(num(s == null ? Double.NaN : s.mean()));
            }
            tr.append(num(c.meanWords()));
            if (speed) {
                tr.append(num(ReportCharts.orNaN(c.wordsPerSecond())));
            }
            if (tokens) {
                tr.append(num(ReportCharts.orNaN(c.tokensPerSecond())));
            }
            if (latency) {
                tr.append(num(ReportCharts.millis(c.latencyP50()))).append(num(ReportCharts.millis(c.latencyP95())));
            }
            if (firstToken) {
                tr.append(num(ReportCharts.millis(c.timeToFirstTokenP50())));
            }
            if (cost) {
                tr.append(num(ReportCharts.orNaN(c.cost())));
            }
            tr.append("<td class=\"num").append(c.errors() > 0 ? " bad" : "").append("\">").append(c.errors())
                    .append("</td></tr>\n");
            out.write(tr.toString());
        }
        out.write("</tbody></table></section>\n");
    }

    private static String num(double v) {
        return "<td class=\"num\">" + Svg.label(v) + "</td>";
    }

    private static String interval(@Nullable ValueSummary s) {
        ConfidenceInterval ci = s == null ? null : s.meanIntervalIfComputed().orElse(null);
        return "<td class=\"num\">" + (ci == null ? "n/a" : Svg.label(ci.lower()) + "–" + Svg.label(ci.upper()))
                + "</td>";
    }

    private static void quality(EvaluationReport r, Writer out) throws IOException {
        ReportCharts.Chart ranks = ReportCharts.meanRanks(r);
        if (ranks == null) {
            return;
        }
        out.write("<section id=\"quality\"><h2>Quality</h2><figure>" + ranks.svg() + "</figure>\n");
        for (ReportCharts.Chart scores : ReportCharts.meanScores(r)) {
            out.write("<figure>" + scores.svg() + "</figure>\n");
        }
        out.write("</section>\n");
    }

    private static void significance(EvaluationReport r, Writer out) throws IOException {
        out.write("<section id=\"significance\"><h2>Significance</h2>\n");
        SignificanceResult result = r.significance().orElse(null);
        if (result == null) {
            out.write("<p>No significance test ran: " + Html.escape(r.significanceError().orElse("none was "
                    + "configured")) + "</p></section>\n");
            return;
        }
        out.write("<p>" + Html.escape(result.test()) + " at alpha " + result.alpha() + ", " + result.observations()
                + " observations" + result.omnibus().map(o -> "; omnibus p = " + Svg.label(o.pValue())).orElse("")
                + ". The adjustment for the number of pairs is part of the test's name.</p>\n");
        out.write("<div class=\"row\">");
        for (ReportCharts.Chart chart : ReportCharts.significance(r)) {
            out.write("<figure>" + chart.svg() + "</figure>\n");
        }
        out.write("</div>\n<table class=\"sortable\"><thead><tr><th>Pair</th><th>Adjusted p</th><th>Significant"
                + "</th><th>Favoured</th><th>n</th></tr></thead><tbody>\n");
        for (PairComparison pair : result.pairs()) {
            out.write("<tr><td>" + Html.escape(pair.first()) + " vs " + Html.escape(pair.second()) + "</td>"
                    + num(pair.pValue()) + "<td>" + (pair.significant() ? "yes" : "no") + "</td><td>"
                    + Html.escape(pair.better() == null ? "—" : pair.better()) + "</td><td class=\"num\">" + pair.n()
                    + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        for (String note : result.notes()) {
            out.write("<p class=\"note\">" + Html.escape(note) + "</p>\n");
        }
        out.write("</section>\n");
    }

    private static void differences(EvaluationReport r, Writer out) throws IOException {
        if (r.pairDifferences().isEmpty()) {
            return;
        }
        out.write("<section id=\"differences\"><h2>Paired differences</h2><p class=\"note\">The mean per-sample "
                + "difference of each pair (first − second) with its 95% t interval, one pair at a time; the shaded "
                + "band is the smallest difference these samples detect with 80% power (the largest of the pairs' "
                + "minimum detectable differences). For ranks a negative difference favours the first; for scores a "
                + "positive one.</p>\n");
        for (ReportCharts.Chart chart : ReportCharts.differences(r)) {
            out.write("<figure>" + chart.svg() + "</figure>\n");
        }
        out.write("</section>\n");
    }

    private static void speed(EvaluationReport r, Writer out) throws IOException {
        out.write("<section id=\"speed\"><h2>Speed and verbosity</h2><div class=\"row\">\n");
        for (ReportCharts.Chart chart : ReportCharts.speed(r)) {
            out.write("<figure>" + chart.svg() + "</figure>\n");
        }
        if (r.candidateSummaries().stream().noneMatch(c -> c.latencyP50() != null)) {
            out.write("<p class=\"note\">No latency was measured (recorded or replayed answers), so there is no "
                    + "speed to show.</p>\n");
        }
        out.write("</div></section>\n");
    }

    private static void section(EvaluationReport r, String judge, ReportSection section, Writer out)
            throws IOException {
        out.write("<section class=\"judge-section\"><h2>" + Html.escape(section.title()) + "</h2>\n");
        if (section instanceof PairwiseSection pairwise) {
            pairwise(r, pairwise, out);
        } else {
            out.write("<pre class=\"md\">" + Html.clipped(section.toMarkdown(), MAX_TEXT) + "</pre>\n");
        }
        out.write("</section>\n");
    }

    private static void pairwise(EvaluationReport r, PairwiseSection s, Writer out) throws IOException {
        Leaderboard board = s.leaderboard().orElse(null);
        String baseline = board == null ? null : board.options().baseline();
        out.write("<div class=\"row\">");
        for (ReportCharts.Chart chart : ReportCharts.pairwise(r, s)) {
            out.write("<figure>" + chart.svg() + "</figure>\n");
        }
        if (board == null) {
            out.write("<p>The leaderboard could not be fitted: " + Html.escape(s.leaderboardError().orElse(""))
                    + "</p>");
        }
        out.write("</div>\n");
        PositionBias bias = s.positionBias();
        out.write("<p>Position bias: the judge contradicted itself in " + bias.inconsistentPairs() + " of "
                + bias.swappedPairs() + " pairs played in both orders, and preferred the first position in "
                + bias.firstPositionWins() + " of " + bias.decisiveVerdicts() + " decisive verdicts"
                + (Double.isNaN(bias.firstPositionRate()) ? "" : " (" + Svg.label(100 * bias.firstPositionRate())
                + "%, 50% is none)") + ".</p>\n");
        if (!s.styleControlled().isEmpty()) {
            out.write("<table class=\"sortable\"><thead><tr><th>Model</th><th>Win rate vs baseline</th>");
            for (StyleControlledLeaderboard c : s.styleControlled()) {
                out.write("<th>" + Html.escape(c.control().name().toLowerCase(Locale.ROOT)) + "-controlled</th>");
            }
            out.write("<th>AlpacaEval LC</th></tr></thead><tbody>\n");
            for (Leaderboard.Entry e : Objects.requireNonNull(board).entries()) {
                if (e.model().equals(baseline)) {
                    continue;
                }
                out.write("<tr><td>" + Html.escape(e.model()) + "</td>" + num(e.score()));
                for (StyleControlledLeaderboard c : s.styleControlled()) {
                    out.write(num(c.entry(e.model()).score()));
                }
                var lc = s.lengthControlled().get(e.model());
                out.write(num(lc == null ? Double.NaN : lc.lengthControlledWinRate()) + "</tr>\n");
            }
            out.write("</tbody></table>\n");
        }
    }

    private static void judges(EvaluationReport r, Writer out) throws IOException {
        out.write("<section id=\"judges\"><h2>Judges</h2><table><thead><tr><th>Judge</th><th>Judgments</th>"
                + "<th>Calls</th><th>Failed calls</th><th>Self-agreement</th><th>First shown ranked best</th></tr>"
                + "</thead><tbody>\n");
        for (JudgeSummary j : r.judgeSummaries()) {
            out.write("<tr><td>" + Html.escape(j.name()) + "</td><td class=\"num\">" + j.judgments()
                    + "</td><td class=\"num\">" + j.calls() + "</td><td class=\"num" + (j.failedCalls() > 0 ? " bad" : "")
                    + "\">" + j.failedCalls() + "</td>" + num(ReportCharts.orNaN(j.selfAgreement()))
                    + "<td>" + (j.orderEffect() == null ? "n/a" : j.orderEffect().firstShownBest() + " of "
                    + j.orderEffect().calls() + " (chance " + Svg.label(j.orderEffect().expectedRate()) + ")")
                    + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        if (r.judgeAgreement().isPresent()) {
            out.write("<p>Agreement between the panel's judges: " + Svg.label(r.judgeAgreement().getAsDouble())
                    + " over " + r.agreementSamples() + " samples.</p>\n");
        }
        ReportCharts.Chart agreement = ReportCharts.judgeAgreement(r);
        if (agreement != null) {
            out.write("<figure>" + agreement.svg() + "</figure>\n");
        }
        ReportCharts.Chart panel = ReportCharts.panelAgreement(r);
        if (panel != null) {
            out.write("<figure>" + panel.svg() + "</figure>\n");
        }
        out.write("</section>\n");
    }

    private static void samples(EvaluationReport r, Writer out) throws IOException {
        out.write("<section id=\"samples\"><h2>Samples</h2>\n<form class=\"filters\" id=\"filters\">"
                + "<label>Candidate <select id=\"f-candidate\"><option value=\"\">all</option>");
        for (String c : r.candidates()) {
            out.write("<option value=\"" + Html.escape(c) + "\">" + Html.escape(c) + "</option>");
        }
        out.write("</select></label> <label><input type=\"checkbox\" id=\"f-errors\"> only with errors</label> "
                + "<label><input type=\"checkbox\" id=\"f-disagree\"> only where a judge call disagreed with the "
                + "sample's verdict</label> <span id=\"f-count\"></span></form>\n");
        for (SampleResult s : r.samples()) {
            sample(r, s, out);
        }
        out.write("</section>\n");
    }

    /** The candidate's mean rank over the sample's judge calls that ranked it, or NaN. */
    private static double meanRank(SampleResult s, String candidate) {
        double sum = 0;
        int n = 0;
        for (Judgment j : s.judgments()) {
            for (Ranking ranking : j.rankings()) {
                if (ranking.contains(candidate)) {
                    sum += ranking.rank(candidate);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void sample(EvaluationReport r, SampleResult s, Writer out) throws IOException {
        Ranking consensus = r.consensus().get(s.sample().id());
        boolean error = s.answers().stream().anyMatch(a -> a.error() != null)
                || s.judgments().stream().anyMatch(j -> !j.failedCalls().isEmpty());
        boolean disagree = false;
        if (consensus != null) {
            String best = consensus.candidates().get(0);
            for (Judgment j : s.judgments()) {
                for (Ranking call : j.rankings()) {
                    if (call.size() == consensus.size() && !call.candidates().get(0).equals(best)
                            && call.rank(best) != call.rank(call.candidates().get(0))) {
                        disagree = true;
                    }
                }
            }
        }
        out.write("<details class=\"sample\" data-error=\"" + (error ? 1 : 0) + "\" data-disagree=\""
                + (disagree ? 1 : 0) + "\"><summary>#" + (s.index() + 1) + " <code>" + Html.escape(s.sample().id())
                + "</code> " + Html.clipped(s.sample().question(), 160) + (error ? " <span class=\"bad\">error</span>"
                : "") + (disagree ? " <span class=\"warn\">judges disagree</span>" : "") + "</summary>\n");
        out.write("<div class=\"q\"><h4>Question</h4><pre>" + Html.clipped(s.sample().question(), MAX_TEXT) + "</pre>");
        if (s.sample().context() != null) {
            out.write("<h4>Context</h4><pre>" + Html.clipped(s.sample().context(), MAX_TEXT) + "</pre>");
        }
        if (!s.sample().references().isEmpty()) {
            out.write("<h4>References</h4><ul>");
            for (String ref : s.sample().references()) {
                out.write("<li><pre>" + Html.clipped(ref, MAX_TEXT) + "</pre></li>");
            }
            out.write("</ul>");
        }
        if (s.notJudged() != null) {
            out.write("<p class=\"bad\">Not judged: " + Html.escape(s.notJudged()) + "</p>");
        }
        out.write("</div><table class=\"answers\"><thead><tr><th>Candidate</th><th>Answer</th><th>Rank</th>"
                + "<th>Scores</th></tr></thead><tbody>\n");
        for (AnswerRecord a : s.answers()) {
            Completion c = a.completion();
            StringBuilder scores = new StringBuilder();
            for (Judgment j : s.judgments()) {
                Double v = j.score(a.candidate());
                if (v != null) {
                    scores.append(scores.length() == 0 ? "" : ", ").append(j.judge()).append(' ').append(Svg.label(v));
                }
            }
            out.write("<tr data-candidate=\"" + Html.escape(a.candidate()) + "\"><td>" + Html.escape(a.candidate())
                    + (a.reused() ? " <small>(reused)</small>" : "") + "</td><td>"
                    + (c != null ? "<pre>" + Html.clipped(c.text(), MAX_TEXT) + "</pre>"
                    : "<span class=\"bad\">" + Html.escape(Objects.requireNonNullElse(a.error(), "failed")) + "</span>")
                    + "</td>" + num(meanRank(s, a.candidate())) + "<td>" + Html.escape(scores.toString()) + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        for (Judgment j : s.judgments()) {
            int n = 0;
            for (JudgeCall call : j.calls()) {
                n++;
                if (call.output().isEmpty() && call.error().isEmpty()) {
                    continue;
                }
                out.write("<div class=\"call\"><h4>" + Html.escape(j.judge()) + ", call " + n + "</h4><p>Shown in "
                        + "this order: " + Html.escape(String.join(", ", call.shownOrder()))
                        + call.ranking().map(rk -> "; ranked " + Html.escape(rk.toString())).orElse("")
                        + call.error().map(e -> "; <span class=\"bad\">failed: " + Html.escape(e) + "</span>")
                        .orElse("") + "</p>");
                if (!call.attributes().isEmpty()) {
                    StringBuilder attrs = new StringBuilder();
                    new java.util.TreeMap<>(call.attributes()).forEach((k, v) -> attrs.append(attrs.length() == 0
                            ? "" : "; ").append(k).append(" = ").append(v));
                    out.write("<p class=\"note\">" + Html.clipped(attrs.toString(), 2_000) + "</p>");
                }
                if (call.output().isPresent()) {
                    out.write("<pre>" + Html.clipped(call.output().get(), MAX_TEXT) + "</pre>");
                }
                out.write("</div>\n");
            }
        }
        out.write("</details>\n");
    }
}
