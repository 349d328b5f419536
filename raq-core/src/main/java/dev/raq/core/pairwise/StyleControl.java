package dev.raq.core.pairwise;

import org.apiguardian.api.API;

import java.util.List;

/**
 * Which answer features a style-controlled leaderboard adjusts for, as Arena-Hard's three variants: every style
 * feature, the length alone, or the Markdown alone. Each feature enters the Bradley–Terry fit as
 * {@code (a − b) / (a + b + 1)} of the two answers' counts ({@link dev.raq.stats.BattleCovariates#ratios}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StyleControl {
    /** Tokens, headers, list items and bold spans (Arena-Hard's {@code style_control}). */
    STYLE(List.of("tokens", "headers", "lists", "bold")),
    /** Tokens only ({@code length_control}). */
    LENGTH(List.of("tokens")),
    /** Headers, list items and bold spans ({@code markdown_control}). */
    MARKDOWN(List.of("headers", "lists", "bold"));

    /** Every feature, in the order of {@link #features(AnswerStyle)}. */
    static final List<String> ALL = STYLE.features;

    private final List<String> features;

    StyleControl(List<String> features) {
        this.features = features;
    }

    /** The names of the features this variant adjusts for. */
    public List<String> features() {
        return features;
    }

    /** The values of every feature of {@code style}, in the order of {@link #ALL}. */
    static double[] features(AnswerStyle style) {
        return new double[] {style.tokens(), style.headers(), style.lists(), style.bold()};
    }
}
