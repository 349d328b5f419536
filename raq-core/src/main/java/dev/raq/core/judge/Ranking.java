package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A relative ranking of some candidates: candidate name → rank, 1 being best, ties sharing the average of the ranks
 * they span (1, 2.5, 2.5, 4).
 *
 * <p>This is RAQ's one currency: a full ranking from the RAQ judge covers every candidate; a pairwise verdict is a
 * ranking over two (a tie is 1.5/1.5); a metric judge's scores become ranks. Every statistic is computed from
 * rankings, so every judge works with every test its shape allows.
 *
 * @param ranks candidate → rank; at least two candidates; the ranks must be the average ranks of some ordering with
 *              ties (so {1, 2.5, 2.5, 4} is valid and {1, 1, 3} is not)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Ranking(Map<String, Double> ranks) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if fewer than two candidates are ranked, a name is blank, or the ranks are
     *                                  not average ranks of an ordering with ties
     */
    public Ranking {
        Objects.requireNonNull(ranks, "ranks");
        if (ranks.size() < 2) {
            throw new IllegalArgumentException("a ranking needs at least two candidates but had " + ranks.size());
        }
        double[] sorted = new double[ranks.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : ranks.entrySet()) {
            Objects.requireNonNull(e.getKey(), "candidate");
            Preconditions.checkArgument(!e.getKey().isBlank(), "candidate names must not be blank");
            Double r = e.getValue();
            if (r == null || r.isNaN()) {
                throw new IllegalArgumentException("rank of '" + e.getKey() + "' must be a number but was " + r);
            }
            sorted[i++] = r;
        }
        java.util.Arrays.sort(sorted);
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            double expected = (start + 1 + end) / 2.0;
            if (sorted[start] != expected) {
                throw new IllegalArgumentException("ranks " + ranks + " are not average ranks of an ordering: "
                    + "positions " + (start + 1) + ".." + end + " should have rank " + expected
                    + " but have " + sorted[start]);
            }
            start = end;
        }
        ranks = Map.copyOf(ranks);
    }

    /**
     * A ranking without ties from an order, best first.
     *
     * @throws IllegalArgumentException if fewer than two names are given or a name repeats
     */
    public static Ranking fromOrder(List<String> bestFirst) {
        Objects.requireNonNull(bestFirst, "bestFirst");
        List<List<String>> tiers = new ArrayList<>();
        for (String name : bestFirst) {
            tiers.add(List.of(name));
        }
        return fromTiers(tiers);
    }

    /**
     * A ranking from tiers, best tier first; the candidates of one tier are tied.
     *
     * @throws IllegalArgumentException if a tier is empty, a name repeats, or fewer than two names are given
     */
    public static Ranking fromTiers(List<List<String>> tiersBestFirst) {
        Objects.requireNonNull(tiersBestFirst, "tiersBestFirst");
        Map<String, Double> ranks = new HashMap<>();
        int position = 0;
        for (int t = 0; t < tiersBestFirst.size(); t++) {
            List<String> tier = tiersBestFirst.get(t);
            if (tier.isEmpty()) {
                throw new IllegalArgumentException("tier " + t + " is empty");
            }
            double rank = position + (tier.size() + 1) / 2.0;
            for (String name : tier) {
                if (ranks.put(Objects.requireNonNull(name, "name"), rank) != null) {
                    throw new IllegalArgumentException("candidate '" + name + "' appears twice");
                }
            }
            position += tier.size();
        }
        return new Ranking(ranks);
    }

    /**
     * Ranks candidates by score, higher score better; equal scores tie (average ranks).
     *
     * @throws IllegalArgumentException if a score is NaN or fewer than two candidates are scored
     */
    public static Ranking fromScores(Map<String, Double> scores) {
        Objects.requireNonNull(scores, "scores");
        List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
        for (Map.Entry<String, Double> e : entries) {
            if (e.getValue() == null || e.getValue().isNaN()) {
                throw new IllegalArgumentException("score of '" + e.getKey() + "' must be a number but was "
                        + e.getValue());
            }
        }
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<List<String>> tiers = new ArrayList<>();
        Double previous = null;
        for (Map.Entry<String, Double> e : entries) {
            if (previous == null || Double.compare(e.getValue(), previous) != 0) {
                tiers.add(new ArrayList<>());
            }
            tiers.get(tiers.size() - 1).add(e.getKey());
            previous = e.getValue();
        }
        return fromTiers(tiers);
    }

    /**
     * The rank of a candidate.
     *
     * @throws IllegalArgumentException if the candidate is not in this ranking
     */
    public double rank(String candidate) {
        Double r = ranks.get(candidate);
        if (r == null) {
            throw new IllegalArgumentException("candidate '" + candidate + "' is not ranked here; ranked: "
                    + candidates());
        }
        return r;
    }

    /** True when the candidate is ranked here. */
    public boolean contains(String candidate) {
        return ranks.containsKey(candidate);
    }

    /** True when every one of {@code candidates} is ranked here. */
    public boolean covers(java.util.Collection<String> candidates) {
        return ranks.keySet().containsAll(candidates);
    }

    /** The ranked candidates, best first (ties by name). */
    public List<String> candidates() {
        List<String> names = new ArrayList<>(ranks.keySet());
        names.sort(Comparator.<String>comparingDouble(ranks::get).thenComparing(Comparator.naturalOrder()));
        return names;
    }

    /** The set of ranked candidates. */
    public Set<String> candidateSet() {
        return ranks.keySet();
    }

    /** The number of ranked candidates. */
    public int size() {
        return ranks.size();
    }

    /**
     * Compares two ranked candidates: negative when {@code a} is ranked better than {@code b}, zero when tied,
     * positive when worse.
     */
    public int compare(String a, String b) {
        return Double.compare(rank(a), rank(b));
    }

    @Override
    public String toString() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String name : candidates()) {
            ordered.put(name, ranks.get(name));
        }
        return "Ranking" + ordered;
    }
}
