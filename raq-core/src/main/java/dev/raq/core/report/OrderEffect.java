package dev.raq.core.report;

import org.apiguardian.api.API;

/**
 * How much a ranking judge favours the answer it was shown first: over its successful calls that showed two or more
 * answers in an order, how often the first shown was ranked best, against how often chance would put it there. A
 * judge without position bias ranks the first-shown answer best in about {@code expectedRate} of its calls; the
 * RAQ ranking judge shuffles the order per call, so a bias adds noise rather than favouring one candidate.
 *
 * @param calls          the calls counted
 * @param firstShownBest the calls that ranked the first-shown answer alone at the top
 * @param expectedRate   the share chance gives: the mean of 1/k over the calls (k answers shown)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record OrderEffect(int calls, int firstShownBest, double expectedRate) {

    /** Validates the counts. */
    public OrderEffect {
        if (calls < 1 || firstShownBest < 0 || firstShownBest > calls) {
            throw new IllegalArgumentException("an order effect needs 0 <= firstShownBest <= calls and calls >= 1 but "
                    + "had " + firstShownBest + " of " + calls);
        }
    }

    /** The share of calls that ranked the first-shown answer best. */
    public double rate() {
        return (double) firstShownBest / calls;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ranked the first-shown answer best in %d of %d calls (%.1f%%; "
                + "%.1f%% by chance)", firstShownBest, calls, 100 * rate(), 100 * expectedRate);
    }
}
