package dev.raq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.pairwise.ArenaGames;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.LeaderboardOptions;
import dev.raq.core.pairwise.NovaMetrics;
import dev.raq.core.pairwise.PairwiseCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict-file commands, moved from the hand-written parser to picocli with the same outputs and checks. */
class VerdictCommandsTest {

    private static final Path KOREAN = Path.of("src/test/resources/data/arena-hard/ko-arena-hard-ensemble-judgments.jsonl");
    private static final String BASELINE = "claude-3.7-sonnet";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Raq.execute(args, new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private static String game(String q, int game, String a, String b, String verdict) {
        return "{\"question_id\": \"" + q + "\", \"game\": " + game + ", \"position_a\": \"" + a
                + "\", \"position_b\": \"" + b + "\", \"verdict\": " + (verdict == null ? "null" : "\"" + verdict + "\"")
                + "}";
    }

    private static final String[] VERDICTS = {"A>B", "B>A", "A=B", "A>>B", "B>>A", "B>A", "A>B"};

    /**
     * A small tournament of three models over 30 questions, verdicts cycling through every label, with one game
     * without a verdict (line 2) and one question whose swapped game is missing (line 3).
     */
    private Path smallGames() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        String[][] pairs = {{"base", "x"}, {"base", "y"}, {"x", "y"}};
        int k = 0;
        for (int q = 1; q <= 30; q++) {
            for (String[] p : pairs) {
                lines.add(game("q" + q, 1, p[0], p[1], VERDICTS[k++ % VERDICTS.length]));
                lines.add(game("q" + q, 2, p[1], p[0], VERDICTS[k++ % VERDICTS.length]));
            }
        }
        lines.set(1, game("q1", 2, "x", "base", null));
        lines.remove(3);
        lines.add("");
        return Files.write(dir.resolve("games.jsonl"), lines, StandardCharsets.UTF_8);
    }

