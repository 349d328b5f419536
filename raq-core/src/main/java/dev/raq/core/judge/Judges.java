package dev.raq.core.judge;

import dev.raq.metrics.AnswerScorer;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The built-in judges: the RAQ ranking judge ({@link #ranking(ModelClient)}), rule-based metric judges
 * ({@link #score(AnswerScorer)}) and the dry run's random judge ({@link #random()}); the pairwise preference judge is
 * {@code PairwiseJudge.of(client)} in {@code dev.raq.core.pairwise}, which builds on this package. Several judges
 * on one sample combine into a consensus with {@link Consensus}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Judges {

    private Judges() {
    }

    /**
     * The RAQ ranking judge: {@code judgeClient} ranks all answers of a sample against the reference answer. The
     * judge model must not be one of the candidates. Configure it with the returned judge's settings:
     * {@code Judges.ranking(client).repeats(3).maxReasks(2)}.
     *
     * @param judgeClient the judge model
     * @return a judge with {@link RankingJudge#DEFAULT_REPEATS} repeat and {@link RankingJudge#DEFAULT_MAX_REASKS}
     *         re-asks, showing the reference
     */
    public static RankingJudge ranking(ModelClient judgeClient) {
        return RankingJudge.of(Objects.requireNonNull(judgeClient, "judgeClient"));
    }

    /**
     * Single-answer grading (MT-bench's "single" mode): {@code judgeClient} rates each answer on its own from 1 to
     * 10, with the reference answer when the sample has one, replying {@code [[rating]]}; the ratings are the
     * judgment's scores and rank the candidates per sample. {@link GradingJudge#rubric(Rubric)} grades by the
     * user's criteria and scale instead (G-Eval style).
     *
     * @param judgeClient the judge model
     */
    public static GradingJudge grade(ModelClient judgeClient) {
        return GradingJudge.of(Objects.requireNonNull(judgeClient, "judgeClient"));
    }

    /**
     * A rule-based judge that scores every answer against the sample's references with {@code metric} and ranks the
     * candidates by score (higher better, equal scores tie with average ranks). The judgment keeps the raw scores
     * ({@link Judgment#scores()}) and has one call without output and without a shown order. A sample without
     * references, a metric that throws, or a NaN score give one failed call saying so. Named
     * {@code "score(<metric name>)"}; thread-safe when the metric is.
     *
     * @param metric the metric, higher better
     */
    public static Judge score(AnswerScorer metric) {
        return new ScoreJudge(Objects.requireNonNull(metric, "metric"));
    }

    /**
     * The dry run's judge: random rankings from each sample's seed, no model called ({@link RandomJudge}). An
     * evaluation built with {@code dryRun(true)} uses it in place of its judges, and its report is marked DRY RUN.
     */
    public static Judge random() {
        return RandomJudge.INSTANCE;
    }
}
