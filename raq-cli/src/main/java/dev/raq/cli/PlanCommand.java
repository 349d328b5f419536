package dev.raq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.stats.PowerAnalysis;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code raq plan pilot.json --delta 0.05 --power 0.8}: how many samples a full run needs to detect a difference of
 * δ between two candidates, planned from a pilot run's JSON report. For each pair, the pilot's paired differences
 * give their standard deviation {@code sd = SE·√n}; the plan is the smallest n at which a two-sided paired t test of
 * effect {@code δ / sd} reaches the power ({@link PowerAnalysis#pairedTSampleSize}, exact noncentral t). Every pair is
 * planned at {@code alpha / m} for the m pairs of the measure (Bonferroni), which is the level Holm's adjustment
 * uses for the hardest pair, so the plan holds under the report's own adjustment. The table also shows the
 * difference the pilot observed and the smallest one its own n could detect.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plan the number of samples from a pilot run's JSON report.",
                "For every pair: the samples needed to detect a difference of DELTA with the given power."})
final class PlanCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "PILOT_JSON", description = "a report written by raq run (outputs.json)")
    Path pilot;

    @Option(names = "--delta", required = true, paramLabel = "DELTA",
            description = "the difference to detect, in the measure's units (a mean rank, or a score such as F1)")
    double delta;

    @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "the power, in (0, 1) (default ${DEFAULT-VALUE})")
    double power;

    @Option(names = "--alpha", paramLabel = "A", description = "the family's significance level (default: the pilot's)")
    @Nullable Double alpha;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "rank",
            description = "rank, or a metric judge's name such as squad-f1 (default ${DEFAULT-VALUE})")
    String measure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delta must be > 0 but was " + delta);
        }
        if (!(power > 0 && power < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--power must be in (0, 1) but was " + power);
        }
        CommandSupport.existing(pilot, "pilot report");
        JsonNode root;
        try {
            root = JSON.readTree(pilot.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(pilot + " is not a JSON report: " + e.getMessage(), e);
        }
        JsonNode differences = root == null ? null : root.get("pairDifferences");
        if (differences == null || !differences.isArray()) {
            throw new IllegalArgumentException(pilot + " has no 'pairDifferences': is it a report written by raq "
                    + "run or EvaluationReport.writeJson?");
        }
        double level = alpha != null ? alpha : root.path("alpha").asDouble(0.05);
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--alpha must be in (0, 1) but was " + level);
        }
        List<JsonNode> pairs = new ArrayList<>();
        Set<String> measures = new LinkedHashSet<>();
        for (JsonNode d : differences) {
            measures.add(d.path("measure").asText());
            if (d.path("measure").asText().equals(measure)) {
                pairs.add(d);
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(pilot + " has no paired differences in '" + measure + "'; it has "
                    + measures);
        }
        double perPair = level / pairs.size();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Plan from %s: detect a difference of %s in %s with power %.2f at alpha %s "
                + "(Bonferroni over %d pairs: %.4g per pair).%n%n", pilot, delta, measure, power, level, pairs.size(),
                perPair);
        out.println("| Pair | Pilot n | SD of differences | Observed difference | Pilot MDE (80%, per pair) | "
                + "Samples needed |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (JsonNode d : pairs) {
            int n = d.path("n").asInt();
            double sd = d.path("standardError").asDouble(Double.NaN) * Math.sqrt(n);
            String needed;
            if (n < 2 || !(sd > 0)) {
                needed = "n/a (the pilot's differences do not vary)";
            } else {
                double exact = PowerAnalysis.pairedTSampleSize(delta / sd, perPair, power);
                needed = String.valueOf((long) Math.ceil(exact - 1e-9));
            }
            out.printf(Locale.ROOT, "| %s − %s | %d | %.4g | %.4g | %s | %s |%n", d.path("first").asText(),
                    d.path("second").asText(), n, sd, d.path("meanDifference").asDouble(Double.NaN),
                    d.hasNonNull("minimumDetectableDifference")
                            ? String.format(Locale.ROOT, "%.4g", d.get("minimumDetectableDifference").asDouble())
                            : "n/a", needed);
        }
        out.println();
        out.println("The plan assumes the pilot's spread of differences holds in the full run; a small pilot gives a "
                + "rough plan.");
        return Raq.OK;
    }
}
