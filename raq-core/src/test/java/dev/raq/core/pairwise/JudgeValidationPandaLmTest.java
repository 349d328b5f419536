package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.JudgeAgreement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces PandaLM's judge-vs-human figures on the 150-item slice of its test set with one {@link JudgeValidation}
 * per judge, under PandaLM's rules ({@code data/compute_metrics.py}): the gold label is the majority of the three
 * annotators (a three-way split takes the first annotator's vote), {@code Tie}/{@code garbage} count as a tie, and
 * accuracy and macro precision, recall and F1 are over the fixed classes {0, 1, 2}. The expected numbers are those
 * of {@link PandaLmAgreementTest} (plain Python 3, formulas written out); the per-class counts, the confusion
 * matrices and the judge-vs-majority kappas come from the same Python run.
 */
class JudgeValidationPandaLmTest {

    private static final Path DIR = Path.of("src/test/resources/data/human");

    private static final List<JsonNode> ITEMS = new ArrayList<>();
    private static final Map<String, Map<Integer, String>> RESULTS = new HashMap<>();

    static {
        ObjectMapper mapper = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(DIR.resolve("pandalm-testset-slice.jsonl"))) {
                ITEMS.add(mapper.readTree(line));
            }
            for (String line : Files.readAllLines(DIR.resolve("pandalm-judge-outputs-slice.jsonl"))) {
                JsonNode j = mapper.readTree(line);
                RESULTS.computeIfAbsent(j.get("judge").asText(), k -> new HashMap<>())
                        .put(j.get("idx").asInt(), j.get("result").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One call: PandaLM's rules, its judge's outputs ("garbage" is a failed call), the three annotators' votes. */
    private static JudgeValidation validate(String judge, JudgeValidation.MajorityRule rule) {
        JudgeValidation.Builder b = JudgeValidation.builder().judge(judge).failedCalls(JudgeValidation.FailedCalls.TIE)
                .majorityRule(rule).tieClass(true);
        for (JsonNode item : ITEMS) {
            int idx = item.get("idx").asInt();
            String result = RESULTS.get(judge).get(idx);
            b.itemVotes(String.valueOf(idx), List.of(item.get("annotator1").asText(), item.get("annotator2").asText(),
                    item.get("annotator3").asText()), "garbage".equals(result) ? null : result);
        }
        return b.build();
    }

    @Test
    void gpt35Turbo_againstHumanMajority_matchesPython() {
        JudgeValidation v = validate("gpt-3.5-turbo", JudgeValidation.MajorityRule.PANDALM);
        JudgeAgreement.Order o = v.agreement().original();
        assertThat(v.items()).isEqualTo(150);
        assertThat(o.accuracy().value()).as("accuracy").isCloseTo(0.7666666666666667, within(1e-12));
        assertThat(o.macroPrecision()).as("macro precision").isCloseTo(0.7502378154552067, within(1e-12));
        assertThat(o.macroRecall()).as("macro recall").isCloseTo(0.6501345785069955, within(1e-12));
        assertThat(o.macroF1()).as("macro F1").isCloseTo(0.666532029478458, within(1e-12));
        assertThat(o.kappa()).as("kappa").isCloseTo(0.593054801953337, within(1e-12));
        // four "garbage" outputs, counted as ties but still shown as failed calls
        assertThat(v.failedCallsOriginal()).isEqualTo(4);
        assertThat(o.failed()).isZero();
        // classes A (1), B (2), tie (0): support, predicted, true positives
        assertThat(o.classScores()).extracting(JudgeAgreement.ClassScores::support).containsExactly(59, 73, 18);
        assertThat(o.classScores()).extracting(JudgeAgreement.ClassScores::predicted).containsExactly(69, 74, 7);
        assertThat(o.classScores()).extracting(JudgeAgreement.ClassScores::truePositives).containsExactly(51, 59, 5);
        assertThat(o.confusionMatrix()).isDeepEqualTo(new int[][] {{51, 7, 1, 0}, {13, 59, 1, 0}, {5, 8, 5, 0}});
        assertThat(v.agreement().swapped()).isEmpty();
    }

    @Test
    void pandaLm7b_againstHumanMajority_matchesPython() {
        JudgeValidation v = validate("pandalm-7b", JudgeValidation.MajorityRule.PANDALM);
        JudgeAgreement.Order o = v.agreement().original();
        assertThat(o.accuracy().value()).as("accuracy").isCloseTo(0.6666666666666666, within(1e-12));
        assertThat(o.macroPrecision()).as("macro precision").isCloseTo(0.5922619047619048, within(1e-12));
        assertThat(o.macroRecall()).as("macro recall").isCloseTo(0.588009184015685, within(1e-12));
        assertThat(o.macroF1()).as("macro F1").isCloseTo(0.5892296767476107, within(1e-12));
        assertThat(o.kappa()).as("kappa").isCloseTo(0.4371904547501124, within(1e-12));
        assertThat(v.failedCallsOriginal()).isZero();
        assertThat(o.confusionMatrix()).isDeepEqualTo(new int[][] {{44, 13, 2, 0}, {15, 50, 8, 0}, {5, 7, 6, 0}});
    }

    @Test
    void annotators_agreementAndMajority_matchPython() {
        JudgeValidation v = validate("pandalm-7b", JudgeValidation.MajorityRule.PANDALM);
        assertThat(v.annotatedByMajority()).isEqualTo(150);
        assertThat(v.splitVotes()).isZero(); // no three-way split on this slice
        assertThat(v.annotatorKappas()).containsOnlyKeys("1-2", "1-3", "2-3");
        assertThat(v.annotatorKappas().get("1-2")).isCloseTo(0.8415811707905854, within(1e-12));
        assertThat(v.annotatorKappas().get("1-3")).isCloseTo(0.8639352936729913, within(1e-12));
        assertThat(v.annotatorKappas().get("2-3")).isCloseTo(0.88754779218832, within(1e-12));
    }

    @Test
    void llmBarRule_leavesOutTheGoldTies() {
        // the same data under LLMBar's rule: the 18 items whose majority is a tie are left out
        JudgeValidation v = validate("pandalm-7b", JudgeValidation.MajorityRule.LLMBAR);
        assertThat(v.droppedItems()).hasSize(18);
        assertThat(v.items()).isEqualTo(132);
        assertThat(v.agreement().original().classScores()).extracting(JudgeAgreement.ClassScores::support)
                .containsExactly(59, 73, 0);
        // 44 + 50 of the 59 + 73 decisive items are right (the confusion rows above)
        assertThat(v.agreement().original().accuracy().count()).isEqualTo(94);
    }
}
