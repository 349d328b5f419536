package dev.raq.core.pairwise;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * One judged game of an Arena-Hard-style comparison: on one question, the two models in positions A and B and the
 * verdict about those positions.
 *
 * @param line       the 1-based line it was read from (0 when built in memory)
 * @param questionId the question's id
 * @param game       the game number (1 or 2 in Arena-Hard; 2 has the positions of 1 swapped)
 * @param positionA  the model shown as Assistant A
 * @param positionB  the model shown as Assistant B
 * @param verdict    the verdict about positions A and B
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArenaGame(int line, String questionId, int game, String positionA, String positionB, Verdict verdict) {

    /** Validates the components. */
    public ArenaGame {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(positionA, "positionA");
        Objects.requireNonNull(positionB, "positionB");
        Objects.requireNonNull(verdict, "verdict");
        if (positionA.equals(positionB)) {
            throw new IllegalArgumentException("line " + line + ": a model cannot play itself ('" + positionA + "')");
        }
    }
}
