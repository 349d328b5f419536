package dev.raq.core.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.Agreement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces the published LLMBar "Natural" statistics of all 16 (judge, method) pairs from the recorded verdicts
 * and the human gold labels: accuracy in each presentation order, their mean, both-orders accuracy, positional
 * agreement, and the kappas as upstream computed them (judge "1" → 1, anything else → 0, against gold 1/2, with
 * sklearn's unweighted Cohen's kappa, which {@link Agreement#cohenKappa(int[], int[])} matches).
 */
class LlmBarReproductionTest {

    private static final Path DIR = Path.of("src/test/resources/data/human");
    private static final Pattern COUNT = Pattern.compile("(\\d+) / (\\d+) = ([0-9.]+)%");

    @Test
    void publishedStatistics_areReproducedForEveryJudgeAndMethod() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<Integer, Integer> gold = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-items.jsonl"))) {
            JsonNode item = mapper.readTree(line);
            gold.put(item.get("item_idx").asInt(), item.get("gold_label").asInt());
        }
        Map<String, Map<Integer, String[]>> winners = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-judgments.jsonl"))) {
            JsonNode j = mapper.readTree(line);
            String key = j.get("judge").asText() + "/" + j.get("method").asText();
            String[] both = winners.computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(j.get("item_idx").asInt(), k -> new String[2]);
            both[j.get("presentation").asText().equals("original") ? 0 : 1] =
                    j.get("winner").isNull() ? null : j.get("winner").asText();
        }
        List<String> checked = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("llmbar-natural-published-statistics.jsonl"))) {
            JsonNode row = mapper.readTree(line);
            String key = row.get("judge").asText() + "/" + row.get("method").asText();
            JsonNode stats = row.get("statistics");
            Map<Integer, String[]> byItem = winners.get(key);
            assertThat(byItem).as(key).hasSize(100);

            int n = byItem.size();
            int correctOriginal = 0;
            int correctSwapped = 0;
            int correctBoth = 0;
            int equal = 0;
            int[] mappedOriginal = new int[n];
            int[] mappedSwapped = new int[n];
            int[] goldLabels = new int[n];
            int i = 0;
            for (Map.Entry<Integer, String[]> e : byItem.entrySet()) {
                String label = Integer.toString(gold.get(e.getKey()));
                String o = e.getValue()[0];
                String s = e.getValue()[1];
                boolean okO = label.equals(o);
                boolean okS = label.equals(s);
                correctOriginal += okO ? 1 : 0;
                correctSwapped += okS ? 1 : 0;
                correctBoth += okO && okS ? 1 : 0;
                equal += java.util.Objects.equals(o, s) ? 1 : 0; // two unparsed verdicts count as equal upstream
                mappedOriginal[i] = "1".equals(o) ? 1 : 0;
                mappedSwapped[i] = "1".equals(s) ? 1 : 0;
                goldLabels[i] = gold.get(e.getKey());
                i++;
            }
            assertCount(key + " correct_False", stats.get("correct_False").asText(), correctOriginal, n);
            assertCount(key + " correct_True", stats.get("correct_True").asText(), correctSwapped, n);
            assertCount(key + " correct_both", stats.get("correct_both").asText(), correctBoth, n);
            assertCount(key + " equal", stats.get("equal").asText(), equal, n);
            double average = (correctOriginal + correctSwapped) / 2.0 / n * 100;
            assertThat(stats.get("correct_average").asText()).as(key).isEqualTo(pythonPercent(average));

            double kappaFalse = Agreement.cohenKappa(mappedOriginal, goldLabels);
            double kappaTrue = Agreement.cohenKappa(mappedSwapped, goldLabels);
            assertThat(kappaFalse).as(key + " kappa_False").isCloseTo(stats.get("kappa_False").asDouble(), within(1e-12));
            assertThat(kappaTrue).as(key + " kappa_True").isCloseTo(stats.get("kappa_True").asDouble(), within(1e-12));
            assertThat((kappaFalse + kappaTrue) / 2).as(key + " kappa_average")
                    .isCloseTo(stats.get("kappa_average").asDouble(), within(1e-12));
            double agreement = Agreement.cohenKappa(mappedOriginal, mappedSwapped);
            if (stats.get("kappa_agreement").isNull()) {
                assertThat(agreement).as(key + " kappa_agreement").isNaN();
            } else {
                assertThat(agreement).as(key + " kappa_agreement")
                        .isCloseTo(stats.get("kappa_agreement").asDouble(), within(1e-12));
            }
            checked.add(key);
        }
        assertThat(checked).hasSize(16);
    }

    private static void assertCount(String what, String published, int count, int n) {
        Matcher m = COUNT.matcher(published);
        assertThat(m.matches()).as(what + " format: " + published).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as(what).isEqualTo(count);
        assertThat(Integer.parseInt(m.group(2))).as(what).isEqualTo(n);
    }

    /** Python's str() of a float ending in ".0" for whole numbers, as upstream formatted percentages. */
    private static String pythonPercent(double value) {
        String s = Double.toString(value);
        return s + "%";
    }
}
