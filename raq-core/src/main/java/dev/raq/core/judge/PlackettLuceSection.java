package dev.raq.core.judge;

import dev.raq.core.internal.MarkdownText;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.PlackettLuce;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RankingJudge} adds to a report: the Plackett–Luce worths of the candidates, fitted to the judge's
 * whole N-way rankings (one per sample: its repeats' mean ranks), with seeded percentile bootstrap intervals over
 * the samples ({@value #BOOTSTRAP_ROUNDS} rounds). A worth is the chance of being ranked first among all
 * candidates; unlike mean ranks it uses the order of every position, as the model of the judge's ranking process.
 * Rankings with ties are left out (and counted): the model has no ties.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PlackettLuceSection implements ReportSection {

    /** Bootstrap rounds of the worths' intervals: {@value}. */
    public static final int BOOTSTRAP_ROUNDS = 1000;

    private final String judge;
    private final List<String> candidates;
    private final int used;
    private final int withTies;
    private final double @Nullable [] worths;
    private final ConfidenceInterval @Nullable [] intervals;
    private final @Nullable String error;

    private PlackettLuceSection(String judge, List<String> candidates, int used, int withTies,
                                double @Nullable [] worths, ConfidenceInterval @Nullable [] intervals,
                                @Nullable String error) {
        this.judge = judge;
        this.candidates = List.copyOf(candidates);
        this.used = used;
        this.withTies = withTies;
        this.worths = worths;
        this.intervals = intervals;
        this.error = error;
    }

    /** The section of one ranking judge's judgments; the fit is left out, with the reason, when it has no estimate. */
    public static PlackettLuceSection of(String judge, List<Judgment> judgments, long seed) {
        Objects.requireNonNull(judge, "judge");
        List<String> candidates = new ArrayList<>();
        List<List<String>> orders = new ArrayList<>();
        int withTies = 0;
        for (Judgment j : judgments) {
            for (Ranking r : Consensus.perSample(j)) {
                if (new HashSet<>(r.ranks().values()).size() < r.size()) {
                    withTies++;
                    continue;
                }
                List<String> order = r.candidates();
                order.stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
                orders.add(order);
            }
        }
        int[][] rankings = new int[orders.size()][];
        for (int i = 0; i < rankings.length; i++) {
            rankings[i] = orders.get(i).stream().mapToInt(candidates::indexOf).toArray();
        }
        double[] worths;
        try {
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("fewer than two candidates were ranked without ties");
            }
            worths = PlackettLuce.fit(candidates.size(), rankings);
        } catch (IllegalArgumentException e) {
            return new PlackettLuceSection(judge, candidates, rankings.length, withTies, null, null,
                    named(e, candidates));
        }
        try {
            ConfidenceInterval[] intervals = PlackettLuce.intervals(candidates.size(), rankings,
                    Bootstrap.builder().rounds(BOOTSTRAP_ROUNDS).seed(seed).parallel(true).build());
            return new PlackettLuceSection(judge, candidates, rankings.length, withTies, worths, intervals, null);
        } catch (RuntimeException e) { // a resample without a finite fit: the worths stand, without intervals
            return new PlackettLuceSection(judge, candidates, rankings.length, withTies, worths, null,
                    "no intervals: " + named(e, candidates));
        }
    }

    /** The message with the statistics' item indices replaced by candidate names. */
    private static String named(RuntimeException e, List<String> candidates) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (int i = candidates.size() - 1; i >= 0; i--) {
            why = why.replace("item " + i + " ", "'" + candidates.get(i) + "' ");
        }
        return why;
    }

    /** The candidates, in the order they were first ranked. */
    public List<String> candidates() {
        return candidates;
    }

    /** The fitted worth of a candidate (the worths sum to 1), or NaN when there is no fit. */
    public double worth(String candidate) {
        int i = candidates.indexOf(candidate);
        return worths == null || i < 0 ? Double.NaN : worths[i];
    }

    /** The bootstrap interval of a candidate's worth, or null when there is no fit. */
    public @Nullable ConfidenceInterval interval(String candidate) {
        int i = candidates.indexOf(candidate);
        return intervals == null || i < 0 ? null : intervals[i];
    }

    /** The rankings the fit used, and the ones left out for ties. */
    public int rankingsUsed() {
        return used;
    }

    /** Rankings left out because they hold ties. */
    public int rankingsWithTies() {
        return withTies;
    }

    /**
     * Why there is no fit (some candidates never ranked above or below the others, too few rankings), or no
     * intervals (a resample without a finite fit), if so.
     */
    public @Nullable String error() {
        return error;
    }

    @Override
    public String title() {
        return "Plackett–Luce worths of " + judge;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "plackett-luce");
        out.put("judge", judge);
        out.put("rankings", used);
        out.put("rankingsWithTies", withTies);
        out.put("error", error);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (worths != null) {
            for (int i = 0; i < candidates.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("candidate", candidates.get(i));
                row.put("worth", worths[i]);
                row.put("lower", intervals == null ? null : intervals[i].lower());
                row.put("upper", intervals == null ? null : intervals[i].upper());
                rows.add(row);
            }
        }
        out.put("worths", rows);
        return out;
    }

    @Override
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        if (worths == null) {
            return sb.append("No Plackett–Luce fit: ").append(MarkdownText.escape(String.valueOf(error)))
                    .append(".\n").toString();
        }
        sb.append("The chance of being ranked first, fitted to ").append(used).append(" whole rankings")
                .append(withTies == 0 ? "" : " (" + withTies + " with ties left out)")
                .append(intervals == null ? "; " + MarkdownText.escape(String.valueOf(error))
                        : ", with 95% bootstrap intervals")
                .append(".\n\n| Candidate | Worth | 95% interval |\n|---|---:|---:|\n");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        double[] w = worths;
        order.sort((x, y) -> Double.compare(w[y], w[x]));
        for (int i : order) {
            sb.append("| ").append(MarkdownText.escape(candidates.get(i))).append(" | ")
                    .append(MarkdownText.number(worths[i])).append(" | ")
                    .append(intervals == null ? "n/a" : MarkdownText.number(intervals[i].lower()) + "–"
                            + MarkdownText.number(intervals[i].upper())).append(" |\n");
        }
        return sb.toString();
    }
}
