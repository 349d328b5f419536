package dev.raq.core.judge;

import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns the answers of one sample into a {@link Judgment}: one or more rankings, optional raw scores, the judge's
 * raw output, and the calls that failed.
 *
 * <p>Implementations are thread-safe: an evaluation judges many samples concurrently. They never throw for a judge
 * model's failure or an unreadable reply; they record it as a failed {@link JudgeCall}. {@code Judges} has the
 * built-in strategies.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Judge {

    /**
     * Judges the answers of one sample.
     *
     * @param input the sample, the answers, and the seed for every random choice
     * @return the judgment; its calls record every attempt, successful or not
     */
    Judgment judge(JudgeInput input);

    /**
     * Judges the answers of one sample without holding a thread while its model calls are out: an evaluation judges
     * this way, sending the calls through {@code calls}, which keeps judge calls in flight within its
     * {@code judgeConcurrency}. The default runs {@link #judge(JudgeInput)} through
     * {@link ModelCalls#runBlocking(java.util.function.Supplier)} (a thread of the evaluation's judge pool, counted as
     * one call in flight); the built-in model judges send their calls through {@code calls} instead.
     *
     * @return the judgment, as {@link #judge(JudgeInput)} would return it
     */
    default CompletableFuture<Judgment> judgeAsync(JudgeInput input, ModelCalls calls) {
        return calls.runBlocking(() -> judge(input));
    }

    /** A short name for reports, such as {@code "ranking(gpt-4o)"}; the default is the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The model clients this judge calls, so that an evaluation can refuse a judge that is also one of its
     * candidates (self-preference). The default is none, for judges that call no model (metrics); judges backed by a
     * model override it.
     */
    default List<ModelClient> clients() {
        return List.of();
    }

    /**
     * True when every successful call ranks all the answers it was given (ranking and metric judges, the default);
     * false for judges whose calls rank subsets, such as a pairwise judge's two answers. An evaluation refuses a
     * judge that ranks subsets where complete rankings are needed: in a panel (whose consensus ranks all answers) or
     * with a test such as Friedman's, over three or more candidates.
     */
    default boolean ranksAllAnswers() {
        return true;
    }

    /**
     * Everything about this judge that can change its judgments, as a stable string: the judge's kind, its model
     * client's {@linkplain ModelClient#fingerprint() fingerprint}, its prompt, options, labels, pairing, repeats
     * and reply handling. Stored judgments are keyed by it (and by the sample's content and the answers), so a
     * changed setting causes new calls and an unchanged rerun causes none. The default is {@link #name()}: a custom
     * judge whose behaviour can change under the same name should override it.
     */
    default String fingerprint() {
        return name();
    }

    /**
     * The section this judge adds to a report, computed from its judgments in that report (those carrying its name,
     * in dataset order); {@code seed} is the evaluation's, for any resampling. The default adds none: rankings and
     * scores already reach the report's common tables.
     */
    default Optional<ReportSection> reportSection(List<Judgment> judgments, long seed) {
        return Optional.empty();
    }

    /**
     * Whether {@link #reportSection} may add a section (default: true). A report that does not keep its samples keeps
     * this judge's judgments and the answers they judged only when it does; the built-in ranking, metric and random
     * judges return false.
     */
    default boolean hasReportSection() {
        return true;
    }

    /**
     * As {@link #reportSection(List, long)}, with the answers the judgments judged: per sample id, per candidate,
     * its completion (failed answers are absent). A judge whose section looks at the answers themselves (a
     * pairwise judge's style-controlled leaderboard) overrides this one; the default ignores them.
     */
    default Optional<ReportSection> reportSection(List<Judgment> judgments,
                                                  Map<String, Map<String, Completion>> answers, long seed) {
        return reportSection(judgments, seed);
    }
}
