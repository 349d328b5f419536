package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.CovariateBradleyTerry;
import dev.raq.stats.CovariateRatings;
import dev.raq.stats.RatingIntervals;
import dev.raq.stats.Ratings;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A leaderboard against a baseline with answer style held equal — Arena-Hard's style control: the Bradley–Terry fit
 * gets the {@link StyleControl}'s features as covariates ({@link CovariateBradleyTerry}, ridge ½ as Arena-Hard's
 * scikit-learn fit), and each model's score is its predicted win rate against the baseline when both answers are
 * alike in style. A model whose raw score falls under style control was winning partly by being longer or more
 * formatted.
 *
 * <p>Unlike Arena-Hard, the features are scaled but not centred, so the result does not depend on which side each
 * battle lists first (see {@link CovariateBradleyTerry}). Intervals are percentile bootstrap intervals over
 * resampled battles ({@link LeaderboardOptions#bootstrapRounds()}, seeded). Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StyleControlledLeaderboard {

    /**
     * One model's row.
     *
     * @param model          the model
     * @param rating         its style-controlled rating (the baseline at the options' anchor rating)
     * @param ratingInterval the bootstrap interval of the rating
     * @param score          its predicted win rate against the baseline in percent, at equal style
     * @param scoreInterval  the interval of the score
     */
    public record Entry(String model, double rating, ConfidenceInterval ratingInterval, double score,
                        ConfidenceInterval scoreInterval) {
    }

    private final StyleControl control;
    private final LeaderboardOptions options;
    private final List<Entry> entries;
    private final CovariateRatings fit;
    private final List<String> unused;

    private StyleControlledLeaderboard(StyleControl control, LeaderboardOptions options, List<Entry> entries,
                                       CovariateRatings fit, List<String> unused) {
        this.control = control;
        this.options = options;
        this.entries = List.copyOf(entries);
        this.fit = fit;
        this.unused = List.copyOf(unused);
    }

    /**
     * Fits the style-controlled leaderboard.
     *
     * <p>A feature on which the two answers of every battle agree (plain-text answers have no headers, say) cannot
     * be estimated and is left out; {@link #unusedFeatures()} names it.
     *
     * @throws IllegalArgumentException if the options have no baseline or it played no battle, or no feature of
     *                                  the control ever differs between two answers
     */
    public static StyleControlledLeaderboard fit(StyledBattles battles, StyleControl control,
                                                 LeaderboardOptions options) {
        Objects.requireNonNull(battles, "battles");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(options, "options");
        String baseline = Preconditions.checkPresent(options.baseline(),
                () -> "a style-controlled leaderboard needs a baseline");
        Preconditions.checkArgument(battles.battles().players().contains(baseline), () -> "baseline '" + baseline
                + "' played no battle; players: " + battles.battles().players());
        CovariateBradleyTerry model = CovariateBradleyTerry.builder().ridge(ARENA_HARD_RIDGE).scale(options.scale())
                .base(options.base()).anchor(baseline, options.anchorRating()).build();
        Bootstrap bootstrap = Bootstrap.builder().rounds(options.bootstrapRounds()).confidence(options.confidence())
                .seed(options.seed()).build();
        List<String> used = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String feature : control.features()) {
            (varies(battles, feature) ? used : unused).add(feature);
        }
        Preconditions.checkArgument(!used.isEmpty(), () -> "no battle's answers differ in " + unused
                + ", so there is no style to control for");
        CovariateRatings fitted = model.bootstrap(battles.battles(), battles.covariates().select(used), bootstrap);
        Ratings ratings = fitted.ratings();
        RatingIntervals intervals = fitted.intervals().orElseThrow();
        double rb = ratings.rating(baseline);
        List<Entry> entries = new ArrayList<>();
        for (String player : ratings.players()) {
            double r = ratings.rating(player);
            ConfidenceInterval ci = intervals.interval(player);
            entries.add(new Entry(player, r, ci, Leaderboard.winRate(options, r, rb), new ConfidenceInterval(
                    Leaderboard.winRate(options, ci.lower(), rb), Leaderboard.winRate(options, ci.upper(), rb), ci.level())));
        }
        entries.sort(Comparator.comparingDouble(Entry::rating).reversed().thenComparing(Entry::model));
        return new StyleControlledLeaderboard(control, options, entries, fitted, unused);
    }

    private static boolean varies(StyledBattles battles, String feature) {
        int column = battles.covariates().names().indexOf(feature);
        if (column < 0) {
            return true; // select() names the missing feature
        }
        for (int i = 0; i < battles.covariates().size(); i++) {
            if (battles.covariates().value(i, column) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Arena-Hard's penalty: scikit-learn's default C = 1 on its duplicated rows (see {@link CovariateBradleyTerry}). */
    static final double ARENA_HARD_RIDGE = 0.5;

    /** What the fit held equal. */
    public StyleControl control() {
        return control;
    }

    /** The options of the fit (baseline, bootstrap rounds, seed). */
    public LeaderboardOptions options() {
        return options;
    }

    /** The rows, best first. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The row of {@code model}.
     *
     * @throws IllegalArgumentException if the model is not on the leaderboard
     */
    public Entry entry(String model) {
        return entries.stream().filter(e -> e.model().equals(model)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("model '" + model + "' is not on the leaderboard"));
    }

    /** The control's features that the fit used, in order. */
    public List<String> features() {
        return fit.covariates();
    }

    /** The control's features left out because the two answers of every battle agreed on them. */
    public List<String> unusedFeatures() {
        return unused;
    }

    /**
     * The coefficient of {@code feature}: log-odds of winning per unit of its scaled (a − b)/(a + b + 1).
     *
     * @throws IllegalArgumentException if the fit did not use the feature
     */
    public double coefficient(String feature) {
        return fit.coefficient(feature);
    }

    /** The bootstrap interval of {@code feature}'s coefficient. */
    public ConfidenceInterval coefficientInterval(String feature) {
        return fit.coefficientInterval(feature).orElseThrow();
    }

    /** The leaderboard as plain maps for JSON: control, one object per model, one per feature coefficient. */
    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("control", control.name().toLowerCase(java.util.Locale.ROOT));
        root.put("baseline", options.baseline());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", e.model());
            row.put("score", e.score());
            row.put("score_lower", e.scoreInterval().lower());
            row.put("score_upper", e.scoreInterval().upper());
            row.put("rating", e.rating());
            row.put("rating_lower", e.ratingInterval().lower());
            row.put("rating_upper", e.ratingInterval().upper());
            rows.add(row);
        }
        root.put("models", rows);
        Map<String, Object> coefficients = new LinkedHashMap<>();
        for (String feature : features()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("estimate", coefficient(feature));
            c.put("lower", coefficientInterval(feature).lower());
            c.put("upper", coefficientInterval(feature).upper());
            coefficients.put(feature, c);
        }
        root.put("coefficients", coefficients);
        root.put("unused_features", unused);
        return root;
    }
}
