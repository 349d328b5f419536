package dev.raq.examples;

import dev.raq.clients.replay.PredictionsModelClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Dataset;
import dev.raq.core.judge.Judges;
import dev.raq.metrics.Scorers;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.raq.test.RaqAssertions.assertThat;

/**
 * How a user asserts model quality in a unit test: evaluate the model against a baseline on recorded data, and fail
 * the build unless it is significantly better (or at least not significantly worse). Here the recorded answers of
 * two SQuAD systems stand in for the user's model and baseline, so the test needs no network.
 */
class ModelQualityTest {

    @Test
    void newModel_onSquadSample_significantlyBetterThanBaseline() {
        Dataset questions = OfflineDemo.squadSample();
        Map<String, PredictionsModelClient> systems = OfflineDemo.recordedSystems(questions);

        EvaluationReport report = Evaluation.builder()
                .dataset(questions)
                .candidate("new", systems.get("bert-ensemble"))
                .candidate("baseline", systems.get("logistic-regression-baseline"))
                .promptTemplate(OfflineDemo.PROMPT)
                .judge(Judges.score(Scorers.squadF1()))
                .significance(SignificanceTests.wilcoxon(PAdjust.HOLM))
                .build()
                .run();

        assertThat(report).hasNoErrors()
                .candidate("new").isSignificantlyBetterThan("baseline");
        assertThat(report).pairedDifference("new", "baseline", report.judges().get(0)).excludesZero();
    }
}
