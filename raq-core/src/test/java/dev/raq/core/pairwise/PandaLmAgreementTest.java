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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces PandaLM's agreement statistics on the 150-item slice of its human-annotated test set: pairwise Cohen's
 * kappa between the three annotators, and each recorded judge (gpt-3.5-turbo, pandalm-7b) against the annotators'
 * majority vote with accuracy and macro-averaged precision, recall and F1 over the classes {0 = tie,
 * 1 = response1 better, 2 = response2 better}, as upstream computes them.
 *
 * <p>Upstream rules: the majority of the three votes, a three-way split taking the first annotator's vote; a judge's
 * {@code Tie}/{@code tie}/{@code garbage}/{@code 0} is class 0. Macro averages follow sklearn's defaults: the
 * unweighted mean over the three classes, a class with no predicted (or no true) item has precision (recall) 0, and
 * F1 is the mean of the per-class F1 scores.
 *
 * <p>The expected numbers were computed independently with Debian's Python 3 (plain Python, the formulas written
 * out by hand; the first kappa also checked with {@code statsmodels.stats.inter_rater.cohens_kappa}):
 * <pre>
 * def kappa(x, y):
 *     n = len(x); labels = sorted(set(x) | set(y))
 *     po = sum(a == b for a, b in zip(x, y)) / n
 *     pe = sum((x.count(l) / n) * (y.count(l) / n) for l in labels)
 *     return (po - pe) / (1 - pe)
 * def majority(v):                      # v = [annotator1, annotator2, annotator3]
 *     c = collections.Counter(v).most_common()
 *     return c[0][0] if c[0][1] &gt;= 2 else v[0]
 * pred = [int(r) if r in ('0', '1', '2') else 0 for r in results]
 * for c in (0, 1, 2):
 *     tp = #(pred == c and gold == c); precision = tp / #(pred == c) or 0; recall = tp / #(gold == c) or 0
 *     f1 = 2 * p * r / (p + r) or 0
 * macro = mean over the three classes
 * </pre>
 * On this slice no item has a three-way split (the gold classes are 18 ties, 59 × 1, 73 × 2).
 */
class PandaLmAgreementTest {

    private static final Path DIR = Path.of("src/test/resources/data/human");
    private static final int CLASSES = 3;

    private static final List<int[]> ANNOTATORS = new ArrayList<>();
    private static final Map<String, Map<Integer, String>> RESULTS = new HashMap<>();
    private static final List<Integer> IDX = new ArrayList<>();

