package dev.raq.core;

import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import dev.raq.core.report.ObservationUnit;
import dev.raq.core.report.Problem;
import dev.raq.core.report.ValueSummary;
import dev.raq.core.significance.SignificanceResult;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.stats.PAdjust;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The evidence an evaluation reports: one observation per sample, failures counted and shown first, samples with a
 * failed answer still counted where they can be, configurations that cannot be tested refused at build time.
 */
class EvidenceTest {

    private static final Pattern BLOCK = Pattern.compile(
            "<<<BEGIN ANSWER ID (\\d+) [0-9a-f]{16}>>>\\n(.*?)\\n<<<END ANSWER ID", Pattern.DOTALL);

    /**
     * A judge model that ranks the answers by a preference over candidates (an answer of candidate c starts with
     * "c says"), given per sample by {@code preference}.
     */
    static ModelClient rankingJudge(Function<String, List<String>> preferenceByQuestion, AtomicInteger calls) {
        return new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                calls.incrementAndGet();
                String user = request.lastUserMessage();
                Map<String, String> candidateById = new LinkedHashMap<>();
                Matcher m = BLOCK.matcher(user);
                while (m.find()) {
                    candidateById.put(m.group(1), m.group(2).split(" ", 2)[0]);
                }
                List<String> preference = preferenceByQuestion.apply(user);
                List<String> ids = new ArrayList<>(candidateById.keySet());
                ids.sort(Comparator.comparingInt(id -> preference.indexOf(candidateById.get(id))));
                return Completion.of("[" + String.join(", ", ids) + "]");
            }

