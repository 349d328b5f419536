package dev.raq.cli;

import dev.raq.core.pairwise.ArenaGames;
import dev.raq.core.pairwise.Leaderboard;
import dev.raq.core.pairwise.LeaderboardOptions;
import dev.raq.stats.Battles;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code raq leaderboard}: a Bradley–Terry leaderboard with bootstrap intervals from an Arena-Hard-style verdict
 * file ({@link ArenaGames#readJsonl}), printed as JSON: the numbers of games read and without a verdict, then
 * {@link Leaderboard#toMap()}.
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bradley-Terry leaderboard with bootstrap intervals from Arena-Hard-style verdicts, as JSON.",
                "FILE: JSON Lines with question_id, position_a, position_b, game, verdict (A>>B, A>B, A=B, B>A, B>>A)."})
final class LeaderboardCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the verdict file")
    Path input;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "anchor model; scores are win rates against it in percent (default: none)")
    @Nullable String baseline;

    @Option(names = "--strong-weight", paramLabel = "W", defaultValue = "3",
            description = "battles a strong verdict (>>) counts for, >= 1 (default ${DEFAULT-VALUE})")
    double strongWeight;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "100",
            description = "bootstrap rounds, >= 1 (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
            description = "interval level in (0, 1) (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--no-reuse-missing-game",
            description = "do not reuse a lone game's verdict for its missing swapped game")
    boolean noReuse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(strongWeight >= 1) || Double.isInfinite(strongWeight)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--strong-weight must be >= 1 but was "
                    + strongWeight);
        }
        if (bootstrap < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be >= 1 but was "
                    + bootstrap);
        }
        if (baseline != null && baseline.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline must not be blank");
        }
        LeaderboardOptions options = new LeaderboardOptions(baseline, 1000, 400, 10, bootstrap,
                CommandSupport.confidence(spec, confidence), seed);
        ArenaGames games = ArenaGames.readJsonl(CommandSupport.existing(input, "input file"));
        if (games.games().isEmpty()) {
            throw new IllegalArgumentException(input + ": no game with a verdict");
        }
        Battles battles = games.toBattles(strongWeight, !noReuse);
        Leaderboard board = Leaderboard.fit(battles, options);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", input.toString());
        root.put("games", games.games().size());
        root.put("games_without_verdict", games.invalidVerdicts());
        root.put("strong_weight", strongWeight);
        root.put("reuse_missing_game", !noReuse);
        root.putAll(board.toMap());
        CommandSupport.print(spec, root);
        return Raq.OK;
    }
}
