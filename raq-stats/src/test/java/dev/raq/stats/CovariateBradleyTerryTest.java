package dev.raq.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Bradley–Terry with battle covariates: the fit is the penalised maximum (zero gradient), recovers ratings that a
 * plain fit gets wrong when a covariate sways the outcomes, does not depend on which side a battle lists first
 * unless asked to centre, equals plain Bradley–Terry when the covariate carries no information, and rejects a
 * covariate it cannot estimate.
 */
class CovariateBradleyTerryTest {

    private static final List<String> PLAYERS = List.of("a", "b", "c", "d");
    private static final double[] TRUE_RATINGS = {1100, 1050, 1000, 950};
    private static final double LENGTH_EFFECT = 1.2;

    /** Simulated battles where the longer side wins more often; "d" is the most verbose. */
    private record Simulated(Battles battles, BattleCovariates covariates, double[][] lengthA, double[][] lengthB) {
    }

    private static Simulated simulate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] verbosity = {300, 400, 500, 900};
        Battles.Builder b = Battles.builder();
        double[][] lengthA = new double[n][1];
        double[][] lengthB = new double[n][1];
        for (int i = 0; i < n; i++) {
            int x = random.nextInt(4);
            int y = (x + 1 + random.nextInt(3)) % 4;
            lengthA[i][0] = Math.round(verbosity[x] * (0.5 + random.nextDouble()));
            lengthB[i][0] = Math.round(verbosity[y] * (0.5 + random.nextDouble()));
            double ratio = (lengthA[i][0] - lengthB[i][0]) / (lengthA[i][0] + lengthB[i][0] + 1);
            double eta = Math.log(10) * (TRUE_RATINGS[x] - TRUE_RATINGS[y]) / 400 + LENGTH_EFFECT * ratio / 0.3;
            Outcome o = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? Outcome.A_WINS : Outcome.B_WINS;
            b.add(PLAYERS.get(x), PLAYERS.get(y), o);
        }
        Battles battles = b.build();
        return new Simulated(battles, BattleCovariates.ratios(List.of("length"), lengthA, lengthB), lengthA, lengthB);
    }

    @Test
    void fit_isTheMaximumOfThePenalisedLikelihood() {
        Simulated s = simulate(2000, 1);
        for (double ridge : new double[] {0, 0.5}) {
            CovariateRatings fit = CovariateBradleyTerry.builder().ridge(ridge).build().fit(s.battles(),
                    s.covariates());
            // rebuild β from the result and check that every partial derivative vanishes
            double[] beta = new double[5];
            Ratings r = fit.ratings();
            double shift = r.rating(0);
            for (int p = 0; p < 4; p++) {
                beta[s.battles().indexOf(r.players().get(p))] = (r.rating(p) - (ridge == 0 ? shift : 0)) / 400;
            }
            if (ridge > 0) {
                double mean = 0;
                for (double v : beta) {
                    mean += v / 4;
                }
                double centredMean = 0;
                for (int p = 0; p < 4; p++) {
                    centredMean += r.rating(p) / 4;
                }
                for (int p = 0; p < 4; p++) {
                    beta[p] = (r.rating(p) - centredMean) / 400; // penalised θ sum to 0 at the optimum
                }
                assertThat(mean).isNotNaN();
            }
            beta[4] = fit.coefficient("length");
            double[] gradient = gradient(s, fit, beta, ridge);
            for (double g : gradient) {
                assertThat(g).isCloseTo(0, within(1e-7));
            }
        }
    }

    private static double[] gradient(Simulated s, CovariateRatings fit, double[] beta, double ridge) {
        double[] g = new double[5];
        double scale = fit.scaleOf("length");
        for (int i = 0; i < s.battles().size(); i++) {
            int a = s.battles().indexOf(s.battles().playerA(i));
            int b = s.battles().indexOf(s.battles().playerB(i));
            double z = s.covariates().value(i, 0) / scale;
            double eta = Math.log(10) * (beta[a] - beta[b]) + beta[4] * z;
            double residual = s.battles().outcome(i).scoreA() - 1 / (1 + Math.exp(-eta));
            g[a] += residual * Math.log(10);
            g[b] -= residual * Math.log(10);
            g[4] += residual * z;
        }
        for (int j = 0; j < 5; j++) {
            g[j] -= ridge * beta[j];
        }
        if (ridge == 0) {
            g[0] = 0; // player 0 is held at 0
        }
        return g;
    }

    @Test
    void covariate_recoversTheRatingsAPlainFitGetsWrong() {
        Simulated s = simulate(20_000, 2);
        Ratings plain = BradleyTerry.builder().anchor("c", 1000).build().fit(s.battles());
        CovariateRatings adjusted = CovariateBradleyTerry.builder().anchor("c", 1000).build().fit(s.battles(),
                s.covariates());
        // the verbose "d" looks better than it is without the covariate
        assertThat(plain.rating("d") - TRUE_RATINGS[3]).isGreaterThan(60);
        for (int p = 0; p < 4; p++) {
            assertThat(adjusted.ratings().rating(PLAYERS.get(p))).as(PLAYERS.get(p))
                    .isCloseTo(TRUE_RATINGS[p], within(20.0));
        }
        assertThat(adjusted.coefficient("length") / adjusted.scaleOf("length")).isCloseTo(LENGTH_EFFECT / 0.3,
                within(0.4));
    }

    @Test
    void uncentred_doesNotDependOnWhichSideIsListedFirst_centredDoes() {
        Simulated s = simulate(3000, 3);
        Battles.Builder swapped = Battles.builder();
        double[][] lengthA = new double[s.battles().size()][];
        double[][] lengthB = new double[s.battles().size()][];
        for (int i = 0; i < s.battles().size(); i++) {
            boolean swap = i % 3 == 0;
            Outcome o = s.battles().outcome(i);
            if (swap) {
                swapped.add(s.battles().playerB(i), s.battles().playerA(i),
                        o == Outcome.A_WINS ? Outcome.B_WINS : o == Outcome.B_WINS ? Outcome.A_WINS : Outcome.TIE);
            } else {
                swapped.add(s.battles().playerA(i), s.battles().playerB(i), o);
            }
            lengthA[i] = swap ? s.lengthB()[i] : s.lengthA()[i];
            lengthB[i] = swap ? s.lengthA()[i] : s.lengthB()[i];
        }
        BattleCovariates swappedCovariates = BattleCovariates.ratios(List.of("length"), lengthA, lengthB);
        for (boolean centre : new boolean[] {false, true}) {
            CovariateBradleyTerry model = CovariateBradleyTerry.builder().ridge(0.5).centre(centre)
                    .anchor("a", 1000).build();
            CovariateRatings original = model.fit(s.battles(), s.covariates());
            CovariateRatings other = model.fit(swapped.build(), swappedCovariates);
            double largest = 0;
            for (String p : PLAYERS) {
                largest = Math.max(largest, Math.abs(original.ratings().rating(p) - other.ratings().rating(p)));
            }
            if (centre) {
                assertThat(largest).isGreaterThan(1e-3);
            } else {
                assertThat(largest).isLessThan(1e-8);
            }
        }
    }

    @Test
    void uninformativeCovariate_withoutPenalty_givesNearlyPlainBradleyTerry() {
        Simulated s = simulate(5000, 4);
        SplittableRandom random = new SplittableRandom(9);
        double[][] noise = new double[s.battles().size()][1];
        for (double[] row : noise) {
            row[0] = random.nextGaussian();
        }
        CovariateRatings adjusted = CovariateBradleyTerry.builder().anchor("a", 1000).build().fit(s.battles(),
                BattleCovariates.of(List.of("noise"), noise));
        Ratings plain = BradleyTerry.builder().anchor("a", 1000).build().fit(s.battles());
        for (String p : PLAYERS) {
            assertThat(adjusted.ratings().rating(p)).isCloseTo(plain.rating(p), within(3.0));
        }
        assertThat(Math.abs(adjusted.coefficient("noise"))).isLessThan(0.1);
    }

    @Test
    void bootstrap_givesIntervalsAroundTheFitAndIsSeeded() {
        Simulated s = simulate(2000, 5);
        CovariateBradleyTerry model = CovariateBradleyTerry.builder().ridge(0.5).anchor("c", 1000).build();
        Bootstrap bootstrap = Bootstrap.builder().rounds(50).seed(7).build();
        CovariateRatings first = model.bootstrap(s.battles(), s.covariates(), bootstrap);
        CovariateRatings again = model.bootstrap(s.battles(), s.covariates(), bootstrap);
        RatingIntervals intervals = first.intervals().orElseThrow();
        for (String p : List.of("a", "b", "d")) {
            ConfidenceInterval ci = intervals.interval(p);
            assertThat(ci.lower()).isLessThan(first.ratings().rating(p));
            assertThat(ci.upper()).isGreaterThan(first.ratings().rating(p));
            assertThat(again.intervals().orElseThrow().interval(p)).isEqualTo(ci);
        }
        ConfidenceInterval length = first.coefficientInterval("length").orElseThrow();
        assertThat(length.lower()).isGreaterThan(0);
        assertThat(model.fit(s.battles(), s.covariates()).coefficientInterval("length")).isEmpty();
    }

    @Test
    void badInput_isNamed() {
        Simulated s = simulate(100, 6);
        double[][] zeros = new double[100][1];
        assertThatThrownBy(() -> CovariateBradleyTerry.builder().build().fit(s.battles(),
                BattleCovariates.of(List.of("flat"), zeros)))
                .hasMessageContaining("covariate 'flat' is zero in every battle");
        assertThatThrownBy(() -> CovariateBradleyTerry.builder().build().fit(s.battles(),
                BattleCovariates.of(List.of("x"), new double[99][1])))
                .hasMessageContaining("describe 99 battles but there are 100");
        assertThatThrownBy(() -> BattleCovariates.ratios(List.of("tokens"), new double[][] {{-1}}, new double[][] {{2}}))
                .hasMessageContaining("battle 0: covariate 'tokens' must be >= 0");
        assertThatThrownBy(() -> BattleCovariates.of(List.of("x"), new double[][] {{Double.NaN}}))
                .hasMessageContaining("values[0]: covariate 'x' is NaN");
        assertThatThrownBy(() -> CovariateBradleyTerry.builder().anchor("zz", 1000).build().fit(s.battles(),
                s.covariates())).hasMessageContaining("anchor player 'zz' never battled");
        assertThatThrownBy(() -> s.covariates().select(List.of("bold"))).hasMessageContaining("no covariate 'bold'");
    }
}
