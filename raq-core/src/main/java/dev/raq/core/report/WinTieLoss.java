package dev.raq.core.report;

import org.apiguardian.api.API;

/**
 * Head-to-head counts of one candidate against another, over the rankings that rank both.
 *
 * @param wins   rankings where the candidate is ranked better
 * @param ties   rankings where both share a rank
 * @param losses rankings where the candidate is ranked worse
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WinTieLoss(int wins, int ties, int losses) {

    /**
     * Validates that counts are not negative.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public WinTieLoss {
        if (wins < 0 || ties < 0 || losses < 0) {
            throw new IllegalArgumentException("counts must be >= 0 but were " + wins + "/" + ties + "/" + losses);
        }
    }

    /** The rankings that rank both candidates. */
    public int total() {
        return wins + ties + losses;
    }

    @Override
    public String toString() {
        return wins + "/" + ties + "/" + losses;
    }
}
