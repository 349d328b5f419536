package dev.raq.core.report;

import dev.raq.core.internal.MarkdownText;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.significance.PValues;
import dev.raq.core.significance.SignificanceResult;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Writes a report as Markdown tables (and, without headings, as the report's {@code toString()}). */
final class ReportMarkdown {

    private static final String NA = "n/a";

    private ReportMarkdown() {
    }

    static String write(EvaluationReport r, boolean markdown) {
        StringBuilder sb = new StringBuilder();
        sb.append(markdown ? "# RAQ evaluation report\n\n" : "RAQ evaluation report\n");
        if (r.dryRun()) {
            sb.append(markdown ? "> **DRY RUN** — " : "DRY RUN: ")
                    .append("the judges were not called; the rankings are random and mean nothing.\n\n");
        }
        r.abortedBecause().ifPresent(reason -> sb.append(markdown ? "> **ABORTED** — " : "ABORTED: ")
                .append(esc(reason)).append(reason.endsWith(".") ? "" : ".")
                .append(" The numbers cover only what finished.\n\n"));
        List<Problem> problems = r.problems();
        if (!problems.isEmpty()) {
            sb.append(markdown ? "## Problems\n\n" : "PROBLEMS\n");
            for (Problem p : problems) {
                sb.append("- ").append(esc(p.toString())).append('\n');
            }
            sb.append('\n');
        }
        int judged = r.judgedSampleCount();
        boolean perCall = r.observationUnit() == ObservationUnit.JUDGE_CALL && r.judges().size() == 1;
        sb.append(String.format(Locale.ROOT, "%d samples (%d judged), %d observations (%s) from %s; seed %d, "
                + "alpha %s.%n%n", r.sampleCount(), judged, r.rankings().size(),
                perCall ? "one per judge call" : "one per sample",
                r.judges().size() > 1 ? "the consensus of " + r.judges().size() + " judges"
                        : r.judges().isEmpty() ? "no judge" : "judge " + esc(r.judges().get(0)),
                r.seed(), num(r.alpha())));
        r.clusters().ifPresent(g -> sb.append("Intervals resample ").append(g)
                .append(" clusters of samples (the evaluation's cluster key), not single samples.\n\n"));
        if (perCall) {
            sb.append(markdown ? "> **PER-CALL OBSERVATIONS** — " : "PER-CALL OBSERVATIONS: ")
                    .append("every judge call counts as an observation, as the RAQ paper counted; with repeated "
                            + "calls on a sample the p-values and intervals are too small (pseudo-replication).\n\n");
        }
        r.judgeAgreement().ifPresent(w -> sb.append(String.format(Locale.ROOT,
                "Judge agreement: mean Kendall's W %.3f over %d samples.%n%n", w, r.agreementSamples())));
        if (markdown) {
            sb.append("## Candidates\n\n");
        }
        appendCandidates(sb, r);
        sb.append('\n');
        if (markdown) {
            sb.append("## Head to head\n\nWins/ties/losses of the row's candidate against the column's.\n\n");
            sb.append('|').append(" |");
            r.candidates().forEach(c -> sb.append(' ').append(esc(c)).append(" |"));
            sb.append("\n|---|");
            r.candidates().forEach(c -> sb.append("---:|"));
            sb.append('\n');
            for (CandidateSummary c : r.candidateSummaries()) {
                sb.append("| ").append(esc(c.name())).append(" |");
                for (String other : r.candidates()) {
                    sb.append(' ').append(other.equals(c.name()) ? "—" : c.against(other).toString()).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        appendScores(sb, r, markdown);
        r.sequential().ifPresent(q -> sb.append("Sequential evaluation: ").append(q).append(".\n\n"));
        appendSignificance(sb, r, markdown);
        appendDifferences(sb, r, markdown);
        appendSections(sb, r, markdown);
        for (JudgeSummary j : r.judgeSummaries()) {
            if (j.orderEffect() != null) {
                sb.append("Order effect of ").append(esc(j.name())).append(": ").append(j.orderEffect())
                        .append(".\n\n");
            }
        }
        if (markdown && !r.judgeSummaries().isEmpty()) {
            sb.append("## Judges\n\n| Judge | Judgments | Calls | Failed judgments | Failed calls | Self-agreement |");
            r.candidates().forEach(c -> sb.append(" Mean rank ").append(esc(c)).append(" |"));
            sb.append("\n|---|---:|---:|---:|---:|---:|");
            r.candidates().forEach(c -> sb.append("---:|"));
            sb.append('\n');
            for (JudgeSummary j : r.judgeSummaries()) {
                sb.append("| ").append(esc(j.name())).append(" | ").append(j.judgments()).append(" | ").append(j.calls())
                        .append(" | ").append(j.failedJudgments()).append(" | ").append(j.failedCalls()).append(" | ")
                        .append(j.selfAgreement() == null ? NA : "W " + num(j.selfAgreement()) + " over "
                                + j.selfAgreementSamples()).append(" |");
                for (String c : r.candidates()) {
                    ValueSummary s = j.ranks().get(c);
                    sb.append(' ').append(s == null ? NA : num(s.mean())).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (markdown) {
            manifest(sb, r.manifest());
        }
        return sb.toString();
    }

    /** The manifest as a two-column table at the end of the Markdown report. */
    private static void manifest(StringBuilder sb, Manifest m) {
        sb.append("## Manifest\n\n| | |\n|---|---|\n");
        m.describe().forEach((key, value) -> row(sb, key, value));
        sb.append('\n');
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(esc(key)).append(" | ").append(esc(value)).append(" |\n");
    }

    /** One column of the candidates table: its header, alignment and the cell of a candidate (null = n/a). */
    private record Column(String header, java.util.function.Function<CandidateSummary, @Nullable String> cell) {
    }

    private static final List<Column> CANDIDATE_COLUMNS = List.of(
            new Column("Mean rank", c -> c.rank() == null ? null : num(c.rank().mean())),
            new Column("95% CI", c -> c.rank() == null || c.rank().meanInterval() == null ? null
                    : num(c.rank().meanInterval().lower()) + "–" + num(c.rank().meanInterval().upper())),
            new Column("Median rank", c -> c.rank() == null ? null : num(c.rank().median())),
            new Column("SD", c -> c.rank() == null || c.rank().n() < 2 ? null : num(c.rank().sd())),
            new Column("Rankings", c -> String.valueOf(c.rank() == null ? 0 : c.rank().n())),
            new Column("Mean words", c -> c.answers() == 0 ? null : num(c.meanWords())),
            new Column("Words/s", c -> c.wordsPerSecond() == null ? null : num(c.wordsPerSecond())),
            new Column("Tokens/s", c -> c.tokensPerSecond() == null ? null : num(c.tokensPerSecond())),
            new Column("Latency p50", c -> c.latencyP50() == null ? null : ms(c.latencyP50())),
            new Column("Latency p95", c -> c.latencyP95() == null ? null : ms(c.latencyP95())),
            new Column("Tokens in/out", c -> c.answersWithUsage() == 0 ? null
                    : c.promptTokens() + "/" + c.completionTokens()),
            new Column("Cost", c -> c.cost() == null ? null : new java.math.BigDecimal(c.cost())
                    .round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()),
            new Column("Errors", c -> String.valueOf(c.errors())));

    /**
     * The candidates, best mean rank first (unranked last), with the columns that hold a value for at least one
     * candidate: a run without latencies or prices shows no columns of "n/a".
     */
    private static void appendCandidates(StringBuilder sb, EvaluationReport r) {
        List<CandidateSummary> sorted = new java.util.ArrayList<>(r.candidateSummaries());
        sorted.sort(java.util.Comparator.comparingDouble(c -> c.rank() == null ? Double.MAX_VALUE : c.rank().mean()));
        List<Column> shown = CANDIDATE_COLUMNS.stream()
                .filter(col -> sorted.stream().anyMatch(c -> col.cell().apply(c) != null)).toList();
        sb.append("| Candidate |");
        shown.forEach(col -> sb.append(' ').append(col.header()).append(" |"));
        sb.append("\n|---|");
        shown.forEach(col -> sb.append("---:|"));
        sb.append('\n');
        for (CandidateSummary c : sorted) {
            sb.append("| ").append(esc(c.name())).append(" |");
            for (Column col : shown) {
                String cell = col.cell().apply(c);
                sb.append(' ').append(cell == null ? NA : cell).append(" |");
            }
            sb.append('\n');
        }
    }

    /** Each metric judge's raw scores per candidate, in the metric's own units, best mean first. */
    private static void appendScores(StringBuilder sb, EvaluationReport r, boolean markdown) {
        for (JudgeSummary j : r.judgeSummaries()) {
            if (j.scores().isEmpty()) {
                continue;
            }
            sb.append(markdown ? "## Scores of " + esc(j.name()) + "\n\n" : "Scores of " + esc(j.name()) + ":\n")
                    .append("| Candidate | Mean | 95% CI | Median | n |\n|---|---:|---:|---:|---:|\n");
            j.scores().entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue().mean(), a.getValue().mean()))
                    .forEach(e -> {
                        ValueSummary v = e.getValue();
                        sb.append("| ").append(esc(e.getKey())).append(" | ").append(num(v.mean())).append(" | ")
                                .append(v.meanInterval() == null ? NA : num(v.meanInterval().lower()) + "–"
                                        + num(v.meanInterval().upper()))
                                .append(" | ").append(num(v.median())).append(" | ").append(v.n()).append(" |\n");
                    });
            sb.append('\n');
        }
    }

    /** How big each pair's difference is: the mean per-sample difference with its 95% interval. */
    private static void appendDifferences(StringBuilder sb, EvaluationReport r, boolean markdown) {
        if (r.pairDifferences().isEmpty()) {
            return;
        }
        sb.append(markdown ? "## Paired differences\n\n" : "Paired differences:\n")
                .append("Mean per-sample difference first − second (ranks: negative favours the first; scores: "
                        + "positive does), with its 95% t interval. How big, not whether: each interval is for one "
                        + "pair alone, not adjusted for the number of pairs; the significance table is.\n\n")
                .append("| Pair | Measure | Mean difference | 95% CI | Bootstrap CI | SE | n | MDE (80% power) | "
                        + "Rank-biserial | Correlation |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PairDifference d : r.pairDifferences()) {
            var v = d.difference();
            sb.append("| ").append(esc(d.first())).append(" − ").append(esc(d.second())).append(" | ")
                    .append(esc(d.measure())).append(" | ").append(num(v.meanDifference())).append(" | ")
                    .append(num(v.tInterval().lower())).append(" to ").append(num(v.tInterval().upper()))
                    .append(d.excludesZero() ? " ✱" : "").append(" | ")
                    .append(d.bootstrapInterval() == null ? NA : num(d.bootstrapInterval().lower()) + " to "
                            + num(d.bootstrapInterval().upper()))
                    .append(" | ").append(num(v.standardError())).append(" | ")
                    .append(v.n()).append(" | ").append(num(d.minimumDetectableDifference())).append(" | ")
                    .append(Double.isNaN(v.rankBiserial()) ? NA : num(v.rankBiserial())).append(" | ")
                    .append(Double.isNaN(v.correlation()) ? NA : num(v.correlation())).append(" |\n");
        }
        sb.append("\n✱ the interval excludes 0. MDE: the smallest difference these samples detect with 80% power. "
                + "Rank-biserial: the effect size of the per-sample differences, from −1 to 1.\n\n");
        List<String> mcnemar = new java.util.ArrayList<>();
        for (PairDifference d : r.pairDifferences()) {
            if (d.mcnemar() != null) {
                mcnemar.add(esc(d.first()) + " vs " + esc(d.second()) + " on " + esc(d.measure()) + ": p = "
                        + PValues.format(d.mcnemar().exactPValue()));
            }
        }
        if (!mcnemar.isEmpty()) {
            sb.append("Pass/fail scores, McNemar's exact test (unadjusted): ").append(String.join("; ", mcnemar))
                    .append(".\n\n");
        }
        List<String> tooFew = new java.util.ArrayList<>();
        SignificanceResult sig = r.significance().orElse(null);
        for (PairDifference d : r.pairDifferences()) {
            if (d.measure().equals("rank") && sig != null && !sig.isSignificant(d.first(), d.second())
                    && Math.abs(d.difference().meanDifference()) < d.minimumDetectableDifference()) {
                tooFew.add(esc(d.first()) + " vs " + esc(d.second()));
            }
        }
        if (!tooFew.isEmpty()) {
            sb.append("Not significant, and the observed difference is below what these samples can detect: ")
                    .append(String.join(", ", tooFew)).append(". That means too few samples to tell, not that the "
                            + "candidates are equal.\n\n");
        }
    }

    private static void appendSignificance(StringBuilder sb, EvaluationReport r, boolean markdown) {
        if (r.significanceTest().isEmpty()) {
            return;
        }
        if (markdown) {
            sb.append("## Significance\n\n");
        }
        SignificanceResult res = r.significance().orElse(null);
        if (res == null) {
            sb.append(esc(r.significanceTest().get())).append(" could not be run: ")
                    .append(esc(r.significanceError().orElse("unknown reason"))).append("\n\n");
            return;
        }
        sb.append(res).append('\n');
    }

    private static void appendSections(StringBuilder sb, EvaluationReport r, boolean markdown) {
        for (ReportSection section : r.sections().values()) {
            if (markdown) {
                sb.append("## ").append(esc(section.title())).append("\n\n");
            } else {
                sb.append(esc(section.title())).append(":\n");
            }
            sb.append(section.toMarkdown()).append('\n');
        }
    }

    /** Untrusted text (names, ids, reasons, model output) escaped, so it renders as itself in any table or line. */
    private static String esc(String text) {
        return MarkdownText.escape(text);
    }

    private static String num(double v) {
        return MarkdownText.number(v);
    }

    private static String ms(@Nullable Duration d) {
        return d == null ? NA : String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }
}
