package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import dev.raq.core.internal.MarkdownText;
import dev.raq.core.judge.ReportSection;
import dev.raq.stats.Agreement;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.JudgeAgreement;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pairwise judge measured against human labels before it is trusted ("judging the judge"), as LLMBar and
 * PandaLM do: accuracy in each presentation order, their mean, both-orders accuracy and order consistency, Cohen's
 * kappa, per-class and macro precision, recall and F1, and the confusion matrix, each with an interval; the gold
 * label can be the majority vote of several annotators, whose agreement among themselves is shown too. The
 * statistics and their rules are {@link JudgeAgreement}'s; this class reads labels, applies the dataset rules below,
 * and shows the result as a {@link ReportSection} (Markdown, JSON, HTML). Immutable and thread-safe.
 *
 * <pre>{@code
 * JudgeValidation v = JudgeValidation.builder().judge("gpt-4o")
 *         .item("q1", "A", "A", "B")        // gold, verdict in the original order, in the swapped order
 *         .item("q2", "B", "B", null)       // the swapped call failed
 *         .build();
 * System.out.println(v.toMarkdown());
 * }</pre>
 *
 * <p>Labels name the item's own answers: {@code "A"} (also {@code "1"}, {@code "A>B"}, {@code "[[A>>B]]"}) for the
 * first, {@code "B"} ({@code "2"}, {@code "B>A"} …) for the second, {@code "tie"} ({@code "0"}, {@code "A=B"}) for
 * a tie; a failed or unparsable call is null or empty. A verdict from the swapped order must already be mapped
 * back to the item's numbering (LLMBar's recorded {@code winner} is; for RAQ {@link Verdict}s as the judge saw the
 * positions, use {@link Builder#verdicts}). The rules, from the two references:
 * <ul>
 *   <li><b>Failed calls</b>, {@link FailedCalls}: {@link FailedCalls#WRONG} (LLMBar: never equal to gold, two failed
 *       calls count as the same verdict for order consistency) or {@link FailedCalls#TIE} (PandaLM: its
 *       {@code garbage} counts as a tie). Either way, how many calls failed is shown.</li>
 *   <li><b>Majority vote</b> of several annotators, {@link MajorityRule}: {@link MajorityRule#PANDALM} (a tie
 *       between vote counts goes to the label voted first: with three annotators who all disagree, the first
 *       annotator's) or {@link MajorityRule#LLMBAR} (items without a single most-voted label, and items whose gold
 *       label is a tie, are left out and listed).</li>
 *   <li><b>Classes</b> of the per-class and macro scores: A and B, and tie when a gold label or a verdict is a tie
 *       (scikit-learn's default, the labels that occur) or when {@link Builder#tieClass(boolean)} says so (PandaLM's
 *       fixed classes {0, 1, 2}); scores are 0 where a denominator is 0 ({@code zero_division=0}).</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class JudgeValidation implements ReportSection {

    /** The judge's name when none is given: {@value}. */
    public static final String DEFAULT_JUDGE = "judge";

    /** A preference label: the item's first answer, its second, or a tie. */
    public enum Label {
        /** The item's first answer is better. */
        A("A", 1),
        /** The item's second answer is better. */
        B("B", 2),
        /** Neither is better. */
        TIE("tie", 0);

        private final String text;
        private final int code;

        Label(String text, int code) {
            this.text = text;
            this.code = code;
        }

        /** The label as reports show it: {@code "A"}, {@code "B"} or {@code "tie"}. */
        public String text() {
            return text;
        }

        /**
         * The label in a text: {@code A}, {@code 1}, {@code A>B}, {@code A>>B} (the first answer), {@code B},
         * {@code 2}, {@code B>A}, {@code B>>A} (the second), {@code tie}, {@code 0}, {@code A=B} (a tie); letters in
         * either case, surrounding white space and {@code [[ ]]} ignored.
         *
         * @return the label, or null for a failed call (null, empty or blank text)
         * @throws IllegalArgumentException naming the text when it is none of these
         */
        public static @Nullable Label parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip();
            switch (t.toUpperCase(Locale.ROOT)) {
                case "A", "1":
                    return A;
                case "B", "2":
                    return B;
                case "TIE", "0":
                    return TIE;
                default:
                    Verdict v = Verdict.fromLabel(t.toUpperCase(Locale.ROOT));
                    if (v == null) {
                        throw new IllegalArgumentException("'" + t + "' is not a preference label; expected A, B or "
                                + "tie (or 1, 2, 0, or a verdict such as A>B, A=B, B>A); give a failed call as null "
                                + "or empty");
                    }
                    return of(v);
            }
        }

        /** The label of a verdict about positions as shown: A for {@code A>B} and {@code A>>B}, and so on. */
        public static Label of(Verdict verdict) {
            Objects.requireNonNull(verdict, "verdict");
            return verdict.winner().map(side -> side == Verdict.Side.A ? A : B).orElse(TIE);
        }
    }

    /** What a failed or unparsable judge call counts as. */
    public enum FailedCalls {
        /**
         * LLMBar's rule ({@code LLMEvaluator/evaluate.py}): the verdict is missing, so it never equals a gold label;
         * two failed calls on one item count as the same verdict in order consistency.
         */
        WRONG,
        /** PandaLM's rule ({@code data/compute_metrics.py}): an unparsable judge output ({@code garbage}) is a tie. */
        TIE
    }

    /** How several annotators' labels on one item become its gold label. */
    public enum MajorityRule {
        /**
         * PandaLM's {@code get_majority_vote} ({@code data/compute_metrics.py}): the most-voted label; between labels
         * with equally many votes, the one voted first (three annotators who all disagree: the first one's).
         */
        PANDALM,
        /**
         * LLMBar's rule for the MT-bench human judgments (README: "we get the gold preferences by majority vote. We
         * remove all TIE instances"): the most-voted label when one has more votes than every other; items without
         * one, and items whose gold label is a tie, are left out.
         */
        LLMBAR
    }

    private final String judge;
    private final FailedCalls failedCalls;
    private final MajorityRule majorityRule;
    private final List<Label> classes;
    private final JudgeAgreement agreement;
    private final int failedOriginal;
    private final int failedSwapped;
    private final int annotated;
    private final int splitVotes;
    private final List<String> droppedItems;
    private final Map<String, Double> annotatorKappas;

    private JudgeValidation(Builder b, List<Label> classes, JudgeAgreement agreement, int failedOriginal,
                            int failedSwapped, int annotated, int splitVotes, List<String> droppedItems,
                            Map<String, Double> annotatorKappas) {
        this.judge = b.judge;
        this.failedCalls = b.failedCalls;
        this.majorityRule = b.majorityRule;
        this.classes = List.copyOf(classes);
        this.agreement = agreement;
        this.failedOriginal = failedOriginal;
        this.failedSwapped = failedSwapped;
        this.annotated = annotated;
        this.splitVotes = splitVotes;
        this.droppedItems = List.copyOf(droppedItems);
        this.annotatorKappas = Collections.unmodifiableMap(new LinkedHashMap<>(annotatorKappas));
    }

    /** A builder with the defaults: LLMBar's failed-call rule, PandaLM's majority rule, the default bootstrap. */
    public static Builder builder() {
        return new Builder();
    }

    /** The judge's name. */
    public String judge() {
        return judge;
    }

    /** The statistics, computed on the items kept (see {@link #droppedItems()}); labels are {@link #classes()}'. */
    public JudgeAgreement agreement() {
        return agreement;
    }

    /** The classes of the per-class scores, in the order of {@link JudgeAgreement#labels()}. */
    public List<Label> classes() {
        return classes;
    }

    /** What a failed call counted as. */
    public FailedCalls failedCalls() {
        return failedCalls;
    }

    /** How several annotators' votes became a gold label. */
    public MajorityRule majorityRule() {
        return majorityRule;
    }

    /** The number of items the statistics are computed on. */
    public int items() {
        return agreement.items();
    }

    /** The failed calls in the original order, among the items kept, whatever they counted as. */
    public int failedCallsOriginal() {
        return failedOriginal;
    }

    /** The failed calls in the swapped order, among the items kept (0 when one order was judged). */
    public int failedCallsSwapped() {
        return failedSwapped;
    }

    /** The items whose gold label came from two or more annotators' votes. */
    public int annotatedByMajority() {
        return annotated;
    }

    /**
     * The items whose votes had no single most-voted label: decided by the first vote ({@link MajorityRule#PANDALM})
     * or left out ({@link MajorityRule#LLMBAR}).
     */
    public int splitVotes() {
        return splitVotes;
    }

    /** The ids of the items left out by {@link MajorityRule#LLMBAR}, in the order given. */
    public List<String> droppedItems() {
        return droppedItems;
    }

    /**
     * Cohen's kappa between each two annotators (keys such as {@code "1-2"}, 1-based in the order of the votes), on
     * every item given, when every item has the same number (two or more) of votes; empty otherwise. A judge can
     * hardly be expected to agree with the majority more than the annotators agree with each other.
     */
    public Map<String, Double> annotatorKappas() {
        return annotatorKappas;
    }

    @Override
    public String title() {
        return "Judge validation of " + judge + " against human labels";
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "judgeValidation");
        out.put("judge", judge);
        out.put("items", items());
        out.put("droppedItems", droppedItems);
        out.put("annotatedByMajority", annotated);
        out.put("splitVotes", splitVotes);
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("failedCalls", failedCalls.name());
        rules.put("majority", majorityRule.name());
        rules.put("classes", classes.stream().map(Label::text).toList());
        rules.put("confidence", agreement.bootstrap().confidence());
        rules.put("proportionIntervals", "Wilson");
        rules.put("kappaIntervals", "percentile bootstrap over items, " + agreement.bootstrap().rounds()
                + " rounds, seed " + agreement.bootstrap().seed());
        out.put("rules", rules);
        Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("original", orderMap(agreement.original(), failedOriginal));
        agreement.swapped().ifPresent(s -> orders.put("swapped", orderMap(s, failedSwapped)));
        out.put("orders", orders);
        agreement.bothOrders().ifPresent(both -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("meanAccuracy", finite(both.meanAccuracy()));
            map.put("meanAccuracyInterval", interval(both.meanAccuracyInterval()));
            map.put("bothCorrect", proportion(both.bothCorrect()));
            map.put("consistent", proportion(both.consistent()));
            out.put("bothOrders", map);
        });
        Map<String, Object> kappas = new LinkedHashMap<>();
        annotatorKappas.forEach((pair, k) -> kappas.put(pair, finite(k)));
        out.put("annotatorKappas", kappas);
        return out;
    }

    private Map<String, Object> orderMap(JudgeAgreement.Order o, int failed) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", proportion(o.accuracy()));
        map.put("failedCalls", failed);
        map.put("kappa", finite(o.kappa()));
        map.put("kappaInterval", o.kappaInterval().map(JudgeValidation::interval).orElse(null));
        map.put("kappaUndefinedRounds", o.kappaUndefinedRounds());
        map.put("macroPrecision", finite(o.macroPrecision()));
        map.put("macroRecall", finite(o.macroRecall()));
        map.put("macroF1", finite(o.macroF1()));
        List<Object> perClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            JudgeAgreement.ClassScores s = o.classScores().get(c);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", classes.get(c).text());
            row.put("support", s.support());
            row.put("predicted", s.predicted());
            row.put("truePositives", s.truePositives());
            row.put("precision", finite(s.precision()));
            row.put("recall", finite(s.recall()));
            row.put("f1", finite(s.f1()));
            perClass.add(row);
        }
        map.put("classes", perClass);
        int[][] confusion = o.confusionMatrix();
        Map<String, Object> matrix = new LinkedHashMap<>();
        for (int r = 0; r < classes.size(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                row.put(classes.get(c).text(), confusion[r][c]);
            }
            row.put("failed", confusion[r][classes.size()]);
            matrix.put(classes.get(r).text(), row);
        }
        map.put("confusion", matrix);
        return map;
    }

    private static Map<String, Object> proportion(JudgeAgreement.Proportion p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", p.count());
        map.put("total", p.total());
        map.put("value", p.value());
        map.put("interval", interval(p.interval()));
        return map;
    }

    private static Map<String, Object> interval(ConfidenceInterval ci) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lower", ci.lower());
        map.put("upper", ci.upper());
        map.put("level", ci.level());
        return map;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        Bootstrap bootstrap = agreement.bootstrap();
        boolean both = agreement.swapped().isPresent();
        sb.append("Judge ").append(esc(judge)).append(" against human labels on ").append(items()).append(" items")
                .append(both ? ", each judged in both presentation orders" : ", judged in one order").append(". ");
        if (annotated > 0) {
            sb.append("The gold label of ").append(annotated).append(" items is the annotators' majority (")
                    .append(majorityRule == MajorityRule.PANDALM ? "PandaLM's rule: " + splitVotes
                            + " split votes went to the first annotator" : "LLMBar's rule: items without a "
                            + "majority or with a tie left out").append("). ");
        }
        if (!droppedItems.isEmpty()) {
            sb.append(droppedItems.size()).append(" items left out: ").append(ids(droppedItems)).append(". ");
        }
        sb.append(failedCalls == FailedCalls.WRONG ? "Failed calls count as wrong (LLMBar): "
                : "Failed calls count as ties (PandaLM): ").append(failedOriginal)
                .append(both ? " in the original order, " + failedSwapped + " in the swapped order" : "")
                .append(". Intervals at ").append(level(bootstrap.confidence()))
                .append(": Wilson for shares of items; percentile bootstrap over items (")
                .append(bootstrap.rounds()).append(" rounds, seed ").append(bootstrap.seed())
                .append(both ? ") for kappa and the mean accuracy.\n\n" : ") for kappa.\n\n");

        List<List<String>> rows = new ArrayList<>();
        JudgeAgreement.Order original = agreement.original();
        rows.add(row(both ? "Accuracy, original order" : "Accuracy", share(original.accuracy()),
                range(original.accuracy().interval(), true)));
        agreement.swapped().ifPresent(s -> rows.add(row("Accuracy, swapped order", share(s.accuracy()),
                range(s.accuracy().interval(), true))));
        agreement.bothOrders().ifPresent(o -> {
            rows.add(row("Mean accuracy of both orders", pct(o.meanAccuracy()), range(o.meanAccuracyInterval(), true)));
            rows.add(row("Correct in both orders", share(o.bothCorrect()), range(o.bothCorrect().interval(), true)));
            rows.add(row("Same verdict in both orders", share(o.consistent()),
                    range(o.consistent().interval(), true)));
        });
        rows.add(row(both ? "Cohen's kappa, original order" : "Cohen's kappa", kappa(original.kappa()),
                kappaRange(original)));
        agreement.swapped().ifPresent(s -> rows.add(row("Cohen's kappa, swapped order", kappa(s.kappa()),
                kappaRange(s))));
        for (Map.Entry<String, Double> e : annotatorKappas.entrySet()) {
            rows.add(row("Cohen's kappa, annotators " + e.getKey(), kappa(e.getValue()), ""));
        }
        table(sb, List.of("Measure", "Value", level(bootstrap.confidence()) + " interval"), "-:-", rows);

        sb.append("\nPer class (").append(classes.stream().map(Label::text).reduce((a, b) -> a + ", " + b)
                .orElse("")).append("; macro = unweighted mean; 0 where nothing was predicted or true):\n\n");
        List<List<String>> classRows = new ArrayList<>();
        addClassRows(classRows, both ? "original" : "", original);
        agreement.swapped().ifPresent(s -> addClassRows(classRows, "swapped", s));
        table(sb, both ? List.of("Order", "Class", "Gold", "Predicted", "Precision", "Recall", "F1")
                : List.of("Class", "Gold", "Predicted", "Precision", "Recall", "F1"), both ? "--:::::" : "-:::::",
                both ? classRows : classRows.stream().map(r -> r.subList(1, r.size())).toList());

        appendConfusion(sb, both ? "original order" : "", original);
        agreement.swapped().ifPresent(s -> appendConfusion(sb, "swapped order", s));
        return sb.toString();
    }

    private void addClassRows(List<List<String>> rows, String order, JudgeAgreement.Order o) {
        for (int c = 0; c < classes.size(); c++) {
            JudgeAgreement.ClassScores s = o.classScores().get(c);
            rows.add(List.of(order, classes.get(c).text(), String.valueOf(s.support()), String.valueOf(s.predicted()),
                    num(s.precision()), num(s.recall()), num(s.f1())));
        }
        rows.add(List.of(order, "macro", "", "", num(o.macroPrecision()), num(o.macroRecall()), num(o.macroF1())));
    }

    private void appendConfusion(StringBuilder sb, String order, JudgeAgreement.Order o) {
        sb.append("\nConfusion matrix").append(order.isEmpty() ? "" : ", " + order)
                .append(" (rows: human label, columns: the judge's verdict):\n\n");
        List<String> header = new ArrayList<>();
        header.add("Human label");
        classes.forEach(c -> header.add(c.text()));
        header.add("failed");
        int[][] m = o.confusionMatrix();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < classes.size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(classes.get(r).text());
            for (int count : m[r]) {
                row.add(String.valueOf(count));
            }
            rows.add(row);
        }
        table(sb, header, "-" + ":".repeat(classes.size() + 1), rows);
    }

    /**
     * A Markdown table whose columns are padded to a common width, so that it reads as a table in plain text too
     * (the HTML report shows a section's Markdown as preformatted text). Cells must be escaped already.
     *
     * @param align one character per column: '-' left, ':' right
     */
    private static void table(StringBuilder sb, List<String> header, String align, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        appendRow(sb, header, width, align);
        sb.append('|');
        for (int c = 0; c < width.length; c++) {
            boolean right = align.charAt(c) == ':';
            sb.append(right ? "-".repeat(width[c] + 1) + ":" : ":" + "-".repeat(width[c] + 1)).append('|');
        }
        sb.append('\n');
        for (List<String> row : rows) {
            appendRow(sb, row, width, align);
        }
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width, String align) {
        sb.append('|');
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(' ').append(align.charAt(c) == ':' ? pad + cell : cell + pad).append(" |");
        }
        sb.append('\n');
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static String ids(List<String> ids) {
        int shown = Math.min(ids.size(), 10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(esc(ids.get(i)));
        }
        return ids.size() > shown ? sb + " and " + (ids.size() - shown) + " more" : sb.toString();
    }

    private static String share(JudgeAgreement.Proportion p) {
        return pct(p.value()) + " (" + p.count() + "/" + p.total() + ")";
    }

    private static String range(ConfidenceInterval ci, boolean percent) {
        return percent ? pct(ci.lower()) + " – " + pct(ci.upper())
                : String.format(Locale.ROOT, "%.3f – %.3f", ci.lower(), ci.upper());
    }

    /** The kappa interval, noting the bootstrap rounds left out because kappa was undefined in them. */
    private static String kappaRange(JudgeAgreement.Order o) {
        String range = o.kappaInterval().map(ci -> range(ci, false)).orElse("n/a");
        int undefined = o.kappaUndefinedRounds();
        return undefined == 0 || o.kappaInterval().isEmpty() ? range
                : range + " (" + undefined + " rounds without kappa left out)";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** A confidence level as a percentage without needless decimals: {@code 95%}, {@code 99.5%}. */
    private static String level(double confidence) {
        return MarkdownText.number(100 * confidence) + "%";
    }

    private static String kappa(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String text) {
        return MarkdownText.escape(text);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("JudgeValidation[").append(judge).append(", ").append(items())
                .append(" items, accuracy ").append(pct(agreement.original().accuracy().value()));
        agreement.swapped().ifPresent(s -> sb.append(" / ").append(pct(s.accuracy().value())));
        sb.append(", kappa ").append(kappa(agreement.original().kappa()));
        agreement.swapped().ifPresent(s -> sb.append(" / ").append(kappa(s.kappa())));
        agreement.bothOrders().ifPresent(o -> sb.append(", consistent ").append(pct(o.consistent().value())));
        return sb.append(']').toString();
    }

    /** One item as given: its id, its gold votes, and its verdicts (null: failed). */
    private record Item(String id, List<Label> votes, boolean bothOrders, @Nullable Label original,
                        @Nullable Label swapped) {
    }

    /**
     * Collects items and builds a {@link JudgeValidation}. Setters and item methods reject bad values at once;
     * {@link #build()} reports every remaining problem together and leaves the builder reusable. Not thread-safe.
     */
    public static final class Builder {

        private String judge = DEFAULT_JUDGE;
        private FailedCalls failedCalls = FailedCalls.WRONG;
        private MajorityRule majorityRule = MajorityRule.PANDALM;
        private @Nullable Boolean tieClass;
        private Bootstrap bootstrap = Bootstrap.builder().build();
        private final List<Item> items = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        private Builder() {
        }

        /** The judge's name, for the title (default {@value JudgeValidation#DEFAULT_JUDGE}). */
        public Builder judge(String judge) {
            this.judge = Objects.requireNonNull(judge, "judge");
            return this;
        }

        /** What a failed call counts as (default {@link FailedCalls#WRONG}, LLMBar's rule). */
        public Builder failedCalls(FailedCalls rule) {
            this.failedCalls = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** How several annotators' votes become a gold label (default {@link MajorityRule#PANDALM}). */
        public Builder majorityRule(MajorityRule rule) {
            this.majorityRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Whether tie is a class of the per-class and macro scores. Default: when some gold label or verdict (after
         * the failed-call rule) is a tie. True scores it even when none occurs (PandaLM's fixed classes); false
         * with a tie present is a problem at {@link #build()}.
         */
        public Builder tieClass(boolean tieClass) {
            this.tieClass = tieClass;
            return this;
        }

        /**
         * The intervals' confidence, and the rounds and seed of the bootstrap for kappa and the mean accuracy
         * (default: {@code Bootstrap.builder().build()}, {@value Bootstrap#DEFAULT_ROUNDS} rounds, 95 %, seed
         * {@value Bootstrap#DEFAULT_SEED}).
         *
         * @throws IllegalArgumentException if the bootstrap's method is not the percentile method
         */
        public Builder bootstrap(Bootstrap bootstrap) {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Preconditions.checkArgument(bootstrap.method() == Bootstrap.Method.PERCENTILE, () ->
                    "bootstrap must use the percentile method but uses " + bootstrap.method());
            this.bootstrap = bootstrap;
            return this;
        }

        /**
         * An item judged in one order.
         *
         * @param id      the item's id, unique
         * @param gold    the human label
         * @param verdict the judge's label; null or empty when the call failed
         * @throws IllegalArgumentException if the id repeats or a label cannot be read
         */
        public Builder item(String id, String gold, @Nullable String verdict) {
            return add(id, List.of(gold), false, verdict, null);
        }

        /**
         * An item judged in both orders.
         *
         * @param id       the item's id, unique
         * @param gold     the human label
         * @param original the judge's label with the answers in the item's order; null or empty when the call failed
         * @param swapped  the judge's label with the answers swapped, mapped back to the item's numbering (a
         *                 consistent judge gives the same label as in the original order); null or empty when the
         *                 call failed
         * @throws IllegalArgumentException if the id repeats or a label cannot be read
         */
        public Builder item(String id, String gold, @Nullable String original, @Nullable String swapped) {
            return add(id, List.of(gold), true, original, swapped);
        }

        /**
         * An item judged in one order whose gold label is the majority of several annotators' votes.
         *
         * @param votes the annotators' labels, at least one, in a fixed annotator order
         * @throws IllegalArgumentException if the id repeats, there are no votes, or a label cannot be read
         */
        public Builder itemVotes(String id, List<String> votes, @Nullable String verdict) {
            return add(id, votes, false, verdict, null);
        }

        /**
         * An item judged in both orders whose gold label is the majority of several annotators' votes.
         *
         * @param votes the annotators' labels, at least one, in a fixed annotator order
         * @throws IllegalArgumentException if the id repeats, there are no votes, or a label cannot be read
         * @see #item(String, String, String, String)
         */
        public Builder itemVotes(String id, List<String> votes, @Nullable String original,
                                 @Nullable String swapped) {
            return add(id, votes, true, original, swapped);
        }

        /**
         * An item judged in one order, with RAQ's verdict (null when the call failed).
         *
         * @throws IllegalArgumentException if the id repeats or the gold label cannot be read
         */
        public Builder verdict(String id, String gold, @Nullable Verdict verdict) {
            return add(id, List.of(gold), false, verdict == null ? null : Label.of(verdict).text(), null);
        }

        /**
         * An item judged in both orders, with RAQ's verdicts as the judge gave them: each refers to the positions
         * it was shown, so the swapped one is mapped back ({@link Verdict#swapped()}) here.
         *
         * @param swappedAsShown the verdict with the answers swapped, about the positions as shown; null when failed
         * @throws IllegalArgumentException if the id repeats or the gold label cannot be read
         */
        public Builder verdicts(String id, String gold, @Nullable Verdict original, @Nullable Verdict swappedAsShown) {
            return add(id, List.of(gold), true, original == null ? null : Label.of(original).text(),
                    swappedAsShown == null ? null : Label.of(swappedAsShown.swapped()).text());
        }

        private Builder add(String id, List<String> votes, boolean bothOrders, @Nullable String original,
                            @Nullable String swapped) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(votes, "votes");
            Preconditions.checkArgument(!ids.contains(id), () -> "item id '" + id + "' repeats");
            Preconditions.checkArgument(!votes.isEmpty(), () -> "item '" + id + "' has no gold votes");
            List<Label> gold = new ArrayList<>(votes.size());
            for (String vote : votes) {
                Label label = read(id, "gold label", vote);
                if (label == null) {
                    throw new IllegalArgumentException("item '" + id + "' has a missing gold label: " + votes);
                }
                gold.add(label);
            }
            Item item = new Item(id, List.copyOf(gold), bothOrders, read(id, "verdict", original),
                    bothOrders ? read(id, "swapped verdict", swapped) : null);
            ids.add(id);
            items.add(item);
            return this;
        }

        private static @Nullable Label read(String id, String what, @Nullable String text) {
            try {
                return Label.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("item '" + id + "': the " + what + " " + e.getMessage(), e);
            }
        }

        /**
         * The validation of the items given.
         *
         * @throws IllegalStateException listing every problem: no items, items judged in one order mixed with items
         *                               judged in both, no item left after {@link MajorityRule#LLMBAR}, or a tie
         *                               where {@link #tieClass(boolean)} said there is none
         */
        public JudgeValidation build() {
            List<String> problems = new ArrayList<>();
            if (items.isEmpty()) {
                throw new IllegalStateException("no items were given");
            }
            boolean both = items.get(0).bothOrders();
            List<String> mixed = items.stream().filter(i -> i.bothOrders() != both).map(Item::id).limit(5).toList();
            if (!mixed.isEmpty()) {
                problems.add("items judged in one order and in both cannot be mixed: item '" + items.get(0).id()
                        + "' has " + (both ? "both orders" : "one") + " but " + mixed + " do not");
            }
            JudgeAgreement.TieBreak tieBreak = majorityRule == MajorityRule.PANDALM
                    ? JudgeAgreement.TieBreak.FIRST_VOTE : JudgeAgreement.TieBreak.NONE;
            List<Label> gold = new ArrayList<>();
            List<Item> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            int annotated = 0;
            int split = 0;
            for (Item item : items) {
                int[] votes = item.votes().stream().mapToInt(l -> l.code).toArray();
                Label label = item.votes().get(0);
                if (votes.length > 1) {
                    annotated++;
                    boolean isSplit = JudgeAgreement.majorityVote(JudgeAgreement.TieBreak.NONE, votes)
                            == JudgeAgreement.NO_MAJORITY;
                    split += isSplit ? 1 : 0;
                    int code = JudgeAgreement.majorityVote(tieBreak, votes);
                    label = code == JudgeAgreement.NO_MAJORITY ? null : decode(code);
                }
                if (majorityRule == MajorityRule.LLMBAR && (label == null || label == Label.TIE)) {
                    dropped.add(item.id());
                    continue;
                }
                gold.add(Objects.requireNonNull(label));
                kept.add(item);
            }
            if (kept.isEmpty()) {
                problems.add("no item is left: LLMBar's majority rule left out all " + items.size()
                        + " (no majority or a tie)");
            }
            boolean tieOccurs = gold.contains(Label.TIE) || kept.stream().anyMatch(i -> verdictOf(i.original())
                    == Label.TIE || both && verdictOf(i.swapped()) == Label.TIE);
            if (Boolean.FALSE.equals(tieClass) && tieOccurs) {
                problems.add("tieClass(false) but a gold label or verdict is a tie");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build the judge validation: " + String.join("; ", problems));
            }
            boolean withTie = tieClass == null ? tieOccurs : tieClass;
            List<Label> classes = withTie ? List.of(Label.A, Label.B, Label.TIE) : List.of(Label.A, Label.B);
            int n = kept.size();
            int[] goldCodes = new int[n];
            int[] original = new int[n];
            int[] swapped = both ? new int[n] : null;
            int failedOriginal = 0;
            int failedSwapped = 0;
            for (int i = 0; i < n; i++) {
                Item item = kept.get(i);
                goldCodes[i] = gold.get(i).code;
                failedOriginal += item.original() == null ? 1 : 0;
                original[i] = code(verdictOf(item.original()));
                if (swapped != null) {
                    failedSwapped += item.swapped() == null ? 1 : 0;
                    swapped[i] = code(verdictOf(item.swapped()));
                }
            }
            int[] labels = classes.stream().mapToInt(l -> l.code).toArray();
            JudgeAgreement agreement = JudgeAgreement.of(labels, goldCodes, original, swapped, bootstrap);
            return new JudgeValidation(this, classes, agreement, failedOriginal, failedSwapped, annotated, split,
                    dropped, annotatorKappas());
        }

        /** The verdict after the failed-call rule: a failure stays null (WRONG) or becomes a tie (TIE). */
        private @Nullable Label verdictOf(@Nullable Label verdict) {
            return verdict == null && failedCalls == FailedCalls.TIE ? Label.TIE : verdict;
        }

        private static int code(@Nullable Label label) {
            return label == null ? JudgeAgreement.FAILED : label.code;
        }

        private static Label decode(int code) {
            for (Label l : Label.values()) {
                if (l.code == code) {
                    return l;
                }
            }
            throw new AssertionError(code);
        }

        /** Pairwise Cohen's kappa of the annotator columns, when every item has the same two or more votes. */
        private Map<String, Double> annotatorKappas() {
            int m = items.get(0).votes().size();
            Map<String, Double> out = new LinkedHashMap<>();
            if (m < 2 || items.stream().anyMatch(i -> i.votes().size() != m)) {
                return out;
            }
            int[][] columns = new int[m][items.size()];
            for (int i = 0; i < items.size(); i++) {
                for (int a = 0; a < m; a++) {
                    columns[a][i] = items.get(i).votes().get(a).code;
                }
            }
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    out.put((a + 1) + "-" + (b + 1), Agreement.cohenKappa(columns[a], columns[b]));
                }
            }
            return out;
        }
    }
}
