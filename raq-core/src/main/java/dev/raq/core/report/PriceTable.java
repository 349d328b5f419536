package dev.raq.core.report;

import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * User-supplied prices per candidate, in any currency per million tokens, for cost estimates in reports. RAQ ships
 * no prices: they change, and only the user knows what they pay. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PriceTable {

    /**
     * The price of one candidate's tokens.
     *
     * @param inputPerMillion  price of one million prompt tokens (≥ 0)
     * @param outputPerMillion price of one million completion tokens (≥ 0)
     */
    public record Price(double inputPerMillion, double outputPerMillion) {

        /**
         * Validates that prices are finite and not negative.
         *
         * @throws IllegalArgumentException if a price is negative or not finite
         */
        public Price {
            check("inputPerMillion", inputPerMillion);
            check("outputPerMillion", outputPerMillion);
        }

        /** The cost of the given tokens at this price. */
        public double cost(long promptTokens, long completionTokens) {
            return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0;
        }

        private static void check(String name, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + v);
            }
        }
    }

    private static final PriceTable EMPTY = new PriceTable(Map.of());

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** A table without prices: reports show no cost. */
    public static PriceTable none() {
        return EMPTY;
    }

    /** This table plus a price for a candidate (replacing any it had). */
    public PriceTable with(String candidate, double inputPerMillion, double outputPerMillion) {
        Objects.requireNonNull(candidate, "candidate");
        Map<String, Price> copy = new LinkedHashMap<>(prices);
        copy.put(candidate, new Price(inputPerMillion, outputPerMillion));
        return new PriceTable(copy);
    }

    /** The price of a candidate, if the table has one. */
    public Optional<Price> price(String candidate) {
        return Optional.ofNullable(prices.get(candidate));
    }

    @Override
    public String toString() {
        return "PriceTable" + prices;
    }
}
