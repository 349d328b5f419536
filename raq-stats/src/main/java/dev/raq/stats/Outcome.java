package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The result of one battle between player A and player B. A tie counts as half a win for each side in every
 * rating RAQ computes (Bradley&ndash;Terry, Elo, win matrices), as in FastChat and Arena-Hard.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Outcome {
    /** Player A won. */
    A_WINS,
    /** Player B won. */
    B_WINS,
    /** Neither won (including "both bad"); half a win for each side. */
    TIE;

    /** A's score in this outcome: 1 for {@link #A_WINS}, 0 for {@link #B_WINS}, 0.5 for {@link #TIE}. */
    public double scoreA() {
        switch (this) {
            case A_WINS:
                return 1.0;
            case B_WINS:
                return 0.0;
            default:
                return 0.5;
        }
    }
}
