package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.JudgeAgreement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces the published LLMBar "Natural" statistics of all 16 (judge, method) pairs with one
 * {@link JudgeValidation} per pair: {@code correct_False} / {@code correct_True} (accuracy in the original / swapped
 * order), {@code correct_average}, {@code correct_both} and {@code equal} (order consistency, two unparsed verdicts
 * counting as equal), exactly as counts. Upstream's {@code kappa_*} fields are not a standard Cohen's kappa (see
 * {@link LlmBarReproductionTest}); the standard kappas and macro F1 here were computed independently in plain Python
 * 3 (the formulas of scikit-learn's {@code cohen_kappa_score} and {@code f1_score(average='macro',
 * zero_division=0)} written out, an unparsed verdict a label of its own for kappa and in no class for F1).
 */
class JudgeValidationLlmBarTest {

    private static final Path DIR = Path.of("src/test/resources/data/human");
    private static final Pattern COUNT = Pattern.compile("(\\d+) / (\\d+) = ([0-9.]+)%");

    /** judge/method: kappa original, swapped; macro F1 original; failed calls original, swapped (plain Python). */
    private static final Map<String, double[]> PYTHON = Map.ofEntries(
            Map.entry("GPT-4/Vanilla_NoRules", row(0.836867862969005, 0.8977086743044189, 0.9184006527947777, 0, 0)),
            Map.entry("GPT-4/CoT", row(0.8776508972267536, 0.8970345963756177, 0.9388004895960832, 0, 0)),
            Map.entry("GPT-4/Swap", row(0.8776508972267536, 0.8970345963756177, 0.9388004895960832, 0, 0)),
            Map.entry("GPT-4/Metrics_Reference", row(0.8977086743044189, 0.9382207578253706, 0.948849104859335, 0, 0)),
            Map.entry("ChatGPT/Vanilla_NoRules", row(0.5866141732283465, 0.5466321243523318, 0.7898108297467721, 0, 0)),
            Map.entry("ChatGPT/CoT", row(0.42682460833014896, 0.5266781411359726, 0.7029733009708738, 1, 0)),
            Map.entry("ChatGPT/Swap", row(0.5294599018003275, 0.5484400656814451, 0.7647058823529411, 0, 0)),
            Map.entry("ChatGPT/Metrics_Reference", row(0.6376811594202898, 0.6329879101899827, 0.8181818181818181, 0, 0)),
            Map.entry("LLaMA2/Vanilla_NoRules", row(0.5230524642289348, 0.5454545454545455, 0.7591328783621036, 0, 0)),
            Map.entry("LLaMA2/CoT", row(0.453978159126365, 0.564676616915423, 0.72, 0, 0)),
            Map.entry("LLaMA2/Swap", row(0.533106960950764, 0.4815668202764977, 0.7640497640497641, 0, 0)),
            Map.entry("LLaMA2/Metrics_Reference", row(0.44444444444444436, 0.5709828393135726, 0.7178819444444444, 0, 0)),
            Map.entry("PaLM2/Vanilla_NoRules", row(0.5499021526418787, 0.7407259672915836, 0.780859049207673, 3, 3)),
            Map.entry("PaLM2/CoT", row(0.4059026446914526, 0.507916131792897, 0.6931473620375985, 1, 1)),
            Map.entry("PaLM2/Swap", row(0.6146044624746452, 0.7310715763342988, 0.8102484472049689, 1, 1)),
            Map.entry("PaLM2/Metrics_Reference", row(0.7175141242937854, 0.7368421052631579, 0.866484440706476, 2, 2)));

    private static double[] row(double... values) {
        return values;
    }

    @Test
    void publishedStatistics_areReproducedByOneCallPerJudgeAndMethod() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<Integer, String> gold = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-items.jsonl"))) {
            JsonNode item = mapper.readTree(line);
            gold.put(item.get("item_idx").asInt(), item.get("gold_label").asText());
        }
        // judge/method -> item -> {original, swapped} winner, already in the item's numbering; null when unparsed
        Map<String, Map<Integer, String[]>> winners = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-judgments.jsonl"))) {
            JsonNode j = mapper.readTree(line);
            String[] both = winners.computeIfAbsent(j.get("judge").asText() + "/" + j.get("method").asText(),
                    k -> new TreeMap<>()).computeIfAbsent(j.get("item_idx").asInt(), k -> new String[2]);
            both[j.get("presentation").asText().equals("original") ? 0 : 1] =
                    j.get("winner").isNull() ? null : j.get("winner").asText();
        }
        List<String> checked = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-published-statistics.jsonl"))) {
            JsonNode row = mapper.readTree(line);
            String key = row.get("judge").asText() + "/" + row.get("method").asText();
            JsonNode published = row.get("statistics");

            JudgeValidation.Builder builder = JudgeValidation.builder().judge(key);
            winners.get(key).forEach((idx, w) -> builder.item(String.valueOf(idx), gold.get(idx), w[0], w[1]));
            JudgeValidation v = builder.build();

            JudgeAgreement a = v.agreement();
            JudgeAgreement.BothOrders both = a.bothOrders().orElseThrow();
            assertThat(v.items()).as(key).isEqualTo(100);
            assertThat(v.classes()).as(key).containsExactly(JudgeValidation.Label.A, JudgeValidation.Label.B);
            assertCount(key + " correct_False", published.get("correct_False").asText(), a.original().accuracy());
            assertCount(key + " correct_True", published.get("correct_True").asText(),
                    a.swapped().orElseThrow().accuracy());
            assertCount(key + " correct_both", published.get("correct_both").asText(), both.bothCorrect());
            assertCount(key + " equal", published.get("equal").asText(), both.consistent());
            String average = published.get("correct_average").asText();
            assertThat(100 * both.meanAccuracy()).as(key + " correct_average")
                    .isCloseTo(Double.parseDouble(average.substring(0, average.length() - 1)), within(1e-12));

            double[] python = PYTHON.get(key);
            assertThat(a.original().kappa()).as(key + " kappa original").isCloseTo(python[0], within(1e-12));
            assertThat(a.swapped().orElseThrow().kappa()).as(key + " kappa swapped")
                    .isCloseTo(python[1], within(1e-12));
            assertThat(a.original().macroF1()).as(key + " macro F1").isCloseTo(python[2], within(1e-12));
            assertThat(v.failedCallsOriginal()).as(key + " failed").isEqualTo((int) python[3]);
            assertThat(v.failedCallsSwapped()).as(key + " failed swapped").isEqualTo((int) python[4]);
            assertThat(a.original().kappaInterval().orElseThrow().contains(a.original().kappa())).as(key).isTrue();
            checked.add(key);
        }
        assertThat(checked).hasSize(16).containsExactlyInAnyOrderElementsOf(PYTHON.keySet());
    }

    private static void assertCount(String what, String published, JudgeAgreement.Proportion p) {
        Matcher m = COUNT.matcher(published);
        assertThat(m.matches()).as(what + " format: " + published).isTrue();
        assertThat(p.count()).as(what).isEqualTo(Integer.parseInt(m.group(1)));
        assertThat(p.total()).as(what).isEqualTo(Integer.parseInt(m.group(2)));
        assertThat(100 * p.value()).as(what).isCloseTo(Double.parseDouble(m.group(3)), within(1e-9));
        assertThat(p.interval().contains(p.value())).as(what).isTrue();
    }
}
