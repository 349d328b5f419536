package dev.raq.core.objective;

import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.judge.ReportSection;
import dev.raq.core.model.FailureCause;
import dev.raq.metrics.extract.AnswerExtractor;
import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rule-based judge for questions with one right answer: it reads the answer out of each reply with an
 * {@link AnswerExtractor}, reads the right answer out of the sample's references the same way (or with a reference
 * extractor of its own), and scores 1 when they agree, 0 otherwise. A reply with no extractable answer scores 0 and
 * is recorded as unextracted ({@code "unextracted.<candidate>"} in the call's attributes), never guessed. Scores of 0
 * and 1 give every pair of candidates McNemar's test in the report, and the judge's {@link AccuracySection} gives
 * accuracy with Wilson intervals, per subset (the sample metadata {@link #subsetKey(String) subsetKey}, default
 * {@code "subset"}) and weighted across subsets. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ExtractionJudge implements Judge {

    /** The default sample metadata key naming a sample's subset: {@value}. */
    public static final String DEFAULT_SUBSET_KEY = "subset";

    private final AnswerExtractor extractor;
    private final AnswerExtractor referenceExtractor;
    private final String subsetKey;

    private ExtractionJudge(AnswerExtractor extractor, AnswerExtractor referenceExtractor, String subsetKey) {
        this.extractor = extractor;
        this.referenceExtractor = referenceExtractor;
        this.subsetKey = subsetKey;
    }

    /** A judge that reads answers and references with {@code extractor}. */
    public static ExtractionJudge of(AnswerExtractor extractor) {
        Objects.requireNonNull(extractor, "extractor");
        return new ExtractionJudge(extractor, extractor, DEFAULT_SUBSET_KEY);
    }

    /** This judge reading the right answer out of the references with another extractor (such as the whole text). */
    public ExtractionJudge referenceExtractor(AnswerExtractor referenceExtractor) {
        return new ExtractionJudge(extractor, Objects.requireNonNull(referenceExtractor, "referenceExtractor"),
                subsetKey);
    }

    /** This judge grouping samples into subsets by this metadata key. */
    public ExtractionJudge subsetKey(String key) {
        return new ExtractionJudge(extractor, referenceExtractor, Objects.requireNonNull(key, "key"));
    }

    @Override
    public Judgment judge(JudgeInput input) {
        Sample sample = input.sample();
        Set<String> right = new LinkedHashSet<>();
        for (String reference : sample.references()) {
            referenceExtractor.extract(reference).ifPresent(right::add);
        }
        if (right.isEmpty()) {
            return Judgment.of(name(), sample.id(), List.of(JudgeCall.failed(List.of(), null, "sample '"
                    + sample.id() + "' has no reference answer that " + referenceExtractor.name() + " can read",
                    FailureCause.MISSING_INPUT, Map.of())));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        String subset = sample.metadata().get(subsetKey);
        if (subset != null) {
            attributes.put("subset", subset);
        }
        for (CandidateAnswer answer : input.answers()) {
            Optional<String> found = extractor.extract(answer.text());
            if (found.isPresent()) {
                attributes.put("answer." + answer.candidate(), found.get());
            } else {
                attributes.put("unextracted." + answer.candidate(), "true");
            }
            scores.put(answer.candidate(), found.isPresent() && right.contains(found.get()) ? 1.0 : 0.0);
        }
        // the shown order is the candidates' order, which the accuracy section keeps
        JudgeCall call = JudgeCall.ranked(List.copyOf(scores.keySet()), null, Ranking.fromScores(scores), attributes);
        return new Judgment(name(), sample.id(), List.of(call), scores);
    }

    /** The accuracy of every candidate, with Wilson intervals, per subset and across subsets. */
    @Override
    public Optional<ReportSection> reportSection(List<Judgment> judgments, long seed) {
        return Optional.of(AccuracySection.of(name(), judgments));
    }

    @Override
    public String name() {
        return "extract(" + extractor.name() + ")";
    }

    /** The extractors' names and the subset key: extraction is a deterministic function of the texts. */
    @Override
    public String fingerprint() {
        return "extraction-judge{extractor=" + extractor.name() + ", reference=" + referenceExtractor.name()
                + ", subset=" + subsetKey + "}";
    }

    @Override
    public String toString() {
        return "ExtractionJudge{" + name() + "}";
    }
}
