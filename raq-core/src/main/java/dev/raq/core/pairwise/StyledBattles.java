package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.stats.BattleCovariates;
import dev.raq.stats.Battles;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Battles together with the style of both answers in each: what a {@link StyleControlledLeaderboard} fits. Every
 * battle's covariates are the {@link StyleControl#STYLE} features as {@code (a − b) / (a + b + 1)} of its two
 * answers. Immutable.
 *
 * @param battles    the battles
 * @param covariates per battle, the style features, aligned with the battles
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StyledBattles(Battles battles, BattleCovariates covariates) {

    /** Checks that the covariates describe every battle. */
    public StyledBattles {
        Objects.requireNonNull(battles, "battles");
        Objects.requireNonNull(covariates, "covariates");
        Preconditions.checkArgument(battles.size() == covariates.size(), () -> "the covariates describe "
                + covariates.size() + " battles but there are " + battles.size());
    }

    /** Collects battles with their answers' styles, one verdict at a time. */
    static final class Builder {
        private final Battles.Builder battles = Battles.builder();
        private final List<double[]> sideA = new ArrayList<>();
        private final List<double[]> sideB = new ArrayList<>();

        /** Adds one verdict's battles between {@code a} and {@code b}, whose answers had these styles. */
        void add(String a, String b, dev.raq.stats.Outcome outcome, boolean strong, double strongWeight,
                 AnswerStyle styleA, AnswerStyle styleB) {
            int added = VerdictBattles.add(battles, a, b, outcome, strong, strongWeight);
            for (int i = 0; i < added; i++) {
                sideA.add(StyleControl.features(styleA));
                sideB.add(StyleControl.features(styleB));
            }
        }

        StyledBattles build() {
            return new StyledBattles(battles.build(), BattleCovariates.ratios(StyleControl.ALL,
                    sideA.toArray(new double[0][]), sideB.toArray(new double[0][])));
        }
    }
}
