package dev.raq.core.report;

import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.pairwise.PairwiseSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.InconsistencyRule;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.PositionBias;
import dev.raq.core.pairwise.VerdictLabels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PairwiseReportTest {

    private static final List<Sample> SAMPLES = IntStream.range(0, 40)
            .mapToObj(i -> Sample.of("q" + i, "Question " + i + "?", "answer " + i)).toList();

    /** Candidates answer with their own quality tag; the judge model prefers the higher tag. */
    private static ModelClient answering(int quality) {
        return request -> Completion.of("quality " + quality);
    }

    /**
     * A judge model that prefers the better answer, except that it gives ties between equal answers and, on every
     * third request, prefers whatever is shown first (a position bias the report must reveal).
     */
    private static ModelClient judge() {
        int[] calls = {0};
        return request -> {
            int n;
            synchronized (calls) {
                n = calls[0]++;
            }
            int a = quality(request, "A");
            int b = quality(request, "B");
            if (n % 3 == 0) {
                return Completion.of("[[A>B]]");
            }
            return Completion.of(a > b ? "A wins [[A>B]]" : a < b ? "B wins [[B>A]]" : "[[A=B]]");
        };
    }

    private static int quality(ChatRequest request, String side) {
        String user = request.firstUserMessage().replaceAll(" #[0-9a-f]{8}\\|>", "|>"); // without the frame id
        String start = "<|The Start of Assistant " + side + "'s Answer|>\nquality ";
        int i = user.indexOf(start) + start.length();
        return Character.getNumericValue(user.charAt(i));
    }

    @Test
    void againstBaseline_reportsStyleAndLengthControlledWinRates() throws Exception {
        // "padded" is as good as the baseline but pads its answers, more on some questions than on others; the
        // judge (below) calls a tie unless one answer is over 400 characters longer, which then wins
        ModelClient padded = request -> {
            int question = Integer.parseInt(request.firstUserMessage().replaceAll("\\D", ""));
            return Completion.of("quality 2 " + "and some more words ".repeat(5 + question)
                    + "\n- a list item\n");
        };
        ModelClient lengthLovingJudge = request -> {
            String user = request.firstUserMessage();
            int a = user.indexOf("Assistant A's Answer");
            int b = user.indexOf("Assistant B's Answer");
            int aLength = b - a;
            int bLength = user.length() - b;
            int qa = quality(request, "A");
            int qb = quality(request, "B");
            if (qa != qb) {
                return Completion.of(qa > qb ? "[[A>B]]" : "[[B>A]]");
            }
            return Completion.of(Math.abs(aLength - bLength) <= 400 ? "[[A=B]]" : aLength > bLength ? "[[A>B]]"
                    : "[[B>A]]");
        };
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES)
                .candidate("base", answering(2))
                .candidate("padded", padded)
                .candidate("better", request -> Completion.of("quality "
                        + (request.firstUserMessage().replaceAll("\\D", "").length() % 2 == 0 ? 3 : 2)))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(lengthLovingJudge).labels(VerdictLabels.WITH_TIES).againstBaseline("base")
                        .swapPositions().inconsistencyRule(InconsistencyRule.SEPARATE_GAMES))
                .concurrency(1)
                .seed(7)
                .build()
                .run();

        PairwiseSection section = report.section(PairwiseSection.class).orElseThrow();
        assertThat(section.leaderboardError()).isEmpty();
        assertThat(section.styleControlError()).isEmpty();
        assertThat(section.styleControlled()).hasSize(2);
        var style = section.styleControlled().get(0);
        assertThat(style.features()).containsExactly("tokens", "lists");
        assertThat(style.unusedFeatures()).containsExactly("headers", "bold");
        assertThat(section.lengthControlled()).containsOnlyKeys("padded", "better");
        // padded wins on length alone; with length held equal most of that is gone
        Leaderboard board = section.leaderboard().orElseThrow();
        double raw = section.lengthControlled().get("padded").winRate();
        assertThat(raw).isGreaterThan(60);
        assertThat(board.entry("padded").score()).isGreaterThan(60);
        assertThat(section.styleControlled().get(1).entry("padded").score())
                .isLessThan(board.entry("padded").score() - 10);
        assertThat(section.lengthControlled().get("padded").lengthControlledWinRate()).isLessThan(raw - 10);

        String markdown = report.toMarkdown();
        assertThat(markdown).contains("with answer style held equal").contains("| Model | Win rate | Style-controlled")
                .contains("Style control left out headers, bold");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        JsonNode pairwise = json.get("sections").get(0).get("content");
        assertThat(pairwise.get("styleControlled")).hasSize(2);
        assertThat(pairwise.get("lengthControlledWinRates").get("padded").get("winRate").asDouble()).isEqualTo(raw);
    }

    @Test
    void run_withPairwiseJudgeAgainstBaseline_reportsLeaderboardAndPositionBias() throws Exception {
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES)
                .candidate("base", answering(2))
                .candidate("better", answering(3))
                .candidate("worse", answering(1))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(judge()).labels(VerdictLabels.WITH_TIES).againstBaseline("base")
                        .swapPositions().inconsistencyRule(InconsistencyRule.SEPARATE_GAMES))
                .concurrency(1)
                .seed(7)
                .build()
                .run();

        PairwiseSection section = report.section(PairwiseSection.class).orElseThrow();
        assertThat(report.sections()).containsOnlyKeys(report.judges().get(0));
        assertThat(section.leaderboardError()).isEmpty();
        Leaderboard board = section.leaderboard().orElseThrow();
        assertThat(board.options().baseline()).isEqualTo("base");
        assertThat(board.entries()).extracting(Leaderboard.Entry::model).containsExactly("better", "base", "worse");
        assertThat(board.entry("better").score()).isGreaterThan(50);
        assertThat(board.isSignificant("better", "worse")).isTrue();
        Leaderboard.Entry better = board.entry("better");
        assertThat(better.sandwichInterval().lower()).isLessThan(better.rating());
        assertThat(better.sandwichInterval().upper()).isGreaterThan(better.rating());
        assertThat(board.entry("base").sandwichInterval().upper() - board.entry("base").sandwichInterval().lower())
                .as("the anchored baseline has no error of its own").isZero();
        assertThat(better.bestRank()).isEqualTo(1);
        assertThat(board.entry("worse").worstRank()).isEqualTo(3);

        PositionBias bias = section.positionBias();
        assertThat(bias.swappedPairs()).isEqualTo(80);
        assertThat(bias.inconsistentPairs()).isPositive();
        assertThat(bias.firstPositionRate()).isGreaterThan(0.5);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.at("/sections/0/judge").asText()).isEqualTo(report.judges().get(0));
        assertThat(json.at("/sections/0/content/kind").asText()).isEqualTo("pairwise");
        assertThat(json.at("/sections/0/content/leaderboard/models/0/model").asText()).isEqualTo("better");
        assertThat(json.at("/sections/0/content/positionBias/swappedPairs").asInt()).isEqualTo(80);
        assertThat(report.toMarkdown()).contains("## Pairwise leaderboard of pairwise(")
                .contains("anchored at baseline base").contains("Position bias: contradicted itself in")
                .contains("| Sandwich 95% | Rank |");
        assertThat(json.at("/sections/0/content/leaderboard/models/0/rank_best").asInt()).isEqualTo(1);
    }

    @Test
    void run_withRankingJudgeOnly_hasNoLeaderboardOrPositionBias() {
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES.subList(0, 3))
                .candidate("a", answering(1))
                .candidate("b", answering(2))
                .promptTemplate("{question}")
                .judge(Judges.score((answer, refs) -> answer.length()))
                .build()
                .run();
        assertThat(report.sections()).isEmpty();
        assertThat(report.section(PairwiseSection.class)).isEmpty();
    }

    @Test
    void reportRebuiltFromStoredResults_getsTheSectionOnlyWhenGivenTheJudge() {
        PairwiseJudge judge = PairwiseJudge.of(judge()).labels(VerdictLabels.WITH_TIES);
        EvaluationReport run = Evaluation.builder().dataset(SAMPLES.subList(0, 20)).candidate("a", answering(3))
                .candidate("b", answering(1)).promptTemplate("{question}").judge(judge).build().run();
        String name = run.judges().get(0);

        EvaluationReport.Builder names = EvaluationReport.builder(run.candidates()).judges(run.judges());
        EvaluationReport.Builder withJudge = EvaluationReport.builder(run.candidates()).judges(run.judges())
                .sections(java.util.Map.of(name, judge));
        run.samples().forEach(s -> {
            names.add(s);
            withJudge.add(s);
        });

        assertThat(names.build().sections()).isEmpty();
        assertThat(withJudge.build().section(PairwiseSection.class).orElseThrow().positionBias())
                .isEqualTo(run.section(PairwiseSection.class).orElseThrow().positionBias());
    }

    @Test
    void aJudgeWhoseSectionFails_isShownWithTheReason() {
        dev.raq.core.judge.Judge broken = new dev.raq.core.judge.Judge() {
            @Override
            public dev.raq.core.judge.Judgment judge(dev.raq.core.judge.JudgeInput input) {
                return Judges.score((answer, refs) -> answer.length()).judge(input);
            }

            @Override
            public java.util.Optional<dev.raq.core.judge.ReportSection> reportSection(
                    List<dev.raq.core.judge.Judgment> judgments, long seed) {
                throw new IllegalStateException("histogram | broken");
            }
        };
        EvaluationReport report = Evaluation.builder().dataset(SAMPLES.subList(0, 3)).candidate("a", answering(1))
                .candidate("b", answering(22)).promptTemplate("{question}").judge(broken).build().run();

        assertThat(report.sections()).hasSize(1);
        assertThat(report.toMarkdown()).contains("The section could not be computed: histogram \\| broken");
    }

    @Test
    void run_candidateThatNeverWins_reportsWhyThereIsNoLeaderboard() {
        ModelClient fairJudge = request -> Completion.of(
                quality(request, "A") > quality(request, "B") ? "[[A>B]]" : "[[B>A]]");
        EvaluationReport report = Evaluation.builder()
                .dataset(SAMPLES.subList(0, 5))
                .candidate("good", answering(3))
                .candidate("bad", answering(1))
                .promptTemplate("{question}")
                .judge(PairwiseJudge.of(fairJudge))
                .build()
                .run();
        PairwiseSection section = report.section(PairwiseSection.class).orElseThrow();
        assertThat(section.leaderboard()).isEmpty();
        assertThat(section.leaderboardError()).hasValueSatisfying(e -> assertThat(e).contains("'bad' never won"));
        assertThat(report.toMarkdown()).contains("The pairwise leaderboard could not be fitted");
    }
}
