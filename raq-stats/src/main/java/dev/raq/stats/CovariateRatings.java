package dev.raq.stats;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link CovariateBradleyTerry} fitted: the covariate-adjusted ratings, each covariate's coefficient (the
 * change in log-odds of A winning per standard deviation of the covariate), the standardisation used, and, from
 * {@link CovariateBradleyTerry#bootstrap}, intervals. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CovariateRatings {

    private final Ratings ratings;
    private final List<String> covariates;
    private final double[] coefficients;
    private final double[] means;
    private final double[] deviations;
    private final double ridge;
    private final @Nullable RatingIntervals intervals;
    private final ConfidenceInterval @Nullable [] coefficientIntervals;

    CovariateRatings(Ratings ratings, List<String> covariates, double[] coefficients, double[] means,
                     double[] deviations, double ridge, @Nullable RatingIntervals intervals,
                     ConfidenceInterval @Nullable [] coefficientIntervals) {
        this.ratings = ratings;
        this.covariates = List.copyOf(covariates);
        this.coefficients = coefficients.clone();
        this.means = means.clone();
        this.deviations = deviations.clone();
        this.ridge = ridge;
        this.intervals = intervals;
        this.coefficientIntervals = coefficientIntervals == null ? null : coefficientIntervals.clone();
    }

    /** The adjusted ratings (what each player is worth when the covariates are equal). */
    public Ratings ratings() {
        return ratings;
    }

    /** The rating intervals and bootstrap distributions, if the fit was bootstrapped. */
    public Optional<RatingIntervals> intervals() {
        return Optional.ofNullable(intervals);
    }

    /** The covariates' names, in column order. */
    public List<String> covariates() {
        return covariates;
    }

    /** The coefficient of {@code covariate}: log-odds of A winning per standard deviation. */
    public double coefficient(String covariate) {
        return coefficients[indexOf(covariate)];
    }

    /** The bootstrap interval of {@code covariate}'s coefficient, if the fit was bootstrapped. */
    public Optional<ConfidenceInterval> coefficientInterval(String covariate) {
        return coefficientIntervals == null ? Optional.empty()
                : Optional.of(coefficientIntervals[indexOf(covariate)]);
    }

    /** The weighted mean of {@code covariate} subtracted before the fit (0 unless the fit centres). */
    public double mean(String covariate) {
        return means[indexOf(covariate)];
    }

    /** What {@code covariate} was divided by before the fit: its weighted root mean square after centring. */
    public double scaleOf(String covariate) {
        return deviations[indexOf(covariate)];
    }

    /** The ridge penalty λ of the fit. */
    public double ridge() {
        return ridge;
    }

    private int indexOf(String covariate) {
        int i = covariates.indexOf(covariate);
        if (i < 0) {
            throw new IllegalArgumentException("no covariate '" + covariate + "' among " + covariates);
        }
        return i;
    }

    /** The ratings, then one line per coefficient. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(ratings.toString());
        for (int c = 0; c < covariates.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%n  %s: %.4f", covariates.get(c), coefficients[c]));
            if (coefficientIntervals != null) {
                sb.append(String.format(Locale.ROOT, " [%.4f, %.4f]", coefficientIntervals[c].lower(),
                        coefficientIntervals[c].upper()));
            }
        }
        return sb.toString();
    }
}
