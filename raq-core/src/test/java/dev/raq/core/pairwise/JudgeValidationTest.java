package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.model.Completion;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.ReportWriters;
import dev.raq.core.report.SampleResult;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.JudgeAgreement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeValidationTest {

    private static final String HOSTILE = "<b>gpt</b> | `x` [y]\nnext";

    /** Four items in both orders: right, position-biased, failed twice, a tie the judge called for A. */
    static JudgeValidation sample(String judge) {
        return JudgeValidation.builder().judge(judge).bootstrap(Bootstrap.builder().rounds(200).seed(3).build())
                .item("right", "A", "A", "A")
                .item("biased", "B", "A", "B")
                .item("<failed>", "A", null, "")
                .item("tie", "tie", "A", "tie")
                .build();
    }

    @Test
    void label_parse_readsEveryForm() {
        for (String a : List.of("A", "a", " 1 ", "A>B", "A>>B", "[[A>B]]", "[[a>>b]]")) {
            assertThat(JudgeValidation.Label.parse(a)).as(a).isEqualTo(JudgeValidation.Label.A);
        }
        for (String b : List.of("B", "b", "2", "B>A", "[[B>>A]]")) {
            assertThat(JudgeValidation.Label.parse(b)).as(b).isEqualTo(JudgeValidation.Label.B);
        }
        for (String tie : List.of("tie", "Tie", "TIE", "0", "A=B", "[[A=B]]")) {
            assertThat(JudgeValidation.Label.parse(tie)).as(tie).isEqualTo(JudgeValidation.Label.TIE);
        }
        assertThat(JudgeValidation.Label.parse(null)).isNull();
        assertThat(JudgeValidation.Label.parse("")).isNull();
        assertThat(JudgeValidation.Label.parse("  ")).isNull();
        assertThatThrownBy(() -> JudgeValidation.Label.parse("garbage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'garbage' is not a preference label");
    }

    @Test
    void verdicts_mapTheSwappedVerdictBackToTheItemsNumbering() {
        // the judge preferred the same answer in both orders: A>B as shown first, B>A with the answers swapped
        JudgeValidation v = JudgeValidation.builder()
                .verdicts("consistent", "A", Verdict.A_BETTER, Verdict.B_MUCH_BETTER)
                .verdicts("first position", "A", Verdict.A_BETTER, Verdict.A_BETTER)
                .verdicts("failed", "B", Verdict.B_BETTER, null)
                .build();
        JudgeAgreement.BothOrders both = v.agreement().bothOrders().orElseThrow();
        assertThat(both.consistent().count()).isEqualTo(1);
        assertThat(both.bothCorrect().count()).isEqualTo(1);
        assertThat(v.failedCallsSwapped()).isEqualTo(1);
        JudgeValidation one = JudgeValidation.builder().verdict("x", "B", Verdict.B_BETTER).verdict("y", "A", null)
                .build();
        assertThat(one.agreement().original().accuracy().count()).isEqualTo(1);
        assertThat(one.failedCallsOriginal()).isEqualTo(1);
    }

    @Test
    void build_llmBarRule_dropsSplitVotesAndTies_pandaLmRule_takesTheFirstVote() {
        JudgeValidation.Builder b = JudgeValidation.builder()
                .itemVotes("split", List.of("B", "A", "tie"), "B")
                .itemVotes("tie", List.of("tie", "tie", "A"), "tie")
                .itemVotes("clear", List.of("A", "A", "B"), "A")
                .itemVotes("even", List.of("A", "B", "B", "A"), "B");
        JudgeValidation pandaLm = b.build();
        // split -> B (first vote), tie -> tie, clear -> A, even -> A (voted first): 3 of 4 right
        assertThat(pandaLm.splitVotes()).isEqualTo(2);
        assertThat(pandaLm.agreement().original().accuracy().count()).isEqualTo(3);
        assertThat(pandaLm.droppedItems()).isEmpty();
        assertThat(pandaLm.annotatorKappas()).isEmpty(); // three votes on some items, four on one

        JudgeValidation llmBar = b.majorityRule(JudgeValidation.MajorityRule.LLMBAR).build();
        assertThat(llmBar.droppedItems()).containsExactly("split", "tie", "even");
        assertThat(llmBar.items()).isEqualTo(1);
        assertThat(llmBar.classes()).containsExactly(JudgeValidation.Label.A, JudgeValidation.Label.B);
    }

    @Test
    void build_failedCallsAsTies_areCountedAndScoredAsTies() {
        JudgeValidation v = JudgeValidation.builder().failedCalls(JudgeValidation.FailedCalls.TIE)
                .item("1", "tie", null).item("2", "A", "A").item("3", "B", "").build();
        assertThat(v.failedCallsOriginal()).isEqualTo(2);
        assertThat(v.classes()).contains(JudgeValidation.Label.TIE);
        assertThat(v.agreement().original().accuracy().count()).isEqualTo(2);
        assertThat(v.agreement().original().failed()).isZero();
        assertThat(v.toMarkdown()).contains("Failed calls count as ties (PandaLM): 2");
    }

    @Test
    void build_reportsEveryProblemAtOnce_andTheBuilderStaysUsable() {
        JudgeValidation.Builder b = JudgeValidation.builder().tieClass(false).item("1", "A", "tie", "A")
                .item("2", "B", "B");
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be mixed: item '1' has both orders but [2] do not")
                .hasMessageContaining("tieClass(false) but a gold label or verdict is a tie");
        assertThatThrownBy(b.tieClass(true)::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be mixed").hasMessageNotContaining("tieClass");
        assertThatThrownBy(() -> JudgeValidation.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no items were given");
        assertThatThrownBy(() -> JudgeValidation.builder().item("1", "A", "A").item("1", "A", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("item id '1' repeats");
        assertThatThrownBy(() -> JudgeValidation.builder().item("1", "", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing gold label");
        assertThatThrownBy(() -> JudgeValidation.builder().item("7", "A", "Output (a)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("item '7': the verdict 'Output (a)' is not a preference label");
        assertThatThrownBy(() -> JudgeValidation.builder()
                .bootstrap(Bootstrap.builder().method(Bootstrap.Method.BCA).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percentile");
    }

    @Test
    void toMarkdown_showsEveryStatistic_andEscapesNames() {
        String md = sample(HOSTILE).toMarkdown();
        assertThat(md).contains("Judge &lt;b&gt;gpt&lt;/b&gt; \\| \\`x\\` \\[y\\] next against human labels on 4 items")
                .doesNotContain("<b>")
                .contains("| Accuracy, original order ")
                .contains("| Same verdict in both orders ")
                .contains("Cohen's kappa, swapped order")
                .contains("Confusion matrix, swapped order")
                .contains("Failed calls count as wrong (LLMBar): 1 in the original order, 1 in the swapped order");
        // the lines of one table have the same length: padded columns read as a table in plain text too
        List<String> lines = md.lines().toList();
        List<String> measureTable = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("| Measure"))
                .findFirst().orElseThrow()), lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList();
        assertThat(measureTable).hasSize(9).allSatisfy(l -> assertThat(l).hasSize(measureTable.get(0).length()));
        assertThat(md).contains("50.0% (2/4)").contains("75.0% (3/4)");
    }

    @Test
    void toMap_isJsonSafe_andHoldsBothOrders() throws Exception {
        JudgeValidation v = sample("j");
        JsonNode json = new ObjectMapper().valueToTree(v.toMap());
        assertThat(json.get("kind").asText()).isEqualTo("judgeValidation");
        assertThat(json.at("/orders/original/accuracy/count").asInt()).isEqualTo(1);
        assertThat(json.at("/orders/swapped/failedCalls").asInt()).isEqualTo(1);
        assertThat(json.at("/orders/original/confusion/A/failed").asInt()).isEqualTo(1);
        assertThat(json.at("/bothOrders/consistent/count").asInt()).isEqualTo(2); // right, and <failed> failed twice
        assertThat(json.at("/rules/classes").toString()).isEqualTo("[\"A\",\"B\",\"tie\"]");
        assertThat(v.toString()).startsWith("JudgeValidation[j, 4 items, accuracy 25.0% / 75.0%, kappa ");
    }

    @Test
    void undefinedKappa_isNullInTheMap_andUndefinedInMarkdown() {
        JudgeValidation v = JudgeValidation.builder().item("1", "A", "A").item("2", "A", "A").build();
        assertThat(v.toMap().get("orders").toString()).contains("kappa=null");
        assertThat(v.toMarkdown()).contains("| Cohen's kappa |").contains(" undefined | n/a ");
    }

    @Test
    void kappaInterval_notesTheRoundsWithoutKappa() {
        // a resample of the three A items only has one label everywhere: about a third of the rounds
        JudgeValidation v = JudgeValidation.builder().item("1", "A", "A").item("2", "A", "A").item("3", "A", "A")
                .item("4", "B", "B").build();
        int undefined = v.agreement().original().kappaUndefinedRounds();
        assertThat(undefined).isPositive();
        assertThat(v.toMarkdown()).contains("1.000 – 1.000 (" + undefined + " rounds without kappa left out)");
    }

    @Test
    void aReportWithTheSection_showsItInMarkdownAndJson() throws Exception {
        JudgeValidation validation = sample(HOSTILE);
        EvaluationReport report = reportWith(validation);
        assertThat(report.section(JudgeValidation.class)).containsSame(validation);
        String md = ReportWriters.markdown().render(report);
        assertThat(md).contains("## Judge validation of &lt;b&gt;gpt&lt;/b&gt;")
                .contains("| Same verdict in both orders ").doesNotContain("<b>gpt");
        JsonNode json = new ObjectMapper().readTree(ReportWriters.json().render(report));
        assertThat(json.at("/sections/0/content/kind").asText()).isEqualTo("judgeValidation");
        assertThat(json.at("/sections/0/content/orders/swapped/accuracy/count").asInt()).isEqualTo(3);
    }

    /** A small report whose one judge adds {@code section} (the judge's calls are plain rankings). */
    static EvaluationReport reportWith(ReportSection section) {
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