    /** The JSON the Java API gives, through the same serialisation as the CLI's output. */
    private static JsonNode expected(Map<String, Object> map) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(map));
    }

    private static ObjectNode without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    @Test
    void helpOrDashDashHelp_printsUsageAndSucceeds_noArgumentsIsAUsageError() {
        for (String[] args : new String[][] {{"help"}, {"--help"}, {"help", "leaderboard"}, {"leaderboard", "--help"},
            {"pairwise", "--input", "x.jsonl", "-h"}, {"run", "--help"}, {"plan", "--help"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).startsWith("Usage: raq");
            assertThat(r.err()).isEmpty();
        }
        assertThat(run("--help").out()).contains("run", "plan", "leaderboard", "pairwise", "Exit codes");
        assertThat(run("leaderboard", "--help").out()).contains("--input=FILE", "--no-reuse-missing-game");
        Run none = run();
        assertThat(none.code()).isEqualTo(Raq.USAGE);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("Usage: raq").contains("run", "plan");
    }

    @Test
    void version_printsTheBuildsVersion() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("raq 0.").contains("Java ");
    }

    @Test
    void leaderboard_koreanArenaHard_printsTheSameNumbersAsTheJavaApi() throws IOException {
        Run r = run("leaderboard", "--input", KOREAN.toString(), "--baseline", BASELINE, "--bootstrap", "20");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();

        ArenaGames games = ArenaGames.readJsonl(KOREAN);
        Leaderboard board = Leaderboard.fit(games.toBattles(3, true),
                LeaderboardOptions.arenaHard(BASELINE).withBootstrapRounds(20));
        JsonNode json = r.json();
        assertThat(without(json, "input", "games", "games_without_verdict", "strong_weight", "reuse_missing_game"))
                .isEqualTo(expected(board.toMap()));
        assertThat(json.get("games").asInt()).isEqualTo(4000);
        assertThat(json.get("games_without_verdict").asInt()).isZero();
        assertThat(json.get("strong_weight").asDouble()).isEqualTo(3.0);
        assertThat(json.get("reuse_missing_game").asBoolean()).isTrue();
        assertThat(json.get("models")).hasSize(5);
        JsonNode top = json.get("models").get(0);
        assertThat(top.get("model").asText()).isEqualTo(board.entries().get(0).model());
        assertThat(top.get("score").asDouble()).isEqualTo(board.entries().get(0).score());
        assertThat(json.get("pairs")).hasSize(10);
    }

    @Test
    void leaderboard_everyOption_isPassedToTheJavaApi() throws IOException {
        Path games = smallGames();
        Run r = run("leaderboard", "--input", games.toString(), "--baseline", "base", "--strong-weight", "2",
                "--bootstrap=30", "--seed", "7", "--confidence", "0.9", "--no-reuse-missing-game");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();

        ArenaGames read = ArenaGames.readJsonl(games);
        Leaderboard board = Leaderboard.fit(read.toBattles(2, false),
                new LeaderboardOptions("base", 1000, 400, 10, 30, 0.9, 7));
        JsonNode json = r.json();
        assertThat(without(json, "input", "games", "games_without_verdict", "strong_weight", "reuse_missing_game"))
                .isEqualTo(expected(board.toMap()));
        assertThat(json.get("games").asInt()).isEqualTo(30 * 6 - 2);
        assertThat(json.get("games_without_verdict").asInt()).isEqualTo(1);
        assertThat(json.get("strong_weight").asDouble()).isEqualTo(2.0);
        assertThat(json.get("reuse_missing_game").asBoolean()).isFalse();
        assertThat(json.get("options").get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void leaderboard_defaultsAndNoBaseline_matchArenaHardOptionsWithoutScores() throws IOException {
        Path games = smallGames();
        Run r = run("leaderboard", "--input", games.toString());
        assertThat(r.code()).isZero();

        Leaderboard board = Leaderboard.fit(ArenaGames.readJsonl(games).toBattles(3, true),
                LeaderboardOptions.arenaHard(null));
        JsonNode json = r.json();
        assertThat(without(json, "input", "games", "games_without_verdict", "strong_weight", "reuse_missing_game"))
                .isEqualTo(expected(board.toMap()));
        assertThat(json.get("models").get(0).has("score")).isFalse();
        assertThat(json.get("options").get("baseline").isNull()).isTrue();
    }

    @Test
    void pairwise_verdictsInTheFile_printNovasMetricSetWithErrorsForMissingOrInvalidVerdicts() throws IOException {
        Path f = file("nova.jsonl",
                nova("A>B"), nova("A>B"), nova("[[A>>B]]"),
                nova("B>A"), nova("[[B>A]]"), nova(" B>A "), nova("B>>A"),
                nova("A=B"),
                nova(null), "{\"prompt\": \"p\", \"response_A\": \"a\", \"response_B\": \"b\"}", nova("A is better"),
                "");
        Run r = run("pairwise", "--input", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();

        NovaMetrics metrics = NovaMetrics.of(new PairwiseCounts(3, 4, 1, 3));
        JsonNode json = r.json();
        assertThat(without(json, "input", "lines", "confidence")).isEqualTo(expected(metrics.toMap()));
        assertThat(json.get("lines").asInt()).isEqualTo(11);
        assertThat(json.get("a_scores").asDouble()).isEqualTo(3);
        assertThat(json.get("b_scores").asDouble()).isEqualTo(4);
        assertThat(json.get("ties").asDouble()).isEqualTo(1);
        assertThat(json.get("inference_error").asDouble()).isEqualTo(3);
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
    }

    @Test
    void pairwise_customFieldsAndOptions_arePassedToNovaMetrics() throws IOException {
        Path f = file("custom.jsonl",
                "{\"q\": \"p\", \"left\": \"a\", \"right\": \"b\", \"label\": \"B>A\"}",
                "{\"q\": \"p\", \"left\": \"a\", \"right\": \"b\", \"label\": \"B>A\"}",
                "{\"q\": \"p\", \"left\": \"a\", \"right\": \"b\", \"label\": \"A>B\"}",
                "{\"q\": \"p\", \"left\": \"a\", \"right\": \"b\", \"label\": \"A=B\"}");
        for (String interval : new String[] {"clopper-pearson", "bootstrap", "wilson"}) {
            Run r = run("pairwise", "--input", f.toString(), "--prompt-field", "q", "--a-field", "left",
                    "--b-field", "right", "--verdict-field", "label", "--ties", "exclude", "--interval", interval,
                    "--confidence", "0.9", "--seed", "3");
            assertThat(r.err()).as(interval).isEmpty();
            assertThat(r.code()).as(interval).isZero();
            NovaMetrics.IntervalMethod method = NovaMetrics.IntervalMethod.valueOf(
                    interval.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            NovaMetrics metrics = NovaMetrics.of(new PairwiseCounts(1, 2, 1, 0), NovaMetrics.TieHandling.EXCLUDE,
                    method, 0.9, 3);
            assertThat(without(r.json(), "input", "lines", "confidence")).as(interval)
                    .isEqualTo(expected(metrics.toMap()));
        }
    }

    private static String nova(String verdict) {
        return "{\"prompt\": \"p\", \"response_A\": \"a\", \"response_B\": \"b\", \"verdict\": "
                + (verdict == null ? "null" : "\"" + verdict + "\"") + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "frobnicate                                         | Unmatched argument at index 0: 'frobnicate'",
        "leaderboard                                        | Missing required option: '--input=FILE'",
        "pairwise --verdict-field v                         | Missing required option: '--input=FILE'",
        "leaderboard --input                                | Missing required parameter for option '--input'",
        "leaderboard --input GAMES --colour red             | Unknown options: '--colour', 'red'",
        "leaderboard --input GAMES --input GAMES            | option '--input' (FILE) should be specified only once",
        "leaderboard --input GAMES --no-reuse-missing-game=1 | '--no-reuse-missing-game': '1' is not a boolean",
        "leaderboard --input GAMES --bootstrap many         | Invalid value for option '--bootstrap': 'many' is not an int",
        "leaderboard --input GAMES --bootstrap 0            | --bootstrap must be >= 1 but was 0",
        "leaderboard --input GAMES --seed 1.5               | Invalid value for option '--seed': '1.5' is not a long",
        "leaderboard --input GAMES --strong-weight 0.5      | --strong-weight must be >= 1 but was 0.5",
        "leaderboard --input GAMES --strong-weight NaN      | --strong-weight must be >= 1 but was NaN",
        "leaderboard --input GAMES --confidence 1.5         | --confidence must be in (0, 1) but was 1.5",
        "pairwise --input NOVA --confidence x               | Invalid value for option '--confidence': 'x' is not a double",
        "pairwise --input NOVA --ties third                 | --ties must be one of [half, exclude], not 'third'",
        "pairwise --input NOVA --interval normal            | --interval must be one of [wilson, clopper-pearson, bootstrap]",
        "pairwise --input NOVA --a-field ' '                | must not be blank",
    })
    void run_badCommandLine_explainsOnErrAndExitsWith2(String args, String message) throws IOException {
        Path games = smallGames();
        Path nova = file("nova.jsonl", nova("A>B"));
        String[] argv = args.strip().replace("GAMES", games.toString()).replace("NOVA", nova.toString())
                .replace("' '", "\u0000").split(" +");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = argv[i].replace('\u0000', ' ');
        }
        Run r = run(argv);
        assertThat(r.code()).isEqualTo(Raq.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(message);
    }

    @Test
    void run_inputFileMissing_namesItAndExitsWith2() {
        Path missing = dir.resolve("nope.jsonl");
        for (String command : new String[] {"leaderboard", "pairwise"}) {
            Run r = run(command, "--input", missing.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("input file not found: " + missing);
        }
    }

    @Test
    void leaderboard_malformedLine_namesFileAndLineAndExitsWith2() throws IOException {
        Path f = file("bad.jsonl", game("q1", 1, "base", "x", "B>A"), "{\"question_id\": \"q1\", oops}");
        Run r = run("leaderboard", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + " line 2: malformed JSON");
    }

    @Test
    void leaderboard_invalidVerdictOrMissingField_namesFileLineAndField() throws IOException {
        Path f = file("bad.jsonl", game("q1", 1, "base", "x", "B>A"), "", game("q1", 2, "x", "base", "A>>>B"));
        Run r = run("leaderboard", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + " line 3: field 'verdict' has 'A>>>B'");

        Path g = file("missing.jsonl", "{\"question_id\": \"q1\", \"game\": 1, \"position_a\": \"a\", \"verdict\": \"A>B\"}");
        r = run("leaderboard", "--input", g.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(g + " line 1: missing field 'position_b'");
    }

    @Test
    void leaderboard_baselineNotInTheFile_exitsWith2() throws IOException {
        Run r = run("leaderboard", "--input", smallGames().toString(), "--baseline", "gpt-9");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("baseline 'gpt-9' played no battle");
    }

    @Test
    void leaderboard_noGameWithAVerdict_exitsWith2() throws IOException {
        Path f = file("none.jsonl", game("q1", 1, "base", "x", null), "");
        Run r = run("leaderboard", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + ": no game with a verdict");
    }

    @Test
    void pairwise_malformedLineOrMissingField_namesFileAndLineAndExitsWith2() throws IOException {
        Path f = file("bad.jsonl", nova("A>B"), "[1, 2]");
        Run r = run("pairwise", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + " line 2: expected a JSON object");

        Path numeric = file("numeric.jsonl", nova("A>B"), "{\"prompt\": \"p\", \"response_A\": \"a\", "
                + "\"response_B\": \"b\", \"verdict\": 1}");
        Run n = run("pairwise", "--input", numeric.toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.out()).isEmpty();
        assertThat(n.err()).contains(numeric + " line 2: field 'verdict' must be a string but was number");

        Run custom = run("pairwise", "--input", f.toString(), "--a-field", "answer_a");
        assertThat(custom.code()).isEqualTo(2);
        assertThat(custom.err()).contains(f + " line 1: missing field 'answer_a'");
    }

    @Test
    void pairwise_noValidVerdictOrEmptyFile_exitsWith2() throws IOException {
        Path f = file("errors.jsonl", nova(null), nova("none"));
        Run r = run("pairwise", "--input", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no valid judgement");

        Path empty = file("empty.jsonl", "", " ");
        r = run("pairwise", "--input", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(empty + ": no line to read");
    }
}
