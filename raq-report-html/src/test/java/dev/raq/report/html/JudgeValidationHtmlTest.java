package dev.raq.report.html;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.model.Completion;
import dev.raq.core.pairwise.JudgeValidation;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import dev.raq.stats.Bootstrap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link JudgeValidation} in the HTML report: the page shows it as a judge section, its Markdown (tables padded to
 * read as tables in preformatted text) escaped, and a hostile judge name or item id stays text.
 */
class JudgeValidationHtmlTest {

    private static final String HOSTILE = "<script>alert(1)</script> | judge";

    @Test
    void reportWithAJudgeValidation_showsItsSectionAndTables() throws IOException {
        JudgeValidation validation = JudgeValidation.builder().judge(HOSTILE)
                .bootstrap(Bootstrap.builder().rounds(200).seed(5).build())
                .itemVotes("<img src=x>", List.of("A", "B", "tie"), "A", "A")
                .itemVotes("2", List.of("B", "B", "A"), "A", "B")
                .itemVotes("3", List.of("A", "A", "A"), null, "A")
                .itemVotes("4", List.of("tie", "tie", "B"), "tie", "tie")
                .majorityRule(JudgeValidation.MajorityRule.LLMBAR)
                .build();
        String page = HtmlReportWriterTest.html(reportWith(validation));

        int section = page.indexOf("<section class=\"judge-section\"><h2>Judge validation of "
                + "&lt;script&gt;alert(1)&lt;/script&gt; | judge against human labels</h2>");
        assertThat(section).isPositive();
        String body = page.substring(section, page.indexOf("</section>", section));
        assertThat(body).contains("<pre class=\"md\">")
                .contains("| Accuracy, original order ")
                .contains("| Same verdict in both orders ")
                .contains("| Cohen&#39;s kappa, swapped order ")
                .contains("Confusion matrix, swapped order")
                // LLMBar's rule left out the split vote and the tie, whose ids are escaped twice: Markdown, then HTML
                .contains("2 items left out: &amp;lt;img src=x&amp;gt;, 4");
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x>");
    }

    /** A small report whose one judge adds {@code section}. */
    private static EvaluationReport reportWith(ReportSection section) {
        Judge judge = new Judge() {
            @Override
            public Judgment judge(JudgeInput input) {
                throw new UnsupportedOperationException("the report is built from recorded judgments");
            }

            @Override
            public Optional<ReportSection> reportSection(List<Judgment> judgments, long seed) {
                return Optional.of(section);
            }
        };
        List<String> candidates = List.of("x", "y");
        EvaluationReport.Builder b = EvaluationReport.builder(candidates).judges(List.of("checked"))
                .sections(Map.of("checked", judge));
        for (int i = 0; i < 4; i++) {
            Map<String, Double> scores = Map.of("x", (double) i, "y", 1.5);
            b.add(new SampleResult(i, Sample.of("s" + i, "q" + i, "a"), List.of(
                    AnswerRecord.answered("x", Completion.of("x"), false),
                    AnswerRecord.answered("y", Completion.of("y"), false)),
                    List.of(new Judgment("checked", "s" + i, List.of(JudgeCall.ranked(candidates, "raw",
                            Ranking.fromScores(scores), Map.of())), scores)), null));
        }
        return b.build();
    }
}
