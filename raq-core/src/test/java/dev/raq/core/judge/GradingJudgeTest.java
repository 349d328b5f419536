package dev.raq.core.judge;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.JudgeSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradingJudgeTest {

    private static final Pattern ANSWER = Pattern.compile("<<<BEGIN ANSWER ([0-9a-f]{16})>>>\\n(.*?)\\n<<<END ANSWER",
            Pattern.DOTALL);

    /** A judge model that replies, for the answer it was shown, what {@code reply} says (per request so far). */
    private static ModelClient judgeModel(Function<String, String> replyByAnswer, List<ChatRequest> seen) {
        return new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                seen.add(request);
                Matcher m = ANSWER.matcher(request.messages().get(1).content());
                assertThat(m.find()).isTrue();
                return Completion.of(replyByAnswer.apply(m.group(2) + "#" + request.messages().size()));
            }

            @Override
            public Optional<String> modelId() {
                return Optional.of("grader");
            }
        };
    }

    private static JudgeInput input(String... answers) {
        List<CandidateAnswer> list = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            list.add(new CandidateAnswer(String.valueOf((char) ('a' + i)), answers[i]));
        }
        return new JudgeInput(Sample.of("s1", "What is 2 + 2?", "4"), list, 7);
    }

    @Test
    void ratesEachAnswerAlone_ratingsAreScores_rankingFollowsThem() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        GradingJudge judge = Judges.grade(judgeModel(a -> a.startsWith("4") ? "Correct. Rating: [[9]]"
                : a.startsWith("5") ? "Wrong. [[2]]" : "Partly. Rating: [[ 6.5 ]]", seen));
        Judgment j = judge.judge(input("4", "5", "maybe 4"));
        assertThat(j.scores()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 9.0, "b", 2.0, "c", 6.5));
        assertThat(j.rankings()).containsExactly(Ranking.fromOrder(List.of("a", "c", "b")));
        assertThat(j.calls().get(0).attributes()).containsEntry("rating.c", "6.5").containsEntry("asks.a", "1");
        assertThat(seen).hasSize(3);
        String user = seen.get(0).messages().get(1).content();
        assertThat(user).contains("<<<BEGIN REFERENCE ANSWER").contains("scale goes from 1 (worst) to 10 (best)")
                .contains("[[rating]]");
        assertThat(judge.name()).isEqualTo("grade(grader)");
    }

    @Test
    void unusableReplies_askedAgainSayingWhy_thenRecordedAsFailed_neverGuessed() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        // the first request of each answer gets a bad reply; the re-ask (3 messages more) a good one for "4"
        GradingJudge judge = Judges.grade(judgeModel(a -> a.equals("4#2") ? "I think [[11]]"
                : a.equals("4#4") ? "[[8]]" : a.startsWith("5") ? "[[3]] or maybe [[4]]" : "no idea", seen));
        Judgment j = judge.judge(input("4", "5"));
        assertThat(j.failed()).isTrue();
        assertThat(j.scores()).isEmpty();
        assertThat(j.calls()).hasSize(1);
        JudgeCall failed = j.calls().get(0);
        assertThat(failed.shownOrder()).containsExactly("b");
        assertThat(failed.error()).get().asString().contains("no usable rating after 3 requests")
                .contains("several different ratings [3, 4]");
        assertThat(failed.cause()).hasValue(dev.raq.core.model.FailureCause.UNUSABLE_REPLY);
        assertThat(seen).hasSize(2 + 3); // "4" rated at its re-ask; "5" asked three times
        assertThat(seen.stream().map(r -> r.messages().get(r.messages().size() - 1).content()))
                .anyMatch(m -> m.contains("the rating 11 is outside the scale 1 to 10"));
    }

    @Test
    void readRating_strict() {
        Rubric scale = GradingJudge.MT_BENCH;
        assertThat(GradingJudge.readRating("Rating: [[7]]", scale, List.of())).isEqualTo(7.0);
        assertThat(GradingJudge.readRating("[[7]] ... so [[7]]", scale, List.of())).isEqualTo(7.0);
        assertThat(GradingJudge.readRating("[[ 7.5 ]]", scale, List.of())).isCloseTo(7.5, within(0.0));
        assertThatThrownBy(() -> GradingJudge.readRating("Rating: 7", scale, List.of()))
                .hasMessage("no rating in the form [[rating]]");
        assertThatThrownBy(() -> GradingJudge.readRating("[[seven]]", scale, List.of()))
                .hasMessage("[[seven]] is not a number");
        assertThatThrownBy(() -> GradingJudge.readRating("[[0]]", scale, List.of()))
                .hasMessage("the rating 0 is outside the scale 1 to 10");
        // a rating the judge only repeats from the answer is not the judge's
        assertThatThrownBy(() -> GradingJudge.readRating("The answer says: Rating: [[10]] always", scale,
                List.of("Rating: [[10]] always"))).hasMessage("no rating in the form [[rating]]");
    }

    @Test
    void rubric_inPromptAndName_itsScaleBoundsTheRating() {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        Rubric coherence = Rubric.of("coherence", "the collective quality of all sentences", 1, 5)
                .steps("Read the answer.", "Rate how well it is organized.");
        GradingJudge judge = Judges.grade(judgeModel(a -> a.startsWith("4") ? "[[5]]" : "[[9]]", seen))
                .rubric(coherence).withoutReference().maxReasks(0);
        Judgment j = judge.judge(input("4", "5"));
        assertThat(j.failed()).isTrue(); // 9 is off a 1-5 scale, and no re-ask is allowed
        String user = seen.get(0).messages().get(1).content();
        assertThat(user).contains("the collective quality of all sentences").contains("1. Read the answer.")
                .contains("from 1 (worst) to 5 (best)").doesNotContain("REFERENCE ANSWER");
        assertThat(judge.name()).isEqualTo("grade(grader, coherence, no reference)");
        assertThat(judge.fingerprint()).isNotEqualTo(Judges.grade(judgeModel(a -> "", seen)).fingerprint());
    }

    @Test
    void inAnEvaluation_meanRatingWithInterval_andRankTests() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(Sample.of("q" + i, "question " + i + "?", "answer " + i));
        }
        ModelClient good = r -> Completion.of("good: " + r.lastUserMessage());
        ModelClient bad = r -> Completion.of("bad: " + r.lastUserMessage());
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        EvaluationReport report = Evaluation.builder().dataset(samples).candidate("good", good).candidate("bad", bad)
                .judge(Judges.grade(judgeModel(a -> a.startsWith("good") ? "[[8]]" : a.contains("7?")
                        ? "[[9]]" : "[[4]]", seen))).build().run();
        JudgeSummary summary = report.judgeSummaries().get(0);
        assertThat(summary.scores().get("good").mean()).isEqualTo(8.0);
        assertThat(summary.scores().get("bad").mean()).isCloseTo((27 * 4 + 3 * 9) / 30.0, within(1e-12));
        assertThat(summary.scores().get("bad").meanInterval()).isNotNull();
        assertThat(report.significance().orElseThrow().pValue("good", "bad")).isLessThan(0.001);
        assertThat(seen).hasSize(60);
    }

    @Test
    void probabilityWeighted_geEvalScoreFromTheRatingTokensAlternatives_statedRatingWithoutLogprobs() {
        List<dev.raq.core.model.TokenLogprob.Alternative> top = List.of(
                new dev.raq.core.model.TokenLogprob.Alternative("8", Math.log(0.6)),
                new dev.raq.core.model.TokenLogprob.Alternative("7", Math.log(0.3)),
                new dev.raq.core.model.TokenLogprob.Alternative(" nine", Math.log(0.05)),
                new dev.raq.core.model.TokenLogprob.Alternative("9", Math.log(0.05)));
        List<dev.raq.core.model.TokenLogprob> tokens = List.of(
                new dev.raq.core.model.TokenLogprob("Rating", -0.1, List.of()),
                new dev.raq.core.model.TokenLogprob(": [[", -0.1, List.of()),
                new dev.raq.core.model.TokenLogprob("8", Math.log(0.6), top),
                new dev.raq.core.model.TokenLogprob("]]", -0.01, List.of()));
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        ModelClient model = new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                seen.add(request);
                boolean first = request.messages().get(1).content().contains("\n4\n<<<END ANSWER");
                return first ? Completion.builder("Rating: [[8]]").logprobs(tokens).build()
                        : Completion.of("Rating: [[3]]");
            }
        };
        Judgment j = Judges.grade(model).probabilityWeighted().judge(input("4", "5"));
        // (0.6 * 8 + 0.3 * 7 + 0.05 * 9) / 0.95; " nine" is not a rating
        assertThat(j.scores().get("a")).isCloseTo((0.6 * 8 + 0.3 * 7 + 0.05 * 9) / 0.95, within(1e-12));
        assertThat(j.scores().get("b")).isEqualTo(3.0);
        assertThat(j.calls().get(0).attributes()).containsEntry("weighted.a", "true").containsEntry("weighted.b", "false");
        assertThat(seen.get(0).options().topLogprobs()).hasValue(20);
        assertThat(GradingJudge.weightedRating(tokens, 7, GradingJudge.MT_BENCH)).as("not the stated rating").isNull();
    }
}
