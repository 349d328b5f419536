package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How well a judge's labels agree with gold (human) labels, item by item, in one presentation order or in both:
 * accuracy, both-orders accuracy and order consistency with Wilson intervals, Cohen's kappa and the mean accuracy
 * of the two orders with bootstrap intervals, per-class and macro precision, recall and F1, and the confusion
 * matrix; plus {@link #majorityVote} to turn several annotators' labels into one gold label. This is how LLMBar
 * and PandaLM measure a judge before trusting it. Immutable and thread-safe.
 *
 * <p>Labels are non-negative ints (for a pairwise judge, say, 0 = tie, 1 = first answer, 2 = second answer), and
 * {@link #FAILED} is the verdict of a call that failed or could not be parsed. A swapped-order verdict is given
 * already mapped back to the item's own numbering, so that a consistent judge gives the same label in both orders.
 * The rules, and where they come from:
 * <ul>
 *   <li><b>Accuracy</b>: the share of items whose verdict equals the gold label; a failed call never equals it
 *       (LLMBar {@code LLMEvaluator/evaluate.py}: an unparsed verdict is {@code None}, never the gold string).</li>
 *   <li><b>Both orders correct</b>: the share of items judged correctly in both orders (LLMBar
 *       {@code correct_both}); the <b>mean accuracy</b> is the mean of the two orders' accuracies (LLMBar
 *       {@code correct_average}).</li>
 *   <li><b>Order consistency</b>: the share of items with the same verdict in both orders; two failed calls count
 *       as the same verdict, as upstream compares {@code None == None} (LLMBar {@code equal}, its "positional
 *       agreement rate").</li>
 *   <li><b>Cohen's kappa</b> of verdicts against gold, by {@link Agreement#cohenKappa}, with a failed call as a
 *       category of its own, so a failure always counts as a disagreement (scikit-learn's
 *       {@code cohen_kappa_score(gold, verdicts)} with the failure as one more label). NaN when undefined.</li>
 *   <li><b>Precision, recall and F1</b> per class in {@code labels}, with {@code zero_division=0}: as scikit-learn's
 *       {@code precision_recall_fscore_support(gold, verdicts, labels=labels, zero_division=0)}, precision =
 *       TP / predicted, recall = TP / support and F1 = 2·TP / (predicted + support), each 0 when its denominator is
 *       0. A failed call is in no class's predicted count: it is only a false negative of its gold class. The macro
 *       averages are unweighted means over {@code labels}; the macro F1 is the mean of the per-class F1 scores, as
 *       scikit-learn's {@code average='macro'} and PandaLM's {@code data/compute_metrics.py} compute it.</li>
 * </ul>
 *
 * <p>Intervals, at the bootstrap's {@linkplain Bootstrap#confidence() confidence}: accuracy, both-orders accuracy
 * and order consistency are proportions of items, each item one trial, with Wilson's score interval
 * ({@link ProportionCi.Method#WILSON}, good coverage for small samples and near 0 or 1). Kappa and the mean accuracy
 * are not proportions of independent trials, so they get a percentile bootstrap interval: each round resamples
 * whole items with replacement (an item's gold label and both its verdicts move together) from the bootstrap's
 * seed; rounds whose resample leaves kappa undefined are left out and counted.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class JudgeAgreement {

    /** The verdict of a call that failed or could not be parsed: it never equals a gold label. */
    public static final int FAILED = -1;

    /** What {@link #majorityVote} returns under {@link TieBreak#NONE} when no label has more votes than all others. */
    public static final int NO_MAJORITY = -1;

    /** What {@link #majorityVote} does when two or more labels share the most votes. */
    public enum TieBreak {
        /**
         * The tied label voted first wins: PandaLM's {@code get_majority_vote} ({@code data/compute_metrics.py}),
         * Python's {@code max} over a dict of vote counts in order of first appearance; with three annotators and
         * three different votes, the first annotator's vote.
         */
        FIRST_VOTE,
        /**
         * No label wins: {@link #NO_MAJORITY}, so that the caller can leave the item out, as LLMBar did for the
         * MT-bench human judgments ("we get the gold preferences by majority vote. We remove all TIE instances",
         * LLMBar README).
         */
        NONE
    }

    /**
     * A share of items with its interval.
     *
     * @param count    the items counted, in [0, total]
     * @param total    the items, at least 1
     * @param interval the interval of {@code count / total}
     */
    public record Proportion(int count, int total, ConfidenceInterval interval) {

        /**
         * Validates the counts.
         *
         * @throws IllegalArgumentException if total &lt; 1 or count is outside [0, total]
         */
        public Proportion {
            Objects.requireNonNull(interval, "interval");
            Preconditions.checkArgument(total >= 1, () -> "total must be at least 1 but was " + total);
            Preconditions.checkArgument(count >= 0 && count <= total, () ->
                    "count must be in [0, " + total + "] but was " + count);
        }

        /** {@code count / total}. */
        public double value() {
            return (double) count / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d = %.4g %s", count, total, value(), interval);
        }
    }

    /**
     * Precision, recall and F1 of one class, with {@code zero_division=0}.
     *
     * @param label         the class
     * @param support       the items whose gold label is this class
     * @param predicted     the items whose verdict is this class
     * @param truePositives the items whose gold label and verdict are both this class
     * @param precision     {@code truePositives / predicted}, 0 when nothing was predicted as this class
     * @param recall        {@code truePositives / support}, 0 when no item is of this class
     * @param f1            {@code 2·truePositives / (predicted + support)}, 0 when both are 0
     */
    public record ClassScores(int label, int support, int predicted, int truePositives, double precision,
                              double recall, double f1) {
    }

    /** The agreement of the verdicts in one presentation order with the gold labels. */
    public static final class Order {

        private final Proportion accuracy;
        private final int failed;
        private final double kappa;
        private final @Nullable ConfidenceInterval kappaInterval;
        private final int kappaUndefinedRounds;
        private final List<ClassScores> classScores;
        private final double macroPrecision;
        private final double macroRecall;
        private final double macroF1;
        private final int[][] confusion;

        Order(Proportion accuracy, int failed, double kappa, @Nullable ConfidenceInterval kappaInterval,
              int kappaUndefinedRounds, List<ClassScores> classScores, int[][] confusion) {
            this.accuracy = accuracy;
            this.failed = failed;
            this.kappa = kappa;
            this.kappaInterval = kappaInterval;
            this.kappaUndefinedRounds = kappaUndefinedRounds;
            this.classScores = List.copyOf(classScores);
            double p = 0;
            double r = 0;
            double f = 0;
            for (ClassScores c : classScores) {
                p += c.precision();
                r += c.recall();
                f += c.f1();
            }
            this.macroPrecision = p / classScores.size();
            this.macroRecall = r / classScores.size();
            this.macroF1 = f / classScores.size();
            this.confusion = confusion;
        }

        /** The share of items whose verdict equals the gold label (a failed call never does), Wilson interval. */
        public Proportion accuracy() {
            return accuracy;
        }

        /** The number of failed calls ({@link #FAILED} verdicts). */
        public int failed() {
            return failed;
        }

        /** Cohen's kappa of the verdicts (a failure a category of its own) against gold; NaN when undefined. */
        public double kappa() {
            return kappa;
        }

        /** The percentile bootstrap interval of {@link #kappa()}; empty when kappa is undefined in every round. */
        public Optional<ConfidenceInterval> kappaInterval() {
            return Optional.ofNullable(kappaInterval);
        }

        /** The bootstrap rounds left out of {@link #kappaInterval()} because kappa was undefined in them. */
        public int kappaUndefinedRounds() {
            return kappaUndefinedRounds;
        }

        /** Precision, recall and F1 of each class, in the order of the labels given. */
        public List<ClassScores> classScores() {
            return classScores;
        }

        /** The unweighted mean of the per-class precisions. */
        public double macroPrecision() {
            return macroPrecision;
        }

        /** The unweighted mean of the per-class recalls. */
        public double macroRecall() {
            return macroRecall;
        }

        /** The unweighted mean of the per-class F1 scores (not the F1 of the macro precision and recall). */
        public double macroF1() {
            return macroF1;
        }

        /**
         * The confusion matrix: row {@code r} counts the items whose gold label is {@code labels()[r]}, column
         * {@code c} those whose verdict is {@code labels()[c]}, and the last column ({@code c = labels().length})
         * the failed calls.
         *
         * @return a copy
         */
        public int[][] confusionMatrix() {
            int[][] copy = new int[confusion.length][];
            for (int i = 0; i < confusion.length; i++) {
                copy[i] = confusion[i].clone();
            }
            return copy;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "accuracy %s, kappa %.4g %s, macro P/R/F1 %.4g/%.4g/%.4g, %d failed",
                    accuracy, kappa, kappaInterval == null ? "(no interval)" : kappaInterval, macroPrecision,
                    macroRecall, macroF1, failed);
        }
    }

    /** What only both presentation orders together show: accuracy in both, the mean accuracy, consistency. */
    public static final class BothOrders {

        private final Proportion bothCorrect;
        private final Proportion consistent;
        private final double meanAccuracy;
        private final ConfidenceInterval meanAccuracyInterval;

        BothOrders(Proportion bothCorrect, Proportion consistent, double meanAccuracy,
                   ConfidenceInterval meanAccuracyInterval) {
            this.bothCorrect = bothCorrect;
            this.consistent = consistent;
            this.meanAccuracy = meanAccuracy;
            this.meanAccuracyInterval = meanAccuracyInterval;
        }

        /** The share of items judged correctly in both orders (LLMBar {@code correct_both}), Wilson interval. */
        public Proportion bothCorrect() {
            return bothCorrect;
        }

        /**
         * The share of items with the same verdict in both orders, two failed calls counting as the same (LLMBar
         * {@code equal}), Wilson interval.
         */
        public Proportion consistent() {
            return consistent;
        }

        /** The mean of the two orders' accuracies (LLMBar {@code correct_average}). */
        public double meanAccuracy() {
            return meanAccuracy;
        }

        /** The percentile bootstrap interval of {@link #meanAccuracy()}, resampling items. */
        public ConfidenceInterval meanAccuracyInterval() {
            return meanAccuracyInterval;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "both correct %s, consistent %s, mean accuracy %.4g %s", bothCorrect,
                    consistent, meanAccuracy, meanAccuracyInterval);
        }
    }

    private final int[] labels;
    private final int items;
    private final Bootstrap bootstrap;
    private final Order original;
    private final @Nullable Order swapped;
    private final @Nullable BothOrders bothOrders;

    private JudgeAgreement(int[] labels, int items, Bootstrap bootstrap, Order original, @Nullable Order swapped,
                           @Nullable BothOrders bothOrders) {
        this.labels = labels;
        this.items = items;
        this.bootstrap = bootstrap;
        this.original = original;
        this.swapped = swapped;
        this.bothOrders = bothOrders;
    }

    /**
     * The agreement of verdicts in one order with gold labels, with the default bootstrap
     * ({@link Bootstrap#DEFAULT_ROUNDS} rounds, 95 %, seed {@value Bootstrap#DEFAULT_SEED}).
     *
     * @see #of(int[], int[], int[], int[], Bootstrap)
     */
    public static JudgeAgreement of(int[] labels, int[] gold, int[] verdicts) {
        return of(labels, gold, verdicts, null, Bootstrap.builder().build());
    }

    /**
     * The agreement of verdicts in both orders with gold labels, with the default bootstrap
     * ({@link Bootstrap#DEFAULT_ROUNDS} rounds, 95 %, seed {@value Bootstrap#DEFAULT_SEED}).
     *
     * @see #of(int[], int[], int[], int[], Bootstrap)
     */
    public static JudgeAgreement of(int[] labels, int[] gold, int[] original, int[] swapped) {
        return of(labels, gold, original, Objects.requireNonNull(swapped, "swapped"), Bootstrap.builder().build());
    }

    /**
     * The agreement of a judge's verdicts with gold labels, by the rules of the class description.
     *
     * @param labels    the classes, distinct and non-negative, in the order results list them; precision, recall
     *                  and F1 are computed for each and macro-averaged over them
     * @param gold      the gold label of each item, each one of {@code labels}
     * @param original  the verdict on each item in the original order: one of {@code labels} or {@link #FAILED}
     * @param swapped   the verdict on each item with the answers swapped, mapped back to the item's numbering; one
     *                  of {@code labels} or {@link #FAILED}; null when only one order was judged
     * @param bootstrap rounds, seed and confidence of the intervals (the confidence is also the Wilson intervals');
     *                  only {@link Bootstrap.Method#PERCENTILE} is offered
     * @return the agreement
     * @throws IllegalArgumentException if there are no items or labels, the arrays differ in length, a label
     *                                  repeats or is negative, a gold label or verdict is not one of the labels (or
     *                                  {@link #FAILED}), or the bootstrap asks for BCa
     */
    public static JudgeAgreement of(int[] labels, int[] gold, int[] original, int @Nullable [] swapped,
                                    Bootstrap bootstrap) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Preconditions.checkArgument(bootstrap.method() == Bootstrap.Method.PERCENTILE, () ->
                "only the percentile bootstrap is offered for kappa and the mean accuracy but the bootstrap asks for "
                        + bootstrap.method());
        Preconditions.checkArgument(labels.length >= 1, "labels is empty");
        int[] classes = labels.clone();
        for (int i = 0; i < classes.length; i++) {
            int label = classes[i];
            int index = i;
            Preconditions.checkArgument(label >= 0, () -> "labels must be non-negative but labels[" + index + "] was "
                    + label);
            for (int j = 0; j < i; j++) {
                int at = j;
                Preconditions.checkArgument(classes[j] != label, () -> "labels repeat " + label + " at " + at);
            }
        }
        int n = gold.length;
        Preconditions.checkArgument(n >= 1, "gold is empty");
        checkVerdicts("gold", gold, classes, n, false);
        checkVerdicts("original", original, classes, n, true);
        if (swapped != null) {
            checkVerdicts("swapped", swapped, classes, n, true);
        }
        double alpha = 1 - bootstrap.confidence();
        Kappas kappas = bootstrapKappas(gold, original, swapped, bootstrap);
        Order first = order(classes, gold, original, alpha, kappas.original, kappas.originalUndefined, bootstrap);
        if (swapped == null) {
            return new JudgeAgreement(classes, n, bootstrap, first, null, null);
        }
        Order second = order(classes, gold, swapped, alpha, Objects.requireNonNull(kappas.swapped),
                kappas.swappedUndefined, bootstrap);
        int both = 0;
        int consistent = 0;
        for (int i = 0; i < n; i++) {
            both += original[i] == gold[i] && swapped[i] == gold[i] ? 1 : 0;
            consistent += original[i] == swapped[i] ? 1 : 0;
        }
        double mean = (first.accuracy().value() + second.accuracy().value()) / 2;
        ConfidenceInterval meanInterval = BootstrapIntervals.interval(Objects.requireNonNull(kappas.meanAccuracy),
                bootstrap.confidence(), Double.NaN, null, null, "the mean accuracy");
        BothOrders orders = new BothOrders(proportion(both, n, alpha), proportion(consistent, n, alpha), mean,
                meanInterval);
        return new JudgeAgreement(classes, n, bootstrap, first, second, orders);
    }

    /**
     * The majority label of several annotators' votes on one item.
     *
     * @param rule  what happens when labels share the most votes
     * @param votes the labels, at least one, each non-negative
     * @return the label with the most votes; on a tie the one voted first ({@link TieBreak#FIRST_VOTE}) or
     *         {@link #NO_MAJORITY} ({@link TieBreak#NONE})
     * @throws IllegalArgumentException if there are no votes or a vote is negative
     */
    public static int majorityVote(TieBreak rule, int... votes) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(votes, "votes");
        Preconditions.checkArgument(votes.length >= 1, "votes is empty");
        int best = NO_MAJORITY;
        int bestCount = 0;
        boolean shared = false;
        for (int i = 0; i < votes.length; i++) {
            int v = votes[i];
            int at = i;
            Preconditions.checkArgument(v >= 0, () -> "votes must be non-negative but votes[" + at + "] was " + v);
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = votes[j] == v;
            }
            if (seen) {
                continue;
            }
            int count = 0;
            for (int j = i; j < votes.length; j++) {
                count += votes[j] == v ? 1 : 0;
            }
            if (count > bestCount) {
                best = v;
                bestCount = count;
                shared = false;
            } else if (count == bestCount) {
                shared = true;
            }
        }
        return shared && rule == TieBreak.NONE ? NO_MAJORITY : best;
    }

    /** The classes, in the order given. */
    public int[] labels() {
        return labels.clone();
    }

    /** The number of items. */
    public int items() {
        return items;
    }

    /** The bootstrap of the intervals: its confidence, rounds and seed. */
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    /** The agreement in the original order (the only order, when one was judged). */
    public Order original() {
        return original;
    }

    /** The agreement in the swapped order, when both were judged. */
    public Optional<Order> swapped() {
        return Optional.ofNullable(swapped);
    }

    /** Accuracy in both orders, the mean accuracy and order consistency, when both orders were judged. */
    public Optional<BothOrders> bothOrders() {
        return Optional.ofNullable(bothOrders);
    }

    @Override
    public String toString() {
        return "JudgeAgreement[" + items + " items, labels " + Arrays.toString(labels) + ", original: " + original
                + (swapped == null ? "" : "; swapped: " + swapped + "; " + bothOrders) + "]";
    }

    private static void checkVerdicts(String name, int[] values, int[] classes, int n, boolean failureAllowed) {
        Preconditions.checkArgument(values.length == n, () -> name + " must have " + n + " items (as gold) but had "
                + values.length);
        for (int i = 0; i < n; i++) {
            int v = values[i];
            if (failureAllowed && v == FAILED || indexOf(classes, v) >= 0) {
                continue;
            }
            int at = i;
            throw new IllegalArgumentException(name + "[" + at + "] = " + v + " is not one of the labels "
                    + Arrays.toString(classes) + (failureAllowed ? " or FAILED (" + FAILED + ")" : ""));
        }
    }

    private static int indexOf(int[] classes, int label) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == label) {
                return i;
            }
        }
        return -1;
    }

    private static Proportion proportion(int count, int n, double alpha) {
        return new Proportion(count, n, ProportionCi.of(count, n, alpha, ProportionCi.Method.WILSON));
    }

    private static Order order(int[] classes, int[] gold, int[] verdicts, double alpha, double[] kappaReplicates,
                               int undefinedRounds, Bootstrap bootstrap) {
        int k = classes.length;
        int[][] confusion = new int[k][k + 1];
        int correct = 0;
        int failed = 0;
        for (int i = 0; i < gold.length; i++) {
            int row = indexOf(classes, gold[i]);
            int column = verdicts[i] == FAILED ? k : indexOf(classes, verdicts[i]);
            confusion[row][column]++;
            correct += verdicts[i] == gold[i] ? 1 : 0;
            failed += verdicts[i] == FAILED ? 1 : 0;
        }
        List<ClassScores> scores = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
            }
            for (int j = 0; j <= k; j++) {
                support += confusion[c][j];
            }
            scores.add(new ClassScores(classes[c], support, predicted, tp, ratio(tp, predicted), ratio(tp, support),
                    ratio(2 * tp, predicted + support)));
        }
        double kappa = Agreement.cohenKappa(verdicts, gold);
        ConfidenceInterval kappaInterval = Double.isNaN(kappa) || undefinedRounds == kappaReplicates.length ? null
                : BootstrapIntervals.interval(finite(kappaReplicates), bootstrap.confidence(), Double.NaN, null, null,
                "kappa");
        return new Order(proportion(correct, gold.length, alpha), failed, kappa, kappaInterval, undefinedRounds,
                scores, confusion);
    }

    /** {@code numerator / denominator}, or 0 when the denominator is 0 (scikit-learn's {@code zero_division=0}). */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** The bootstrap replicates: kappa of each order (NaN where undefined) and the mean accuracy. */
    private static final class Kappas {
        final double[] original;
        final int originalUndefined;
        final double @Nullable [] swapped;
        final int swappedUndefined;
        final double @Nullable [] meanAccuracy;

        Kappas(double[] original, double @Nullable [] swapped, double @Nullable [] meanAccuracy) {
            this.original = original;
            this.originalUndefined = countNaN(original);
            this.swapped = swapped;
            this.swappedUndefined = swapped == null ? 0 : countNaN(swapped);
            this.meanAccuracy = meanAccuracy;
        }

        private static int countNaN(double[] values) {
            int count = 0;
            for (double v : values) {
                count += Double.isNaN(v) ? 1 : 0;
            }
            return count;
        }
    }

    private static Kappas bootstrapKappas(int[] gold, int[] original, int @Nullable [] swapped, Bootstrap bootstrap) {
        int n = gold.length;
        int rounds = bootstrap.rounds();
        double[] kappaOriginal = new double[rounds];
        double[] kappaSwapped = swapped == null ? null : new double[rounds];
        double[] meanAccuracy = swapped == null ? null : new double[rounds];
        ThreadLocal<int[][]> buffers = ThreadLocal.withInitial(() -> new int[3][n]);
        bootstrap.forEachRound((round, random) -> {
            int[][] buffer = buffers.get();
            int[] g = buffer[0];
            int[] o = buffer[1];
            int[] s = buffer[2];
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                g[i] = gold[pick];
                o[i] = original[pick];
                correct += o[i] == g[i] ? 1 : 0;
                if (swapped != null) {
                    s[i] = swapped[pick];
                    correct += s[i] == g[i] ? 1 : 0;
                }
            }
            kappaOriginal[round] = Agreement.cohenKappa(o, g);
            if (kappaSwapped != null && meanAccuracy != null) {
                kappaSwapped[round] = Agreement.cohenKappa(s, g);
                meanAccuracy[round] = correct / (2.0 * n);
            }
        });
        return new Kappas(kappaOriginal, kappaSwapped, meanAccuracy);
    }
}
