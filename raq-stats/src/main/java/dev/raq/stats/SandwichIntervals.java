package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;

/**
 * Bradley–Terry ratings with standard errors from the sandwich (robust) covariance, and the rank interval each
 * rating's confidence interval allows: no resampling, so one fit gives them (see
 * {@link BradleyTerry#sandwich(Battles, double)}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SandwichIntervals {

    private final Ratings ratings;
    private final double[] standardErrors;
    private final double confidence;
    private final double z;

    SandwichIntervals(Ratings ratings, double[] standardErrors, double confidence) {
        this.ratings = ratings;
        this.standardErrors = standardErrors.clone();
        this.confidence = confidence;
        this.z = TailProbabilities.normalIsf((1 - confidence) / 2);
    }

    /** The point estimates (the maximum-likelihood fit). */
    public Ratings ratings() {
        return ratings;
    }

    /** The players, in the battles' order. */
    public List<String> players() {
        return ratings.players();
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** The standard error of a player's rating, on the rating scale (0 for an anchored player). */
    public double standardError(String player) {
        return standardErrors[indexOf(player)];
    }

    /** The rating ± z × standard error, z the normal quantile of the confidence. */
    public ConfidenceInterval interval(String player) {
        int i = indexOf(player);
        return interval(i);
    }

    private ConfidenceInterval interval(int i) {
        double r = ratings.rating(i);
        return new ConfidenceInterval(r - z * standardErrors[i], r + z * standardErrors[i], confidence);
    }

    /**
     * The ranks the intervals allow a player, best first: {@code [1 + the players whose lower bound is above this
     * player's upper bound, the players count − the players whose upper bound is below its lower bound]} (the
     * first is the "rank (UB)" LMArena shows).
     */
    public int[] rankRange(String player) {
        int i = indexOf(player);
        ConfidenceInterval mine = interval(i);
        int above = 0;
        int below = 0;
        for (int j = 0; j < standardErrors.length; j++) {
            if (j != i) {
                ConfidenceInterval other = interval(j);
                above += other.lower() > mine.upper() ? 1 : 0;
                below += other.upper() < mine.lower() ? 1 : 0;
            }
        }
        return new int[] {1 + above, standardErrors.length - below};
    }

    private int indexOf(String player) {
        int i = ratings.players().indexOf(player);
        if (i < 0) {
            throw new IllegalArgumentException("player '" + player + "' is not among the players "
                    + ratings.players());
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SandwichIntervals[");
        List<String> players = ratings.players();
        for (int i = 0; i < players.size(); i++) {
            int[] ranks = rankRange(players.get(i));
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f ± %.1f (rank %d–%d)",
                    players.get(i), ratings.rating(i), standardErrors[i], ranks[0], ranks[1]));
        }
        return sb.append(", ").append(confidence).append(']').toString();
    }
}
