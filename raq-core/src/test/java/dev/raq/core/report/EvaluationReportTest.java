package dev.raq.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;
import dev.raq.core.significance.PairComparison;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.core.significance.SignificanceTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A report over a small example whose numbers were computed by hand (see the comments). */
class EvaluationReportTest {

    private final List<List<Ranking>> testedWith = new ArrayList<>();

    private static AnswerRecord ok(String c, String text, @Nullable Integer ms, @Nullable TokenUsage usage) {
        return AnswerRecord.answered(c, Completion.builder(text).latency(ms == null ? null : Duration.ofMillis(ms))
                .usage(usage).build(), false);
    }

    private static Judgment ranked(String sample, Ranking r) {
        return Judgment.of("j", sample, List.of(JudgeCall.ranked(List.of(), "out", r, Map.of())));
    }

    private static SampleResult sample(int i, List<AnswerRecord> answers, Judgment j) {
        return new SampleResult(i, Sample.of("s" + i, "q" + i, "ref"), answers, List.of(j), null);
    }

    private EvaluationReport report() {
        SignificanceTest recording = (candidates, rankings, alpha) -> {
            testedWith.add(rankings);
            return new SignificanceResult("recording", candidates, alpha, null, List.of(
                    new PairComparison("a", "b", 1.0, false, null, 3),
                    new PairComparison("a", "c", 0.01, true, "a", 3),
                    new PairComparison("b", "c", 0.02, true, "b", 3)));
        };
        return EvaluationReport.builder(List.of("a", "b", "c")).judges(List.of("j")).seed(5).alpha(0.1)
                .significance(recording).prices(PriceTable.none().with("a", 1.0, 2.0))
                // s0: a > b > c
                .add(sample(0, List.of(ok("a", "one two three", 100, TokenUsage.reported(10, 3)),
                        ok("b", "uno", 200, TokenUsage.reported(10, 1)), ok("c", "x y", null, null)),
                        ranked("s0", Ranking.fromOrder(List.of("a", "b", "c")))))
                // s1: c failed; b > a
                .add(sample(1, List.of(ok("a", "four five", 300, TokenUsage.reported(20, 2)),
                        ok("b", "dos tres", 400, TokenUsage.reported(20, 2)), AnswerRecord.failed("c", "boom")),
                        ranked("s1", Ranking.fromOrder(List.of("b", "a")))))
                // s2: a = b > c
                .add(sample(2, List.of(ok("a", "six", 500, TokenUsage.reported(30, 1)), ok("b", "cuatro", null, null),
                        ok("c", "z", null, null)),
                        ranked("s2", Ranking.fromTiers(List.of(List.of("a", "b"), List.of("c"))))))
                // s3: c failed; the judge failed
                .add(sample(3, List.of(ok("a", "seven", null, null), ok("b", "ocho", null, null),
                        AnswerRecord.failed("c", "boom2")), Judgment.of("j", "s3", List.of(
                                JudgeCall.failed(List.of("a", "b"), "???", "no ranking in the reply", Map.of())))))
                .build();
    }

    @Test
    void candidateSummaries_smallExample_matchHandComputedNumbers() {
        EvaluationReport r = report();
        CandidateSummary a = r.candidate("a");
        // ranks of a: 1, 2, 1.5 → mean 1.5, median 1.5, sd sqrt((0.25 + 0.25 + 0) / 2) = 0.5
        assertThat(a.rank().n()).isEqualTo(3);
        assertThat(a.rank().mean()).isEqualTo(1.5);
        assertThat(a.rank().median()).isEqualTo(1.5);
        assertThat(a.rank().sd()).isCloseTo(0.5, within(1e-12));
        assertThat(a.rank().meanInterval().contains(1.5)).isTrue();
        assertThat(a.against("b")).isEqualTo(new WinTieLoss(1, 1, 1));
        assertThat(a.against("c")).isEqualTo(new WinTieLoss(2, 0, 0));
        assertThat(r.candidate("c").against("a")).isEqualTo(new WinTieLoss(0, 0, 2));
        // words of a: 3 + 2 + 1 + 1 = 7 over 4 answers; timed: 6 words in 0.9 s; 6 completion tokens in 0.9 s
        assertThat(a.meanWords()).isEqualTo(1.75);
        assertThat(a.wordsPerSecond()).isCloseTo(6 / 0.9, within(1e-9));
        assertThat(a.tokensPerSecond()).isCloseTo(6 / 0.9, within(1e-9));
        // latencies 100, 300, 500 ms: p50 = 300, p95 = 300 + 0.9 * 200 = 480
        assertThat(a.latencyP50()).isEqualTo(Duration.ofMillis(300));
        assertThat(a.latencyP95()).isEqualTo(Duration.ofMillis(480));
        // cost: (60 prompt tokens * 1 + 6 completion tokens * 2) / 1e6
        assertThat(a.promptTokens()).isEqualTo(60);
        assertThat(a.completionTokens()).isEqualTo(6);
        assertThat(a.cost()).isCloseTo(72e-6, within(1e-15));

        CandidateSummary b = r.candidate("b");
        // b: 3 timed words in 0.6 s; p50 of 200, 400 = 300; p95 = 200 + 0.95 * 200 = 390; no price → no cost
        assertThat(b.wordsPerSecond()).isCloseTo(5.0, within(1e-9));
        assertThat(b.latencyP95()).isEqualTo(Duration.ofMillis(390));
        assertThat(b.answersWithUsage()).isEqualTo(2);
        assertThat(b.cost()).isNull();

        CandidateSummary c = r.candidate("c");
        assertThat(c.answers()).isEqualTo(2);
        assertThat(c.errors()).isEqualTo(2);
        assertThat(c.rank().mean()).isEqualTo(3.0);
        assertThat(c.rank().sd()).isZero();
        assertThat(c.meanWords()).isEqualTo(1.5);
        assertThat(c.wordsPerSecond()).isNull();
        assertThat(c.latencyP50()).isNull();
        assertThat(r.answerErrors()).isEqualTo(2);
    }

