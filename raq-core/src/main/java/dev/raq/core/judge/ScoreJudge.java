package dev.raq.core.judge;

import dev.raq.core.data.Sample;
import dev.raq.metrics.AnswerScorer;
import dev.raq.core.model.FailureCause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule-based judge: scores every answer with a metric against the references and ranks by score. */
final class ScoreJudge implements Judge {

    private final AnswerScorer metric;

    ScoreJudge(AnswerScorer metric) {
        this.metric = metric;
    }

    @Override
    public Judgment judge(JudgeInput input) {
        Sample sample = input.sample();
        if (!sample.hasReferences()) {
            return failed(sample, "sample '" + sample.id() + "' has no reference answers to score against",
                    FailureCause.MISSING_INPUT);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (CandidateAnswer answer : input.answers()) {
            double score;
            try {
                score = metric.score(answer.text(), sample.references());
            } catch (RuntimeException e) {
                return failed(sample, "metric " + metric.name() + " failed on the answer of '" + answer.candidate()
                        + "': " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        FailureCause.OTHER);
            }
            if (Double.isNaN(score)) {
                return failed(sample, "metric " + metric.name() + " returned NaN for the answer of '"
                        + answer.candidate() + "'", FailureCause.OTHER);
            }
            scores.put(answer.candidate(), score);
        }
        JudgeCall call = JudgeCall.ranked(List.of(), null, Ranking.fromScores(scores), Map.of());
        return new Judgment(name(), sample.id(), List.of(call), scores);
    }

    private Judgment failed(Sample sample, String error, FailureCause cause) {
        return Judgment.of(name(), sample.id(), List.of(JudgeCall.failed(List.of(), null, error, cause, Map.of())));
    }

    @Override
    public boolean hasReportSection() {
        return false;
    }

    @Override
    public String name() {
        return "score(" + metric.name() + ")";
    }

    /** The metric's name: metrics are deterministic functions of the answer and the references. */
    @Override
    public String fingerprint() {
        return "score-judge{metric=" + metric.name() + "}";
    }

    @Override
    public String toString() {
        return "ScoreJudge{" + name() + "}";
    }
}
