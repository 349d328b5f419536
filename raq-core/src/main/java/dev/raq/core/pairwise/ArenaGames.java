package dev.raq.core.pairwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.Battles;
import dev.raq.stats.Outcome;
import org.apiguardian.api.API;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Arena-Hard-style verdict files and turns games into weighted battles the way Arena-Hard-Auto v0.1's
 * {@code show_result.py} does.
 *
 * <p>File shape (JSON Lines, one game per line): {@code question_id}, {@code position_a}, {@code position_b},
 * {@code game}, {@code verdict} (a label {@code A>>B}, {@code A>B}, {@code A=B}, {@code B>A}, {@code B>>A}, with
 * or without {@code [[ ]]}); other fields are ignored. A line whose verdict is null is a game without a valid verdict
 * (dropped, as upstream drops it, and counted).
 *
 * <p>Battle rules (Arena-Hard-Auto v0.1): a win counts once, a strong win ({@code >>}) counts {@code strongWeight}
 * times (upstream uses 3, repeating the battle; a whole weight is added as that many unit battles so that the
 * bootstrap resamples what upstream resamples), a tie counts as one tie. Upstream quirk, reproduced when {@code reuseMissingGame} is set:
 * if a (question, pair) has only one game, its label is reused for the missing game with the positions swapped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ArenaGames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ArenaGame> games;
    private final int invalidVerdicts;

    private ArenaGames(List<ArenaGame> games, int invalidVerdicts) {
        this.games = List.copyOf(games);
        this.invalidVerdicts = invalidVerdicts;
    }

    /** Games built in memory. */
    public static ArenaGames of(List<ArenaGame> games) {
        return new ArenaGames(games, 0);
    }

    /**
     * Reads a verdict file.
     *
     * @throws IllegalArgumentException naming file, line and field for malformed JSON, a missing or mistyped field,
     *                                  or a verdict that is not a label
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static ArenaGames readJsonl(Path file) {
        Objects.requireNonNull(file, "file");
        List<ArenaGame> games = new ArrayList<>();
        int invalid = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node = parse(file, line, text);
                JsonNode verdict = node.get("verdict");
                if (verdict == null || verdict.isNull()) {
                    invalid++;
                    continue;
                }
                if (!verdict.isTextual()) {
                    throw new IllegalArgumentException(file + " line " + line + ": field 'verdict' must be a string");
                }
                Verdict v = Verdict.fromLabel(verdict.asText());
                if (v == null) {
                    throw new IllegalArgumentException(file + " line " + line + ": field 'verdict' has '"
                        + verdict.asText() + "', not one of A>>B, A>B, A=B, B>A, B>>A");
                }
                games.add(new ArenaGame(line, text(file, line, node, "question_id"), integer(file, line, node, "game"),
                        text(file, line, node, "position_a"), text(file, line, node, "position_b"), v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ArenaGames(games, invalid);
    }

    /** The games with a valid verdict. */
    public List<ArenaGame> games() {
        return games;
    }

    /** Lines whose verdict was null (no valid verdict), which were dropped. */
    public int invalidVerdicts() {
        return invalidVerdicts;
    }

    /**
     * The weighted battles of these games, each oriented as (first model of the pair's first game, other model).
     *
     * @param strongWeight     how many battles a strong verdict counts for (Arena-Hard uses 3), at least 1
     * @param reuseMissingGame whether to reproduce upstream's reuse of a lone game's label for the missing swapped
     *                         game
     * @throws IllegalArgumentException if strongWeight is below 1 or not finite
     */
    public Battles toBattles(double strongWeight, boolean reuseMissingGame) {
        VerdictBattles.checkStrongWeight(strongWeight);
        Map<String, List<ArenaGame>> byMatch = new LinkedHashMap<>();
        for (ArenaGame g : games) {
            String a = g.positionA().compareTo(g.positionB()) < 0 ? g.positionA() : g.positionB();
            String b = a.equals(g.positionA()) ? g.positionB() : g.positionA();
            byMatch.computeIfAbsent(g.questionId() + '\u0000' + a + '\u0000' + b, k -> new ArrayList<>()).add(g);
        }
        Battles.Builder battles = Battles.builder();
        for (List<ArenaGame> match : byMatch.values()) {
            for (ArenaGame g : match) {
                add(battles, g.positionA(), g.positionB(), g.verdict(), strongWeight);
            }
            if (reuseMissingGame && match.size() == 1) {
                ArenaGame g = match.get(0);
                add(battles, g.positionB(), g.positionA(), g.verdict(), strongWeight);
            }
        }
        return battles.build();
    }

    /** Adds one game, as {@link VerdictBattles} does for every pairwise verdict. */
    private static void add(Battles.Builder battles, String a, String b, Verdict v, double strongWeight) {
        Outcome outcome = v.winner().map(s -> s == Verdict.Side.A ? Outcome.A_WINS
                : Outcome.B_WINS).orElse(Outcome.TIE);
        VerdictBattles.add(battles, a, b, outcome, v.isStrong(), strongWeight);
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(file + " line " + line + ": expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(Path file, int line, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(file + " line " + line + ": missing field '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(file + " line " + line + ": field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(Path file, int line, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(file + " line " + line + ": missing field '" + field + "'");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(file + " line " + line + ": field '" + field + "' must be an integer");
        }
        return v.asInt();
    }
}