    @Test
    void judgesAndSignificance_smallExample_testRunOnEverySuccessfulRanking() {
        EvaluationReport r = report();
        JudgeSummary j = r.judgeSummaries().get(0);
        assertThat(j.judgments()).isEqualTo(4);
        assertThat(j.failedJudgments()).isEqualTo(1);
        assertThat(j.failedCalls()).isEqualTo(1);
        assertThat(j.ranks().get("c").n()).isEqualTo(2);
        assertThat(testedWith).singleElement().asList().hasSize(3);
        assertThat(r.significance().orElseThrow().significantPairs()).hasSize(2);
        assertThat(r.judgeErrors()).isEqualTo(1);
    }

    @Test
    void significance_testRejectsTheRankings_errorKeptInReport() {
        EvaluationReport r = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j"))
                .significance((c, rs, alpha) -> {
                    throw new IllegalArgumentException("needs at least 5 rankings");
                }).build();
        assertThat(r.significance()).isEmpty();
        assertThat(r.significanceError()).hasValue("needs at least 5 rankings");
        assertThat(r.toMarkdown()).contains("could not be run: needs at least 5 rankings");
    }

    @Test
    void toJson_smallExample_followsSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/report.json");
        report().writeJson(file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("schema").asText()).isEqualTo("raq-report/2");
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.get("counts").get("rankings").asInt()).isEqualTo(3);
        JsonNode a = json.get("candidateSummaries").get(0);
        assertThat(a.get("rank").get("mean").asDouble()).isEqualTo(1.5);
        assertThat(a.get("versus").get("b").get("ties").asInt()).isEqualTo(1);
        assertThat(a.get("latencyP95Ms").asDouble()).isEqualTo(480.0);
        assertThat(json.get("candidateSummaries").get(2).get("wordsPerSecond").isNull()).isTrue();
        assertThat(json.get("significance").get("pairs").get(1).get("better").asText()).isEqualTo("a");
        JsonNode s1 = json.get("samples").get(1);
        assertThat(s1.get("answers").get(2).get("error").asText()).isEqualTo("boom");
        assertThat(s1.get("answers").get(0).get("words").asInt()).isEqualTo(2);
        JsonNode failedCall = json.get("samples").get(3).get("judgments").get(0).get("calls").get(0);
        assertThat(failedCall.get("output").asText()).isEqualTo("???");
        assertThat(failedCall.get("ranking").isNull()).isTrue();
    }

    @Test
    void toMarkdown_smallExample_tablesReadyToPaste(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.md");
        EvaluationReport r = report();
        r.writeMarkdown(file);
        String md = Files.readString(file);
        assertThat(md).startsWith("# RAQ evaluation report")
                .contains("## Problems\n\n- candidate 'c': 2 of 4 calls failed (other 2); first: boom \\| boom2\n"
                        + "- judge 'j': 1 of 4 calls failed (other 1); first: no ranking in the reply\n")
                .contains("4 samples (4 judged), 3 observations (one per sample) from judge j; seed 5, alpha 0.1.")
                .contains("| a | 1.5 | " + ci(r.candidate("a"))
                        + " | 1.5 | 0.5 | 3 | 1.75 | 6.667 | 6.667 | 300.0 ms | 480.0 ms | 60/6 | 0.000072 | 0 |")
                .contains("| c | 3 | 3–3 | 3 | 0 | 2 | 1.5 | n/a | n/a | n/a | n/a | n/a | n/a | 2 |")
                .contains("| a | — | 1/1/1 | 2/0/0 |")
                .contains("| a vs c | 0.01 | yes | a | 3 |").contains("| a vs b | 1 | no | — | 3 |")
                .contains("| j | 4 | 4 | 1 | 1 | n/a |")
                .doesNotContain("DRY RUN");
        assertThat(r.toString()).contains("| a | 1.5 |").doesNotContain("#");
    }

    private static String ci(CandidateSummary c) {
        var i = c.rank().meanInterval();
        return String.format(java.util.Locale.ROOT, "%.3f", i.lower()).replaceAll("0+$", "").replaceAll("\\.$", "")
                + "–" + String.format(java.util.Locale.ROOT, "%.3f", i.upper()).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }

    @Test
    void meanInterval_smallExample_bootstrapOfTheMeanRankSeeded() {
        EvaluationReport r = report();
        // resampling ranks {1, 2, 1.5} gives means between 1 and 2; the interval is reproducible for the seed
        var ci = r.candidate("a").rank().meanInterval();
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.lower()).isBetween(1.0, 1.5);
        assertThat(ci.upper()).isBetween(1.5, 2.0);
        assertThat(report().candidate("a").rank().meanInterval()).isEqualTo(ci);
        assertThat(r.judgeSummaries().get(0).ranks().get("a").meanInterval()).isNull();
    }

    @Test
    void write_customWriter_pluggedInThroughTheSpi(@TempDir Path dir) throws Exception {
        ReportWriter csv = (report, out) -> {
            out.write("candidate,mean rank\n");
            for (CandidateSummary c : report.candidateSummaries()) {
                out.write(c.name() + "," + (c.rank() == null ? "" : c.rank().mean()) + "\n");
            }
        };
        Path file = dir.resolve("nested/ranks.csv");
        report().write(file, csv);
        assertThat(Files.readString(file)).startsWith("candidate,mean rank\na,1.5\n");
    }

    @Test
    void writeJson_streamedToAFile_sameAsTheStringAndLoneSurrogatesBecomeReplacementCharacters(@TempDir Path dir)
            throws Exception {
        EvaluationReport.Builder b = EvaluationReport.builder(List.of("a", "b")).judges(List.of("j"));
        b.add(new SampleResult(0, Sample.of("q0", "Q?", "R"), List.of(
                AnswerRecord.answered("a", Completion.of("emoji cut \uD83D here"), false),
                AnswerRecord.answered("b", Completion.of("fine"), false)),
                List.of(Judgment.of("j", "q0", List.of(JudgeCall.ranked(List.of("a", "b"), "out",
                        Ranking.fromOrder(List.of("a", "b")), Map.of())))), null));
        EvaluationReport r = b.build();
        Path file = dir.resolve("r.json");
        r.writeJson(file);
        String written = Files.readString(file);
        assertThat(written).contains("emoji cut \uFFFD here");
        assertThat(written).isEqualTo(r.toJson().replace("\uD83D", "\uFFFD"));
        assertThat(new ObjectMapper().readTree(written).get("samples").get(0).get("answers").get(0).get("text")
                .asText()).isEqualTo("emoji cut \uFFFD here");
    }

    @Test
    void markdown_hostileNamesIdsAndReasons_renderAsText() {
        String evil = "a|b\n<script>alert(1)</script><img src=x onerror=alert(2)>`code`[link](javascript:x)";
        EvaluationReport.Builder b = EvaluationReport.builder(List.of(evil, "plain")).judges(List.of("j|<b>"))
                .aborted("stopped by judge output </td><script>x</script>\n| injected | row |");
        b.add(new SampleResult(0, Sample.of("q<1>", "Q?", "R"), List.of(
                AnswerRecord.failed(evil, "boom <img src=x onerror=alert(3)> | cell\nnext"),
                AnswerRecord.answered("plain", Completion.of("x"), false)), List.of(), "only 1 of 2 answered"));
        EvaluationReport r = b.build();
        for (String md : List.of(r.toMarkdown(), r.toString())) {
            assertThat(md).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>")
                    .doesNotContain("a|b").doesNotContain("| injected | row |");
            List<String> lines = md.lines().toList();
            String header = lines.stream().filter(l -> l.startsWith("| Candidate |")).findFirst().orElseThrow();
            String row = lines.stream().filter(l -> l.startsWith("| a\\|b")).findFirst().orElseThrow();
            // the row with the hostile name keeps the table's column count (escaped pipes do not split cells)
            assertThat(row.replace("\\|", "").chars().filter(ch -> ch == '|').count())
                    .isEqualTo(header.chars().filter(ch -> ch == '|').count());
        }
        assertThat(r.toMarkdown()).contains("a\\|b &lt;script&gt;");
    }
}