            @Override
            public java.util.Optional<String> modelId() {
                return java.util.Optional.of("judge-model");
            }
        };
    }

    private static com.fasterxml.jackson.databind.JsonNode json(EvaluationReport report) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toJson());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of("q" + i, "question " + i + "?", "answer " + i));
        }
        return out;
    }

    /** 6 questions split 4–2: the judge prefers a on q0..q3 and b on q4, q5. */
    private static double dunnPValue(int repeats, ObservationUnit unit) {
        ModelClient judge = rankingJudge(q -> q.contains("question 4?") || q.contains("question 5?")
                ? List.of("b", "a") : List.of("a", "b"), new AtomicInteger());
        EvaluationReport report = Evaluation.builder().dataset(samples(6)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.ranking(judge).repeats(repeats))
                .significance(SignificanceTests.dunn(PAdjust.HOLM)).observationUnit(unit).build().run();
        assertThat(report.rankings()).hasSize(unit == ObservationUnit.SAMPLE ? 6 : 6 * repeats);
        return report.significance().orElseThrow().pValue("a", "b");
    }

    @Test
    void repeats_sampleUnit_sameEvidenceAsOneCall_perCallUnitShrinksThePValue() {
        double one = dunnPValue(1, ObservationUnit.SAMPLE);
        assertThat(one).isCloseTo(0.27, org.assertj.core.data.Offset.offset(0.005));
        assertThat(dunnPValue(5, ObservationUnit.SAMPLE)).isEqualTo(one);
        assertThat(dunnPValue(10, ObservationUnit.SAMPLE)).isEqualTo(one);
        assertThat(dunnPValue(5, ObservationUnit.JUDGE_CALL)).isCloseTo(0.0105, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(dunnPValue(10, ObservationUnit.JUDGE_CALL)).isLessThan(0.001);
    }

    @Test
    void perCallUnit_reportSaysSoInEveryFormat() {
        ModelClient judge = rankingJudge(q -> List.of("a", "b"), new AtomicInteger());
        EvaluationReport report = Evaluation.builder().dataset(samples(4)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.ranking(judge).repeats(2))
                .observationUnit(ObservationUnit.JUDGE_CALL).build().run();
        assertThat(report.toString()).contains("PER-CALL OBSERVATIONS", "one per judge call");
        assertThat(report.toMarkdown()).contains("**PER-CALL OBSERVATIONS**");
        assertThat(json(report).get("observationUnit").asText()).isEqualTo("judge_call");
    }

    @Test
    void repeats_selfAgreementReported() {
        AtomicInteger calls = new AtomicInteger();
        // disagrees with itself on every other call
        ModelClient judge = rankingJudge(q -> calls.get() % 2 == 0 ? List.of("a", "b", "c") : List.of("c", "b", "a"),
                calls);
        EvaluationReport report = Evaluation.builder().dataset(samples(4)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", EvaluationTest.echo("c"))
                .judge(Judges.ranking(judge).repeats(2)).concurrency(1).build().run();
        JudgeSummary summary = report.judgeSummaries().get(0);
        assertThat(summary.selfAgreementSamples()).isEqualTo(4);
        assertThat(summary.selfAgreement()).isEqualTo(0.0);
        assertThat(report.toMarkdown()).contains("W 0 over 4");
    }

    @Test
    void judgeFailures_countedPerCallAndCauseAndShownFirst() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient good = rankingJudge(q -> List.of("a", "b"), new AtomicInteger());
        // 20 of 30 calls fail: 10 time out, 10 answer with no ranking (the judge is asked once: no re-asks)
        ModelClient flaky = request -> {
            int n = calls.incrementAndGet();
            if (n % 3 == 1) {
                return good.complete(request);
            }
            if (n % 3 == 2) {
                throw new RetriableModelCallException(RetriableModelCallException.Reason.TIMEOUT, "judge-model", 1,
                        null, null, null, null);
            }
            return Completion.of("I cannot decide.");
        };
        ModelClient judge = new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                return flaky.complete(request);
            }

            @Override
            public java.util.Optional<String> modelId() {
                return java.util.Optional.of("judge-model");
            }
        };
        EvaluationReport report = Evaluation.builder().dataset(samples(10)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.ranking(judge).repeats(3).maxReasks(0))
                .concurrency(1).failurePolicy(FailurePolicy.tolerant()).build().run();

        assertThat(report.judgeErrors()).isEqualTo(20);
        Problem problem = report.problems().get(0);
        assertThat(problem.who()).isEqualTo("judge 'ranking(judge-model)'");
        assertThat(problem.calls()).isEqualTo(30);
        assertThat(problem.failed()).isEqualTo(20);
        assertThat(problem.byCause()).containsEntry(FailureCause.TIMEOUT, 10)
                .containsEntry(FailureCause.UNUSABLE_REPLY, 10);
        assertThat(problem.messages()).hasSizeLessThanOrEqualTo(Problem.MAX_MESSAGES);
        assertThat(report.toString()).startsWith("RAQ evaluation report\nPROBLEMS\n- judge 'ranking(judge-model)': "
                + "20 of 30 calls failed (");
        var problemJson = json(report).get("problems").get(0);
        assertThat(problemJson.get("who").asText()).isEqualTo("judge 'ranking(judge-model)'");
        assertThat(problemJson.get("failed").asInt()).isEqualTo(20);
        assertThat(problemJson.get("byCause").get("timeout").asInt()).isEqualTo(10);
    }

    @Test
    void judgeThatNeverSucceeds_runThrowsWithPartialReportAndTheReason() {
        ModelClient judge = new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                return Completion.of("no idea");
            }

            @Override
            public java.util.Optional<String> modelId() {
                return java.util.Optional.of("judge-model");
            }
        };
        Evaluation ev = Evaluation.builder().dataset(samples(3)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).judge(Judges.ranking(judge)).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("judge 'ranking(judge-model)' produced no usable judgment in 3 samples")
                .hasMessageContaining("not a valid ranking");
        assertThat(e.partialReport().samples()).hasSize(3);
        assertThat(e.partialReport().toString()).contains("ABORTED");
    }

    @Test
    void deadCandidate_firstTenCallsFail_runStopsEarlyNamingIt() {
        ScriptedClient dead = ScriptedClient.answering(r -> "never").failingWhen(r -> true);
        ScriptedClient alive = EvaluationTest.echo("b");
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b"));
        Evaluation ev = Evaluation.builder().dataset(samples(200)).candidate("a", dead).candidate("b", alive)
                .judge(judge).concurrency(2).build();
        EvaluationAbortedException e = catchThrowableOfType(ev::run, EvaluationAbortedException.class);
        assertThat(e).hasMessageContaining("the first 10 calls of candidate 'a' all failed");
        assertThat(dead.calls.get()).isLessThan(30);
        assertThat(e.partialReport().problems()).extracting(Problem::who).contains("candidate 'a'");
    }

    @Test
    void failedAnswers_sampleStillCounts_friedmanOnCompleteBlocks_wilcoxonPerPair() {
        // c fails on every fifth sample; the judge then ranks the three answers it has
        ScriptedClient c = EvaluationTest.echo("c").failingWhen(r -> r.lastUserMessage().matches("(?s).*question "
                + "\\d*[05]\\?.*"));
        ModelClient judgeModel = rankingJudge(q -> List.of("a", "b", "c", "d"), new AtomicInteger());
        Evaluation.Builder builder = Evaluation.builder().dataset(samples(40)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", c).candidate("d", EvaluationTest.echo("d"))
                .judge(Judges.ranking(judgeModel));

        EvaluationReport friedman = builder.significance(SignificanceTests.friedmanConover(PAdjust.HOLM)).build().run();
        SignificanceResult f = friedman.significance().orElseThrow();
        assertThat(friedman.answerErrors()).isEqualTo(8);
        assertThat(f.observations()).isEqualTo(40);
        assertThat(f.pairs()).allSatisfy(p -> assertThat(p.n()).isEqualTo(32));
        assertThat(f.isSignificant("a", "d")).isTrue();

        SignificanceResult w = builder.significance(SignificanceTests.wilcoxon(PAdjust.HOLM)).build().run()
                .significance().orElseThrow();
        assertThat(w.pair("a", "b").n()).isEqualTo(40);
        assertThat(w.pair("a", "c").n()).isEqualTo(32);
        assertThat(w.isSignificant("a", "d")).isTrue();
    }

    @Test
    void build_pairwiseJudgeInPanelOrWithCompleteRankingTest_refusedNamingJudgeTestAndFix() {
        ModelClient judgeModel = rankingJudge(q -> List.of("a", "b", "c"), new AtomicInteger());
        Evaluation.Builder three = Evaluation.builder().dataset(samples(3)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", EvaluationTest.echo("c"));
        assertThatThrownBy(() -> three.judge(PairwiseJudge.of(judgeModel)).judge(Judges.ranking(judgeModel)).build())
                .hasMessageContaining("judge 'pairwise(judge-model)' ranks pairs of answers, but a panel's consensus");

        Evaluation.Builder single = Evaluation.builder().dataset(samples(3)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", EvaluationTest.echo("c"))
                .judge(PairwiseJudge.of(judgeModel));
        assertThatThrownBy(() -> single.significance(SignificanceTests.friedmanNemenyi()).build())
                .hasMessageContaining("judge 'pairwise(judge-model)' ranks pairs of answers, but Friedman-Nemenyi "
                        + "needs rankings of every candidate: use SignificanceTests.signTest(PAdjust.HOLM)");
        single.significance(SignificanceTests.signTest(PAdjust.HOLM)).build(); // accepted
    }

    @Test
    void scoreJudge_meanScoreWithIntervalBesideRanks_rawScoresInJson() {
        Map<String, Double> quality = Map.of("a", 0.9, "b", 0.5);
        EvaluationReport report = Evaluation.builder().dataset(samples(30))
                .candidate("a", EvaluationTest.echo("a")).candidate("b", EvaluationTest.echo("b"))
                .judge(Judges.score(new dev.raq.metrics.AnswerScorer() {
                    @Override
                    public double score(String answer, List<String> references) {
                        String who = answer.split(" ", 2)[0];
                        int q = Integer.parseInt(answer.replaceAll("(?s).*question (\\d+)\\?.*", "$1"));
                        return quality.get(who) + (q % 3) / 10.0;
                    }

                    @Override
                    public String name() {
                        return "quality";
                    }
                })).build().run();
        ValueSummary a = report.judgeSummaries().get(0).scores().get("a");
        assertThat(a.n()).isEqualTo(30);
        assertThat(a.mean()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.median()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.meanInterval()).isNotNull();
        assertThat(a.meanInterval().lower()).isLessThan(1.0);
        assertThat(a.meanInterval().upper()).isGreaterThan(1.0);
        assertThat(report.toString()).contains("Scores of score(quality):", "| a | 1 | ");
        var sample0 = json(report).get("samples").get(0).get("scores").get("score(quality)");
        assertThat(sample0.get("a").asDouble()).isEqualTo(0.9);
        assertThat(sample0.get("b").asDouble()).isEqualTo(0.5);
    }

    @Test
    void retriableCause_classifiedFromTheException() {
        assertThat(FailureCause.of(new NonRetriableModelCallException(NonRetriableModelCallException.Reason.NOT_FOUND,
                "m", 1, 404, null, null))).isEqualTo(FailureCause.NOT_FOUND);
        assertThat(FailureCause.of(new java.util.concurrent.CompletionException(new RetriableModelCallException(
                RetriableModelCallException.Reason.RATE_LIMITED, "m", 1, 429, null, null, null))))
                .isEqualTo(FailureCause.RATE_LIMITED);
        assertThat(FailureCause.of(new IllegalStateException())).isEqualTo(FailureCause.OTHER);
        assertThat(FailureCause.UNUSABLE_REPLY.label()).isEqualTo("unusable reply");
    }

    @Test
    void clusterKey_intervalsResampleClusters_widerWhenSamplesOfAClusterAlike_reportNamesTheCount() {
        // 60 samples in 6 clusters; within a cluster every sample gets the same score: 10 samples = 1 observation
        dev.raq.metrics.AnswerScorer byCluster = (answer, references) -> {
            int q = Integer.parseInt(references.get(0).replace("answer ", ""));
            return (q % 6) / 5.0 + (answer.startsWith("a") ? 0.1 : 0);
        };
        Function<Evaluation.Builder, EvaluationReport> run = b -> b.dataset(samples(60))
                .candidate("a", EvaluationTest.echo("a")).candidate("b", EvaluationTest.echo("b"))
                .judge(Judges.score(byCluster)).build().run();
        EvaluationReport plain = run.apply(Evaluation.builder());
        EvaluationReport clustered = run.apply(Evaluation.builder()
                .clusterBy(s -> "c" + Integer.parseInt(s.id().substring(1)) % 6));

        var plainCi = plain.judgeSummaries().get(0).scores().get("a").meanInterval();
        var clusteredCi = clustered.judgeSummaries().get(0).scores().get("a").meanInterval();
        assertThat(clusteredCi.upper() - clusteredCi.lower()).isGreaterThan(1.5 * (plainCi.upper() - plainCi.lower()));
        assertThat(clustered.clusters()).hasValue(6);
        assertThat(plain.clusters()).isEmpty();
        assertThat(clustered.toString()).contains("Intervals resample 6 clusters of samples");
        assertThat(json(clustered).get("clusters").asInt()).isEqualTo(6);
        assertThat(clustered.candidate("a").rank().meanInterval()).isNotNull();
        var scoreDifference = clustered.pairDifferences().stream().filter(d -> !d.measure().equals("rank"))
                .findFirst().orElseThrow();
        assertThat(scoreDifference.clustered().clusters()).isEqualTo(6);
    }

    @Test
    void judgeThatAlwaysPrefersTheFirstShownAnswer_orderEffectReportedAgainstChance() {
        // ranks the answers in the order shown: the first shown is always best
        ModelClient firstShownBest = rankingJudge(q -> {
            List<String> shown = new ArrayList<>();
            Matcher m = BLOCK.matcher(q);
            while (m.find()) {
                shown.add(m.group(2).split(" ", 2)[0]);
            }
            return shown;
        }, new AtomicInteger());
        EvaluationReport report = Evaluation.builder().dataset(samples(30)).candidate("a", EvaluationTest.echo("a"))
                .candidate("b", EvaluationTest.echo("b")).candidate("c", EvaluationTest.echo("c"))
                .judge(Judges.ranking(firstShownBest)).build().run();
        var effect = report.judgeSummaries().get(0).orderEffect();
        assertThat(effect.calls()).isEqualTo(30);
        assertThat(effect.firstShownBest()).isEqualTo(30);
        assertThat(effect.expectedRate()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.toString()).contains("Order effect of ranking(judge-model): ranked the first-shown answer "
                + "best in 30 of 30 calls (100.0%; 33.3% by chance)");
        assertThat(json(report).get("judgeSummaries").get(0).get("orderEffect").get("rate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void pairDifferences_ranksAndScores_perSampleWithIntervals_inEveryFormat() {
        dev.raq.metrics.AnswerScorer varying = (answer, references) -> {
            int q = Integer.parseInt(references.get(0).replace("answer ", ""));
            return answer.startsWith("a") ? (q % 5) / 10.0 + 0.2 : (q % 3) / 10.0;
        };
        EvaluationReport report = Evaluation.builder().dataset(samples(40))
                .candidate("a", EvaluationTest.echo("a")).candidate("b", EvaluationTest.echo("b"))
                .judge(Judges.score(varying)).build().run();
        var byMeasure = new java.util.HashMap<String, dev.raq.core.report.PairDifference>();
        report.pairDifferences().forEach(d -> byMeasure.put(d.measure(), d));
        assertThat(byMeasure).containsOnlyKeys("rank", "score(" + varying.name() + ")");
        var scores = byMeasure.get("score(" + varying.name() + ")");
        double[] a = new double[40];
        double[] b = new double[40];
        for (int q = 0; q < 40; q++) {
            a[q] = (q % 5) / 10.0 + 0.2;
            b[q] = (q % 3) / 10.0;
        }
        var expected = dev.raq.stats.PairedDifference.of(a, b, 0.95);
        assertThat(scores.difference().n()).isEqualTo(40);
        assertThat(scores.difference().meanDifference()).isCloseTo(expected.meanDifference(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores.difference().tInterval().lower()).isCloseTo(expected.tInterval().lower(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores.excludesZero()).isTrue();
        assertThat(scores.bootstrapInterval().lower()).isLessThan(scores.difference().meanDifference());
        assertThat(scores.bootstrapInterval().upper()).isGreaterThan(scores.difference().meanDifference());
        assertThat(scores.clustered()).isNull();
        assertThat(byMeasure.get("rank").difference().meanDifference()).isNegative(); // a ranks better
        assertThat(report.toMarkdown()).contains("## Paired differences", "| a − b | rank |");
        assertThat(json(report).get("pairDifferences")).hasSize(2);
    }
}
