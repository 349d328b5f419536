package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import dev.raq.stats.Agreement;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Combines the rankings of a panel of judges on one sample into one consensus ranking.
 *
 * <p>Each judge's rank of a candidate is its mean rank over that judge's successful calls (its repeats); the
 * consensus rank of a candidate is the median of those ranks over the judges (the mean of the two middle values for
 * an even number of judges), and the candidates are re-ranked by it into a valid {@link Ranking}, equal medians
 * sharing the average of the ranks they span. The median keeps one wayward judge from moving the consensus.
 * {@link #agreement(List)} says how far the judges agree (Kendall's W), so that a consensus of judges who disagree
 * is not mistaken for a clear verdict. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Consensus {

    private Consensus() {
    }

    /**
     * The consensus of one ranking per judge: the candidates re-ranked by their median rank.
     *
     * @param rankings one ranking per judge, all of the same candidates; at least one
     * @return the consensus ranking
     * @throws IllegalArgumentException if there are no rankings or they rank different candidates (naming the index)
     */
    public static Ranking medianRank(List<Ranking> rankings) {
        Objects.requireNonNull(rankings, "rankings");
        List<Map<String, Double>> perJudge = new ArrayList<>(rankings.size());
        for (Ranking r : rankings) {
            perJudge.add(Objects.requireNonNull(r, "ranking").ranks());
        }
        return reRank(perJudge, "rankings");
    }

    /**
     * The consensus of a panel's judgments of one sample: each judge's ranks averaged over its successful calls,
     * then the median over the judges, re-ranked. Judges without a successful call are left out.
     *
     * @param judgments the judgments of one sample, one per judge
     * @return the consensus, or empty when no judge produced a ranking
     * @throws IllegalArgumentException if the judgments are of different samples, or their rankings do not all rank
     *                                  the same candidates
     */
    public static Optional<Ranking> of(List<Judgment> judgments) {
        List<Map<String, Double>> perJudge = meanRanksPerJudge(judgments);
        return perJudge.isEmpty() ? Optional.empty() : Optional.of(reRank(perJudge, "judgments"));
    }

    /**
     * How much the judges agree on one sample: Kendall's coefficient of concordance W with the tie correction
     * ({@code dev.raq.stats.Agreement.kendallW}), 1 when every judge ranks the candidates the same way, near 0 when
     * their rankings are unrelated.
     *
     * @param rankings one ranking per judge, all of the same candidates; at least two
     * @return W in [0, 1], or empty when it is undefined (every judge ties all candidates)
     * @throws IllegalArgumentException if fewer than two rankings are given or they rank different candidates
     */
    public static OptionalDouble kendallW(List<Ranking> rankings) {
        Objects.requireNonNull(rankings, "rankings");
        List<Map<String, Double>> perJudge = new ArrayList<>(rankings.size());
        for (Ranking r : rankings) {
            perJudge.add(Objects.requireNonNull(r, "ranking").ranks());
        }
        Preconditions.checkArgument(perJudge.size() >= 2, () ->
                "rankings must hold at least two rankings but had " + perJudge.size());
        return concordance(perJudge, "rankings");
    }

    /**
     * One judge's observations of one sample, with the sample as the unit: its successful calls grouped by the set
     * of candidates they rank, and each group collapsed to one ranking of the candidates by their mean rank over
     * the group's calls (ties averaged). A ranking judge's repeats give one ranking of all answers; a pairwise
     * judge's verdicts give one ranking per pair it judged (both orders of a pair collapse into one). Groups come in
     * the order of their first call.
     *
     * @param judgment one judge's judgment of one sample
     * @return one ranking per set of candidates ranked; empty when no call succeeded
     */
    public static List<Ranking> perSample(Judgment judgment) {
        List<List<Ranking>> groups = bySameCandidates(judgment);
        List<Ranking> out = new ArrayList<>(groups.size());
        for (List<Ranking> group : groups) {
            out.add(group.size() == 1 ? group.get(0) : meanRanking(group));
        }
        return out;
    }

    /**
     * How consistent one judge is with itself on one sample: Kendall's W of its repeated rankings of the same
     * candidates (1 when every repeat ranks alike).
     *
     * @param judgment one judge's judgment of one sample
     * @return W in [0, 1], or empty with fewer than two rankings of one candidate set, or when W is undefined
     */
    public static OptionalDouble selfAgreement(Judgment judgment) {
        for (List<Ranking> group : bySameCandidates(judgment)) {
            if (group.size() >= 2 && group.get(0).size() >= 2) {
                return kendallW(group);
            }
        }
        return OptionalDouble.empty();
    }

    /** A judgment's successful rankings grouped by the set of candidates they rank, in the order of first call. */
    private static List<List<Ranking>> bySameCandidates(Judgment judgment) {
        Objects.requireNonNull(judgment, "judgment");
        Map<Set<String>, List<Ranking>> groups = new java.util.LinkedHashMap<>();
        for (Ranking r : judgment.rankings()) {
            groups.computeIfAbsent(r.candidateSet(), c -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    /** The candidates re-ranked by their rank sums (exact: ranks are multiples of 1/2), so equal means tie. */
    private static Ranking meanRanking(List<Ranking> group) {
        Map<String, Double> negatedSums = new HashMap<>();
        for (Ranking r : group) {
            r.ranks().forEach((c, rank) -> negatedSums.merge(c, -rank, Double::sum));
        }
        return Ranking.fromScores(negatedSums);
    }

    /**
     * How much a panel agrees on one sample: Kendall's W (see {@link #kendallW(List)}) of each judge's ranks
     * averaged over its successful calls. Judges without a successful call are left out.
     *
     * @param judgments the judgments of one sample, one per judge
     * @return W in [0, 1], or empty when fewer than two judges produced a ranking or W is undefined
     * @throws IllegalArgumentException if the judgments are of different samples or rank different candidates
     */
    public static OptionalDouble agreement(List<Judgment> judgments) {
        List<Map<String, Double>> perJudge = meanRanksPerJudge(judgments);
        return perJudge.size() < 2 ? OptionalDouble.empty() : concordance(perJudge, "judgments");
    }

    private static OptionalDouble concordance(List<Map<String, Double>> perJudge, String argument) {
        List<String> candidates = new ArrayList<>(sameCandidates(perJudge, argument));
        double[][] ratings = new double[perJudge.size()][candidates.size()];
        for (int j = 0; j < ratings.length; j++) {
            for (int c = 0; c < candidates.size(); c++) {
                ratings[j][c] = Objects.requireNonNull(perJudge.get(j).get(candidates.get(c)));
            }
        }
        double w = Agreement.kendallW(ratings);
        return Double.isNaN(w) ? OptionalDouble.empty() : OptionalDouble.of(w);
    }

    /** Each successful judge's mean rank per candidate over its calls, in judgment order. */
    static List<Map<String, Double>> meanRanksPerJudge(List<Judgment> judgments) {
        Objects.requireNonNull(judgments, "judgments");
        List<Map<String, Double>> perJudge = new ArrayList<>();
        String sampleId = null;
        Set<String> candidates = null;
        for (int j = 0; j < judgments.size(); j++) {
            Judgment judgment = Objects.requireNonNull(judgments.get(j), "judgment");
            if (sampleId != null && !sampleId.equals(judgment.sampleId())) {
                throw new IllegalArgumentException("judgments[" + j + "] is of sample '" + judgment.sampleId()
                        + "' but judgments[0] is of sample '" + sampleId + "'");
            }
            sampleId = judgment.sampleId();
            List<Ranking> repeats = judgment.rankings();
            if (repeats.isEmpty()) {
                continue;
            }
            Map<String, Double> sums = new HashMap<>();
            for (Ranking r : repeats) {
                if (candidates == null) {
                    candidates = r.candidateSet();
                } else if (!candidates.equals(r.candidateSet())) {
                    throw new IllegalArgumentException("judgments[" + j + "] (" + judgment.judge() + ") ranks "
                            + r.candidateSet() + " but an earlier ranking ranks " + candidates
                            + "; a panel's rankings must be of the same candidates");
                }
                r.ranks().forEach((c, rank) -> sums.merge(c, rank, Double::sum));
            }
            Map<String, Double> means = new HashMap<>();
            sums.forEach((c, sum) -> means.put(c, sum / repeats.size()));
            perJudge.add(means);
        }
        return perJudge;
    }

    private static Ranking reRank(List<Map<String, Double>> perJudge, String argument) {
        Preconditions.checkArgument(!perJudge.isEmpty(), () -> argument + " must not be empty");
        Set<String> candidates = sameCandidates(perJudge, argument);
        Map<String, Double> negatedMedians = new HashMap<>();
        double[] values = new double[perJudge.size()];
        for (String c : candidates) {
            for (int j = 0; j < values.length; j++) {
                values[j] = Objects.requireNonNull(perJudge.get(j).get(c));
            }
            negatedMedians.put(c, -median(values));
        }
        return Ranking.fromScores(negatedMedians);
    }

    /** The candidates every judge ranks; they must be the same for all. */
    private static Set<String> sameCandidates(List<Map<String, Double>> perJudge, String argument) {
        Set<String> candidates = perJudge.get(0).keySet();
        for (int j = 1; j < perJudge.size(); j++) {
            if (!perJudge.get(j).keySet().equals(candidates)) {
                throw new IllegalArgumentException(argument + "[" + j + "] ranks " + perJudge.get(j).keySet()
                        + " but " + argument + "[0] ranks " + candidates
                        + "; a panel's rankings must be of the same candidates");
            }
        }
        return candidates;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
