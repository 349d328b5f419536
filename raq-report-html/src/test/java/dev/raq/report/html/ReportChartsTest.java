package dev.raq.report.html;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.pairwise.VerdictLabels;
import dev.raq.core.report.EvaluationReport;
import dev.raq.metrics.Scorers;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts of a pairwise run and of a judge panel, drawn from real evaluations. */
class ReportChartsTest {

    private static final List<Sample> SAMPLES = IntStream.range(0, 30)
            .mapToObj(i -> Sample.of("q" + i, "Question " + i + "?", "answer " + i)).toList();

    private static void assertWellFormed(List<ReportCharts.Chart> charts) throws Exception {
        for (ReportCharts.Chart c : charts) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(c.svg().getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void pairwiseRun_hasPreferencesWinRatesLeaderboardAndPositionBias() throws Exception {
        int[] calls = {0};
        EvaluationReport report = Evaluation.builder().dataset(SAMPLES)
                .candidate("base", request -> Completion.of("b"))
                .candidate("x", request -> Completion.of("xx"))
                .candidate("y", request -> Completion.of("yyy"))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(request -> {
                    synchronized (calls) {
                        calls[0]++;
                        return Completion.of(calls[0] % 5 == 0 ? "no verdict" : calls[0] % 3 == 0 ? "[[B>A]]"
                                : calls[0] % 2 == 0 ? "[[A=B]]" : "[[A>B]]");
                    }
                }).labels(VerdictLabels.WITH_TIES).againstBaseline("base"))
                .concurrency(1).seed(4).build().run();
        List<ReportCharts.Chart> charts = ReportCharts.all(report);
        assertThat(charts).extracting(ReportCharts.Chart::id).contains("preferences", "win-rates", "position-bias",
                "bradley-terry");
        ReportCharts.Chart preferences = charts.stream().filter(c -> c.id().equals("preferences")).findFirst()
                .orElseThrow();
        assertThat(preferences.svg()).contains(">errors</text>");
        assertWellFormed(charts);

        // a report holding two pairwise judges' sections (an evaluation runs one pairwise judge) gets distinct ids
        String judge = report.judges().get(0);
        EvaluationReport.Builder two = EvaluationReport.builder(report.candidates()).judges(List.of(judge, "copy"))
                .sections(java.util.Map.of(judge, PairwiseJudge.of(request -> Completion.of("[[A=B]]")).name(judge),
                        "copy", PairwiseJudge.of(request -> Completion.of("[[A=B]]")).name("copy")));
        for (var s : report.samples()) {
            List<dev.raq.core.judge.Judgment> judgments = new java.util.ArrayList<>(s.judgments());
            s.judgments().forEach(j -> judgments.add(new dev.raq.core.judge.Judgment("copy", j.sampleId(), j.calls(),
                    j.scores())));
            two.add(new dev.raq.core.report.SampleResult(s.index(), s.sample(), s.answers(), judgments, s.notJudged()));
        }
        assertThat(ReportCharts.all(two.build())).extracting(ReportCharts.Chart::id)
                .contains("bradley-terry", "bradley-terry-2", "position-bias-2").doesNotHaveDuplicates();
    }

    @Test
    void panel_hasEachJudgesAgreementWithTheVerdict() throws Exception {
        EvaluationReport report = Evaluation.builder().dataset(SAMPLES)
                .candidate("right", request -> Completion.of("answer " + request.lastUserMessage().replaceAll("\\D", "")))
                .candidate("half", request -> Completion.of(Integer.parseInt(request.lastUserMessage()
                        .replaceAll("\\D", "")) % 2 == 0 ? "answer" : "nothing"))
                .candidate("wrong", request -> Completion.of("nothing at all"))
                .promptTemplate("{question}").judge(Judges.score(Scorers.squadF1()))
                .judge(Judges.score(Scorers.squadExactMatch())).build().run();
        ReportCharts.Chart panel = ReportCharts.panelAgreement(report);
        assertThat(panel).isNotNull();
        assertThat(panel.svg()).contains("score(squad-f1)").contains("score(squad-em)");
        assertWellFormed(ReportCharts.all(report));
        assertThat(ReportCharts.all(report)).extracting(ReportCharts.Chart::id).contains("panel-agreement");
    }
}
