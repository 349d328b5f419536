package dev.raq.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.pairwise.ArenaGames;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.LeaderboardOptions;
import dev.raq.core.pairwise.NovaMetrics;
import dev.raq.core.pairwise.PairwiseCounts;
import dev.raq.core.pairwise.PairwiseFields;
import dev.raq.core.pairwise.PairwiseItem;
import dev.raq.core.pairwise.PairwiseItems;
import dev.raq.core.pairwise.Verdict;
import dev.raq.stats.Battles;
import org.jspecify.annotations.Nullable;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code raq} command line: leaderboards and Nova's pairwise metrics from verdict files, printed as JSON.
 *
 * <pre>
 * java -jar raq-examples/target/raq-cli.jar leaderboard --input judgments.jsonl --baseline claude-3.7-sonnet
 * java -jar raq-examples/target/raq-cli.jar pairwise --input nova-verdicts.jsonl
 * </pre>
 *
 * <p>{@code leaderboard} reads an Arena-Hard-style verdict file ({@code question_id}, {@code position_a},
 * {@code position_b}, {@code game}, {@code verdict}; see {@link ArenaGames#readJsonl(Path)}), turns it into weighted
 * battles ({@link ArenaGames#toBattles(double, boolean)}) and prints {@link Leaderboard#toMap()}, preceded by the
 * numbers of games read and of games without a verdict. {@code pairwise} reads a Nova-format file whose lines carry a
 * verdict (a label {@code A>B}, {@code B>A}, {@code A=B}, {@code A>>B} or {@code B>>A}, brackets optional) and prints
 * {@link NovaMetrics#toMap()} with the number of lines read; a line whose verdict is null, absent or a string that
 * is not a label counts as an {@code inference_error}, as a judge reply without a label does in Nova (a verdict that
 * is not a string, such as a number, is a malformed line).
 *
 * <p>Exit codes: 0 on success; 2 for a command line the CLI cannot run (unknown subcommand or option, missing
 * {@code --input}, a malformed number) and for input it cannot use (a missing file, a malformed line — the message
 * names the file and line —, no usable verdict); 1 for an unexpected failure. On failure nothing is printed on
 * standard output.
 */
public final class RaqCli {

    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of an unexpected failure. */
    public static final int FAILURE = 1;
    /** Exit code of a command line or an input file the CLI cannot use. */
    public static final int USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String USAGE_TEXT = String.join("\n",
            "Usage: raq <command> [options]",
            "",
            "Commands:",
            "  leaderboard  Bradley-Terry leaderboard with bootstrap intervals from Arena-Hard-style verdicts",
            "  pairwise     Nova LLM-as-a-Judge metric set from a Nova-format file that carries verdicts",
            "  help         this text",
            "",
            "raq leaderboard --input FILE [options]",
            "  FILE: JSON Lines with question_id, position_a, position_b, game, verdict (A>>B, A>B, A=B, B>A, B>>A)",
            "  --baseline NAME            anchor model; scores are win rates against it in percent (default: none)",
            "  --strong-weight W          battles a strong verdict (>>) counts for, >= 1 (default 3)",
            "  --bootstrap N              bootstrap rounds, >= 1 (default 100)",
            "  --seed S                   bootstrap seed (default 42)",
            "  --confidence C             interval level in (0, 1) (default 0.95)",
            "  --no-reuse-missing-game    do not reuse a lone game's verdict for its missing swapped game",
            "",
            "raq pairwise --input FILE [options]",
            "  FILE: JSON Lines in Nova's format, each line with a verdict; a null, absent or invalid verdict",
            "  counts as an inference_error",
            "  --prompt-field F           (default prompt)",
            "  --a-field F                (default response_A)",
            "  --b-field F                (default response_B)",
            "  --verdict-field F          (default verdict)",
            "  --ties half|exclude        ties count half for each side, or are left out (default half)",
            "  --interval wilson|clopper-pearson|bootstrap   interval of the win rate (default wilson)",
            "  --confidence C             interval level in (0, 1) (default 0.95)",
            "  --seed S                   bootstrap seed (default 42)",
            "",
            "Output: JSON on standard output. Exit codes: 0 success, 2 bad command line or input, 1 other failure.",
            "");

    private RaqCli() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command and its options; see {@link #run(String[], PrintStream, PrintStream)}
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Runs one command, printing its result on {@code out} and every problem on {@code err}.
     *
     * @param args the command ({@code leaderboard}, {@code pairwise}, {@code help}) and its options; none,
     *             {@code help}, or {@code --help} anywhere prints the usage
     * @param out  where the JSON result (or the usage text) goes; nothing is printed there on failure
     * @param err  where error messages go
     * @return {@link #OK}, {@link #USAGE} for a bad command line or input, {@link #FAILURE} otherwise
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        if (args.length == 0 || "help".equals(args[0]) || List.of(args).contains("--help")
                || List.of(args).contains("-h")) {
            out.print(USAGE_TEXT);
            return OK;
        }
        String result;
        try {
            switch (args[0]) {
                case "leaderboard":
                    result = leaderboard(args);
                    break;
                case "pairwise":
                    result = pairwise(args);
                    break;
                default:
                    throw new UsageException("unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            err.println("raq: " + e.getMessage());
            err.println("Run 'raq help' for usage.");
            return USAGE;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("raq " + args[0] + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("raq " + args[0] + ": unexpected failure: " + e);
            return FAILURE;
        }
        out.println(result);
        return OK;
    }

    private static String leaderboard(String[] args) {
        CliOptions o = CliOptions.parse("leaderboard", args, 1,
                Set.of("input", "baseline", "strong-weight", "bootstrap", "seed", "confidence"),
                Set.of("no-reuse-missing-game"));
        Path input = input(o);
        double strongWeight = o.number("strong-weight", 3);
        if (strongWeight < 1) {
            throw new UsageException("leaderboard: --strong-weight must be >= 1 but was " + strongWeight);
        }
        @Nullable String baseline = o.get("baseline") == null ? null : o.string("baseline", "");
        LeaderboardOptions options = new LeaderboardOptions(baseline, 1000, 400, 10,
                o.integer("bootstrap", 100, 1), o.confidence(), o.longValue("seed", 42));
        boolean reuse = !o.flag("no-reuse-missing-game");

        ArenaGames games = ArenaGames.readJsonl(input);
        if (games.games().isEmpty()) {
            throw new IllegalArgumentException(input + ": no game with a verdict");
        }
        Battles battles = games.toBattles(strongWeight, reuse);
        Leaderboard board = Leaderboard.fit(battles, options);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", input.toString());
        root.put("games", games.games().size());
        root.put("games_without_verdict", games.invalidVerdicts());
        root.put("strong_weight", strongWeight);
        root.put("reuse_missing_game", reuse);
        root.putAll(board.toMap());
        return toJson(root);
    }

    private static String pairwise(String[] args) {
        CliOptions o = CliOptions.parse("pairwise", args, 1,
                Set.of("input", "prompt-field", "a-field", "b-field", "verdict-field", "ties", "interval",
                        "confidence", "seed"),
                Set.of());
        Path input = input(o);
        PairwiseFields fields = new PairwiseFields(o.string("prompt-field", "prompt"),
                o.string("a-field", "response_A"), o.string("b-field", "response_B"), null,
                o.string("verdict-field", "verdict"));
        NovaMetrics.TieHandling ties = o.choice("ties", NovaMetrics.TieHandling.class, NovaMetrics.TieHandling.HALF);
        NovaMetrics.IntervalMethod interval = o.choice("interval", NovaMetrics.IntervalMethod.class,
                NovaMetrics.IntervalMethod.WILSON);
        double confidence = o.confidence();
        long seed = o.longValue("seed", 42);

        List<PairwiseItem> items = PairwiseItems.readJsonl(input, fields);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(input + ": no line to read");
        }
        List<@Nullable Verdict> verdicts = new ArrayList<>(items.size());
        for (PairwiseItem item : items) {
            String label = item.verdict();
            verdicts.add(label == null ? null : Verdict.fromLabel(label));
        }
        NovaMetrics metrics = NovaMetrics.of(PairwiseCounts.fromVerdicts(verdicts), ties, interval, confidence, seed);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", input.toString());
        root.put("lines", items.size());
        root.putAll(metrics.toMap());
        root.put("confidence", confidence);
        return toJson(root);
    }

    private static Path input(CliOptions o) {
        String name = o.required("input");
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException("--input '" + name + "' is not a valid path");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("input file not found: " + path);
        }
        return path;
    }

    private static String toJson(Map<String, Object> value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }
}
