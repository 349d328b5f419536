package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.stats.Battles;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.BradleyTerry;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.Elo;
import dev.raq.stats.RatingIntervals;
import dev.raq.stats.SandwichIntervals;
import dev.raq.stats.Ratings;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A leaderboard of pairwise battles: Bradley–Terry ratings with bootstrap confidence intervals, the number of
 * battles, online Elo ratings, and for every pair whether the rating difference is significant — the Arena-Hard
 * recipe.
 *
 * <p>With a baseline the Bradley–Terry fit is anchored at {@link LeaderboardOptions#anchorRating()} for the baseline
 * (1000 on a 400 scale by default) and each model's {@code score} is its predicted win rate against the baseline in
 * percent, {@code 100 / (1 + base^((R_baseline − R_model) / scale))}; its interval is the same transform of the
 * rating interval. Without a baseline ratings are centred on the initial rating and there is no score.
 *
 * <p>Significance of a pair is a two-sided bootstrap test on the rating difference: with {@code f} the share of
 * bootstrap rounds in which model i's rating exceeds model j's (ties half), {@code p = min(1, 2·min(f, 1 − f))};
 * the pair differs at alpha when {@code p ≤ alpha}. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Leaderboard {

    /**
     * One row of the leaderboard.
     *
     * @param model          the model
     * @param rating         its Bradley–Terry rating
     * @param ratingInterval the bootstrap interval of the rating
     * @param score          the predicted win rate against the baseline in percent, or NaN without a baseline
     * @param scoreInterval  the interval of the score, or null without a baseline
     * @param battles        the weighted number of battles the model played (a strong verdict counts its weight)
     * @param elo            its online Elo rating (battle order as given)
     * @param sandwichInterval the interval of the rating from the sandwich covariance, without resampling, as LMArena
     *                       computes it ({@link BradleyTerry#sandwich})
     * @param bestRank       the best rank the sandwich intervals allow: 1 + the models whose lower bound is above this
     *                       model's upper bound (LMArena's "rank (UB)")
     * @param worstRank      the worst rank they allow: the models count − the models whose upper bound is below this
     *                       model's lower bound
     */
    public record Entry(String model, double rating, ConfidenceInterval ratingInterval, double score,
                        @Nullable ConfidenceInterval scoreInterval, double battles, double elo,
                        ConfidenceInterval sandwichInterval, int bestRank, int worstRank) {
    }

    private final LeaderboardOptions options;
    private final List<Entry> entries;
    private final Map<String, double[]> replicates;

    private Leaderboard(LeaderboardOptions options, List<Entry> entries, Map<String, double[]> replicates) {
        this.options = options;
        this.entries = List.copyOf(entries);
        this.replicates = replicates;
    }

    /**
     * Fits the leaderboard of {@code battles}.
     *
     * @throws IllegalArgumentException if the baseline did not play, or the battles admit no finite ratings (a model
     *                                  that never loses or never wins: see {@link BradleyTerry#fit(Battles)})
     */
    public static Leaderboard fit(Battles battles, LeaderboardOptions options) {
        Objects.requireNonNull(battles, "battles");
        Objects.requireNonNull(options, "options");
        String baseline = options.baseline();
        if (baseline != null && !battles.players().contains(baseline)) {
            throw new IllegalArgumentException("baseline '" + baseline + "' played no battle; players: "
                    + battles.players());
        }
        BradleyTerry.Builder bt = BradleyTerry.builder().scale(options.scale()).base(options.base())
                .initialRating(options.anchorRating());
        if (baseline != null) {
            bt.anchor(baseline, options.anchorRating());
        }
        Bootstrap bootstrap = Bootstrap.builder().rounds(options.bootstrapRounds()).confidence(options.confidence())
                .seed(options.seed()).build();
        RatingIntervals fitted = bt.build().bootstrap(battles, bootstrap);
        SandwichIntervals sandwich = bt.build().sandwich(battles, options.confidence());
        Ratings elo = Elo.builder().scale(options.scale()).base(options.base()).initialRating(options.anchorRating())
                .build().ratings(battles);
        Map<String, Double> played = new HashMap<>();
        for (int i = 0; i < battles.size(); i++) {
            played.merge(battles.playerA(i), battles.weight(i), Double::sum);
            played.merge(battles.playerB(i), battles.weight(i), Double::sum);
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, double[]> replicates = new LinkedHashMap<>();
        Ratings ratings = fitted.ratings();
        for (String model : fitted.players()) {
            double r = ratings.rating(model);
            ConfidenceInterval ci = fitted.interval(model);
            double score = Double.NaN;
            ConfidenceInterval scoreCi = null;
            if (baseline != null) {
                double rb = ratings.rating(baseline);
                score = winRate(options, r, rb);
                scoreCi = new ConfidenceInterval(winRate(options, ci.lower(), rb), winRate(options, ci.upper(), rb),
                        ci.level());
            }
            int[] ranks = sandwich.rankRange(model);
            entries.add(new Entry(model, r, ci, score, scoreCi, played.getOrDefault(model, 0.0), elo.rating(model),
                    sandwich.interval(model), ranks[0], ranks[1]));
            replicates.put(model, fitted.replicates(model));
        }
        entries.sort(Comparator.comparingDouble(Entry::rating).reversed().thenComparing(Entry::model));
        return new Leaderboard(options, entries, replicates);
    }

    /** The predicted win rate in percent of {@code rating} against {@code baselineRating}. */
    static double winRate(LeaderboardOptions o, double rating, double baselineRating) {
        return 100.0 / (1 + Math.pow(o.base(), (baselineRating - rating) / o.scale()));
    }

    /** The rows, best rating first. */
    public List<Entry> entries() {
        return entries;
    }

    /** The options the leaderboard was fitted with. */
    public LeaderboardOptions options() {
        return options;
    }

    /**
     * The row of {@code model}.
     *
     * @throws IllegalArgumentException if the model is not on the leaderboard
     */
    public Entry entry(String model) {
        for (Entry e : entries) {
            if (e.model().equals(model)) {
                return e;
            }
        }
        throw new IllegalArgumentException("model '" + model + "' is not on the leaderboard");
    }

    /** The two-sided bootstrap p-value of the rating difference of {@code a} and {@code b}. */
    public double pValue(String a, String b) {
        double[] ra = replicatesOf(a);
        double[] rb = replicatesOf(b);
        if (ra.length == 0) {
            return 1.0;
        }
        double above = 0;
        for (int i = 0; i < ra.length; i++) {
            above += ra[i] > rb[i] ? 1 : ra[i] == rb[i] ? 0.5 : 0;
        }
        double f = above / ra.length;
        return Math.min(1.0, 2 * Math.min(f, 1 - f));
    }

    /** Whether {@code a} and {@code b} differ at the options' alpha (1 − confidence). */
    public boolean isSignificant(String a, String b) {
        return !a.equals(b) && pValue(a, b) <= 1 - options.confidence();
    }

    private double[] replicatesOf(String model) {
        return Preconditions.checkPresent(replicates.get(model), () -> "model '" + model + "' is not on the leaderboard");
    }

    /**
     * The leaderboard as plain maps for JSON: options, then one object per model (score, interval, rating, battles,
     * Elo), then every pair with its p-value and verdict.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("baseline", options.baseline());
        opts.put("anchor_rating", options.anchorRating());
        opts.put("scale", options.scale());
        opts.put("base", options.base());
        opts.put("bootstrap_rounds", options.bootstrapRounds());
        opts.put("confidence", options.confidence());
        opts.put("seed", options.seed());
        root.put("options", opts);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", e.model());
            if (e.scoreInterval() != null) {
                row.put("score", e.score());
                row.put("score_lower", e.scoreInterval().lower());
                row.put("score_upper", e.scoreInterval().upper());
            }
            row.put("rating", e.rating());
            row.put("rating_lower", e.ratingInterval().lower());
            row.put("rating_upper", e.ratingInterval().upper());
            row.put("rating_lower_sandwich", e.sandwichInterval().lower());
            row.put("rating_upper_sandwich", e.sandwichInterval().upper());
            row.put("rank_best", e.bestRank());
            row.put("rank_worst", e.worstRank());
            row.put("battles", e.battles());
            row.put("elo", e.elo());
            rows.add(row);
        }
        root.put("models", rows);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String a = entries.get(i).model();
                String b = entries.get(j).model();
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("a", a);
                pair.put("b", b);
                pair.put("p_value", pValue(a, b));
                pair.put("significant", isSignificant(a, b));
                pairs.add(pair);
            }
        }
        root.put("pairs", pairs);
        return root;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Leaderboard")
                .append(options.baseline() == null ? "" : " (baseline " + options.baseline() + ")").append('\n');
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "  %-28s rating %8.2f [%8.2f, %8.2f]", e.model(), e.rating(),
                    e.ratingInterval().lower(), e.ratingInterval().upper()));
            if (e.scoreInterval() != null) {
                sb.append(String.format(Locale.ROOT, "  score %6.2f [%6.2f, %6.2f]", e.score(),
                        e.scoreInterval().lower(), e.scoreInterval().upper()));
            }
            sb.append(String.format(Locale.ROOT, "  battles %.0f%n", e.battles()));
        }
        return sb.toString().stripTrailing();
    }
}