    static {
        ObjectMapper mapper = new ObjectMapper();
        try {
            List<String> lines = Files.readAllLines(DIR.resolve("pandalm-testset-slice.jsonl"));
            int[][] votes = new int[3][lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                JsonNode item = mapper.readTree(lines.get(i));
                IDX.add(item.get("idx").asInt());
                for (int k = 0; k < 3; k++) {
                    votes[k][i] = item.get("annotator" + (k + 1)).asInt();
                }
            }
            ANNOTATORS.addAll(List.of(votes));
            for (String line : Files.readAllLines(DIR.resolve("pandalm-judge-outputs-slice.jsonl"))) {
                JsonNode j = mapper.readTree(line);
                RESULTS.computeIfAbsent(j.get("judge").asText(), k -> new HashMap<>())
                        .put(j.get("idx").asInt(), j.get("result").asText());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void cohenKappa_betweenAnnotators_matchesPython() {
        assertThat(IDX).hasSize(150);
        assertThat(Agreement.cohenKappa(ANNOTATORS.get(0), ANNOTATORS.get(1))).isCloseTo(0.8415811707905854, within(1e-12));
        assertThat(Agreement.cohenKappa(ANNOTATORS.get(0), ANNOTATORS.get(2))).isCloseTo(0.8639352936729913, within(1e-12));
        assertThat(Agreement.cohenKappa(ANNOTATORS.get(1), ANNOTATORS.get(2))).isCloseTo(0.88754779218832, within(1e-12));
    }

    @Test
    void majorityVote_onThisSlice_hasTheGoldClassCountsOfPython() {
        int[] counts = new int[CLASSES];
        for (int g : majority()) {
            counts[g]++;
        }
        assertThat(counts).containsExactly(18, 59, 73);
    }

    @Test
    void majorityVote_threeWaySplit_takesTheFirstAnnotator() {
        assertThat(majority(new int[] {2, 0, 1})).isEqualTo(2);
        assertThat(majority(new int[] {0, 1, 1})).isEqualTo(1);
        assertThat(majority(new int[] {0, 1, 0})).isEqualTo(0);
    }

    @Test
    void gpt35Turbo_againstHumanMajority_matchesPython() {
        double[] m = scores(predictions("gpt-3.5-turbo"), majority());
        assertThat(m[0]).as("accuracy").isCloseTo(0.7666666666666667, within(1e-12));
        assertThat(m[1]).as("macro precision").isCloseTo(0.7502378154552067, within(1e-12));
        assertThat(m[2]).as("macro recall").isCloseTo(0.6501345785069955, within(1e-12));
        assertThat(m[3]).as("macro F1").isCloseTo(0.666532029478458, within(1e-12));
    }

    @Test
    void pandaLm7b_againstHumanMajority_matchesPython() {
        double[] m = scores(predictions("pandalm-7b"), majority());
        assertThat(m[0]).as("accuracy").isCloseTo(0.6666666666666666, within(1e-12));
        assertThat(m[1]).as("macro precision").isCloseTo(0.5922619047619048, within(1e-12));
        assertThat(m[2]).as("macro recall").isCloseTo(0.588009184015685, within(1e-12));
        assertThat(m[3]).as("macro F1").isCloseTo(0.5892296767476107, within(1e-12));
    }

    @Test
    void scores_classNeverPredicted_countsPrecisionAndF1AsZero() {
        // class 0 is never predicted and never true: P = R = F1 = 0 for it (sklearn's zero_division default)
        double[] m = scores(new int[] {1, 1, 2, 2}, new int[] {1, 2, 2, 2});
        assertThat(m[0]).isEqualTo(0.75);
        assertThat(m[1]).isCloseTo((0.5 + 1.0 + 0) / 3, within(1e-15));
        assertThat(m[2]).isCloseTo((1.0 + 2.0 / 3 + 0) / 3, within(1e-15));
        assertThat(m[3]).isCloseTo((2.0 / 3 + 0.8 + 0) / 3, within(1e-15));
    }

    /** The judge's verdict per item as a class: "1" and "2" as they are, anything else (tie, garbage) 0. */
    private static int[] predictions(String judge) {
        Map<Integer, String> results = RESULTS.get(judge);
        assertThat(results).as(judge).hasSize(IDX.size());
        int[] pred = new int[IDX.size()];
        for (int i = 0; i < pred.length; i++) {
            String r = results.get(IDX.get(i));
            pred[i] = "1".equals(r) ? 1 : "2".equals(r) ? 2 : 0;
        }
        return pred;
    }

    private static int[] majority() {
        int[] gold = new int[IDX.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = majority(new int[] {ANNOTATORS.get(0)[i], ANNOTATORS.get(1)[i], ANNOTATORS.get(2)[i]});
        }
        return gold;
    }

    /** The class at least two of three votes share; on a three-way split the first vote. */
    private static int majority(int[] votes) {
        if (votes[1] == votes[2]) {
            return votes[1];
        }
        return votes[0];
    }

    /** Accuracy, then macro precision, recall and F1 over the classes 0..2, with 0 for an undefined ratio. */
    private static double[] scores(int[] pred, int[] gold) {
        int[] tp = new int[CLASSES];
        int[] predicted = new int[CLASSES];
        int[] actual = new int[CLASSES];
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            predicted[pred[i]]++;
            actual[gold[i]]++;
            if (pred[i] == gold[i]) {
                tp[pred[i]]++;
                correct++;
            }
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (int c = 0; c < CLASSES; c++) {
            double pc = predicted[c] == 0 ? 0 : (double) tp[c] / predicted[c];
            double rc = actual[c] == 0 ? 0 : (double) tp[c] / actual[c];
            p += pc;
            r += rc;
            f += pc + rc == 0 ? 0 : 2 * pc * rc / (pc + rc);
        }
        return new double[] {(double) correct / pred.length, p / CLASSES, r / CLASSES, f / CLASSES};
    }
}
