package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * Every metric as an {@link AnswerScorer} (higher is better), found in one place: what a rule-based judge needs.
 * <pre>{@code
 * Judges.score(Scorers.squadF1())
 * Judges.score(Scorers.rouge(RougeType.ROUGE_L))
 * Judges.score(Scorers.bleu(Bleu.builder().tokenize("intl").build()))
 * }</pre>
 * Each scorer takes the best match over the sample's references where the metric does not combine them itself,
 * rejects an empty reference list, is thread-safe, and is named for reports ({@code "squad-f1"}, {@code "rougeL"}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Scorers {

    private Scorers() {
    }

    /** SQuAD v1.1 token F1, the best over the references, in [0, 1]; named {@code "squad-f1"}. */
    public static AnswerScorer squadF1() {
        return new NamedScorer("squad-f1", (answer, references) -> SquadMetrics.score(answer, references).f1());
    }

    /** SQuAD v1.1 exact match after normalization: 1 or 0; named {@code "squad-em"}. */
    public static AnswerScorer squadExactMatch() {
        return new NamedScorer("squad-em", (answer, references) ->
                SquadMetrics.score(answer, references).exactMatch());
    }

    /** Sentence BLEU (0–100) with sacreBLEU's defaults; named {@code "bleu"}. */
    public static AnswerScorer bleu() {
        return bleu(Bleu.defaults());
    }

    /** Sentence BLEU (0–100) with this configuration against all references; named {@code "bleu"}. */
    public static AnswerScorer bleu(Bleu bleu) {
        Objects.requireNonNull(bleu, "bleu");
        return new NamedScorer("bleu", (answer, references) -> bleu.sentence(answer, references).score());
    }

    /** Sentence chrF (0–100) with sacreBLEU's defaults; named {@code "chrf"}. */
    public static AnswerScorer chrf() {
        return chrf(Chrf.chrf());
    }

    /** Sentence chrF or chrF++ (0–100) with this configuration; named {@code "chrf"}, {@code "chrf++"} …. */
    public static AnswerScorer chrf(Chrf chrf) {
        Objects.requireNonNull(chrf, "chrf");
        return new NamedScorer("chrf" + "+".repeat(chrf.wordOrder()), (answer, references) ->
                chrf.sentence(answer, references).score());
    }

    /**
     * The <em>negated</em> sentence TER with sacreBLEU's defaults ({@code -score}: 0 is a perfect answer and -50
     * beats -80); named {@code "neg-ter"}.
     */
    public static AnswerScorer negatedTer() {
        return negatedTer(Ter.defaults());
    }

    /** The negated sentence TER with this configuration; named {@code "neg-ter"}. */
    public static AnswerScorer negatedTer(Ter ter) {
        Objects.requireNonNull(ter, "ter");
        return new NamedScorer("neg-ter", (answer, references) -> -ter.sentence(answer, references).score());
    }

    /** ROUGE F-measure of {@code type} with rouge-score's defaults, against the best reference, in [0, 1]. */
    public static AnswerScorer rouge(RougeType type) {
        return rouge(Rouge.builder().build(), type);
    }

    /**
     * ROUGE F-measure of {@code type} with this configuration against the best-matching reference
     * ({@link Rouge#scoreMulti}), in [0, 1]; named like {@code "rougeL"} (or {@code "rougeL-stemmed"}).
     *
     * @param type the ROUGE type; it need not be one of the configuration's types
     */
    public static AnswerScorer rouge(Rouge rouge, RougeType type) {
        Objects.requireNonNull(rouge, "rouge");
        Objects.requireNonNull(type, "type");
        Rouge single = rouge.withTypes(type);
        return new NamedScorer(type.name() + (rouge.usesStemmer() ? "-stemmed" : ""), (answer, references) ->
                Objects.requireNonNull(single.scoreMulti(references, answer).get(type)).fmeasure());
    }

    /**
     * {@code 1 − min(1, rate)} of a word or character error rate against the reference the answer matches best:
     * 1 for a perfect answer, 0 for an answer with at least as many errors as the reference has units (an empty
     * reference gives 1 to an empty answer and 0 to any other); named {@code "wer"} or {@code "cer"}.
     */
    public static AnswerScorer errorRate(ErrorRate rate) {
        Objects.requireNonNull(rate, "rate");
        return new NamedScorer(rate.name().toLowerCase(Locale.ROOT), (answer, references) -> {
            double best = 0;
            for (String reference : references) {
                EditCounts counts = rate.align(reference, answer);
                best = Math.max(best, counts.isDefined() ? 1.0 - Math.min(1.0, counts.rate()) : 0.0);
            }
            return best;
        });
    }

    /** The highest {@link Levenshtein#similarity} to any reference, in [0, 1]; named {@code "levenshtein-similarity"}. */
    public static AnswerScorer levenshteinSimilarity() {
        return new NamedScorer("levenshtein-similarity", (answer, references) -> {
            double best = 0;
            for (String reference : references) {
                best = Math.max(best, Levenshtein.similarity(answer, reference));
            }
            return best;
        });
    }
}
