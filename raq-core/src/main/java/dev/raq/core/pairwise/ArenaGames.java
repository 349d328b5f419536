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
        int[] invalid = {0};
        forEachObject(file, (line, node) -> {
            JsonNode verdict = node.get("verdict");
            if (verdict == null || verdict.isNull()) {
                invalid[0]++;
                return;
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
        });
        return new ArenaGames(games, invalid[0]);
    }

    /** Something done with each JSON object of a JSON Lines file and its line number. */
    @FunctionalInterface
    private interface LineVisitor {
        void visit(int line, JsonNode node);
    }

    /** Parses each non-blank line of {@code file} as a JSON object, naming file and line when one is not. */
    private static void forEachObject(Path file, LineVisitor visitor) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    visitor.visit(line, parse(file, line, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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
        Battles.Builder battles = Battles.builder();
        forEachGame(reuseMissingGame, (question, a, b, v) -> VerdictBattles.add(battles, a, b, outcome(v),
                v.isStrong(), strongWeight));
        return battles.build();
    }

    /**
     * The battles as {@link #toBattles} makes them, each with the style of both answers, for a
     * {@link StyleControlledLeaderboard}.
     *
     * @param styles per question id, per model, the style of its answer (see {@link #readStyles})
     * @throws IllegalArgumentException as {@link #toBattles}, or naming the question and model whose style is
     *                                  missing
     */
    public StyledBattles toStyledBattles(double strongWeight, boolean reuseMissingGame,
                                         Map<String, Map<String, AnswerStyle>> styles) {
        VerdictBattles.checkStrongWeight(strongWeight);
        Objects.requireNonNull(styles, "styles");
        StyledBattles.Builder battles = new StyledBattles.Builder();
        forEachGame(reuseMissingGame, (question, a, b, v) -> battles.add(a, b, outcome(v), v.isStrong(),
                strongWeight, style(styles, question, a), style(styles, question, b)));
        return battles.build();
    }

    private static AnswerStyle style(Map<String, Map<String, AnswerStyle>> styles, String question, String model) {
        Map<String, AnswerStyle> byModel = styles.get(question);
        AnswerStyle style = byModel == null ? null : byModel.get(model);
        if (style == null) {
            throw new IllegalArgumentException("no answer style of model '" + model + "' on question '" + question
                    + "'");
        }
        return style;
    }

    /** One game as a battle: its question, the models in positions A and B, and the verdict. */
    @FunctionalInterface
    private interface GameVisitor {
        void visit(String question, String a, String b, Verdict verdict);
    }

    /** Visits every game, grouped by (question, pair), adding upstream's reused game where asked. */
    private void forEachGame(boolean reuseMissingGame, GameVisitor visitor) {
        Map<String, List<ArenaGame>> byMatch = new LinkedHashMap<>();
        for (ArenaGame g : games) {
            String a = g.positionA().compareTo(g.positionB()) < 0 ? g.positionA() : g.positionB();
            String b = a.equals(g.positionA()) ? g.positionB() : g.positionA();
            byMatch.computeIfAbsent(g.questionId() + '\u0000' + a + '\u0000' + b, k -> new ArrayList<>()).add(g);
        }
        for (List<ArenaGame> match : byMatch.values()) {
            for (ArenaGame g : match) {
                visitor.visit(g.questionId(), g.positionA(), g.positionB(), g.verdict());
            }
            if (reuseMissingGame && match.size() == 1) {
                ArenaGame g = match.get(0);
                visitor.visit(g.questionId(), g.positionB(), g.positionA(), g.verdict());
            }
        }
    }

    private static Outcome outcome(Verdict v) {
        return v.winner().map(s -> s == Verdict.Side.A ? Outcome.A_WINS : Outcome.B_WINS).orElse(Outcome.TIE);
    }

    /**
     * Reads Arena-Hard answer metadata (JSON Lines: {@code question_id}, {@code model}, {@code token_len},
     * {@code header_count}, {@code list_count} and {@code bold_count} as numbers or objects of numbers that are
     * summed, and {@code answer_chars} when present) into styles by question and model.
     *
     * @throws IllegalArgumentException naming file, line and field for malformed JSON or a missing or negative count
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static Map<String, Map<String, AnswerStyle>> readStyles(Path file) {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, AnswerStyle>> styles = new LinkedHashMap<>();
        forEachObject(file, (line, node) -> {
            AnswerStyle style = new AnswerStyle(count(file, line, node, "token_len"),
                    count(file, line, node, "header_count"), count(file, line, node, "list_count"),
                    count(file, line, node, "bold_count"),
                    node.has("answer_chars") ? count(file, line, node, "answer_chars") : 0);
            styles.computeIfAbsent(text(file, line, node, "question_id"), k -> new LinkedHashMap<>())
                    .put(text(file, line, node, "model"), style);
        });
        return styles;
    }

    /** A count: a whole number ≥ 0, or an object whose values are such numbers (summed). */
    private static long count(Path file, int line, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(file + " line " + line + ": missing field '" + field + "'");
        }
        long total = 0;
        for (JsonNode part : v.isObject() ? v : List.of(v)) {
            if (!part.isIntegralNumber() || part.asLong() < 0) {
                throw new IllegalArgumentException(file + " line " + line + ": field '" + field
                        + "' must be a whole number >= 0 or an object of them but has " + part);
            }
            total += part.asLong();
        }
        return total;
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
