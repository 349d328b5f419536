package dev.raq.cli;

import dev.raq.core.pairwise.NovaMetrics;
import dev.raq.core.pairwise.PairwiseCounts;
import dev.raq.core.pairwise.PairwiseFields;
import dev.raq.core.pairwise.PairwiseItem;
import dev.raq.core.pairwise.PairwiseItems;
import dev.raq.core.pairwise.Verdict;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code raq pairwise}: Nova LLM-as-a-Judge's metric set from a Nova-format file whose lines carry verdicts,
 * printed as JSON with the number of lines read; a line whose verdict is null, absent or not a label counts as an
 * {@code inference_error}, as a judge reply without a label does in Nova.
 */
@Command(name = "pairwise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Nova LLM-as-a-Judge metric set from a Nova-format file that carries verdicts, as JSON.",
                "A null, absent or invalid verdict counts as an inference_error."})
final class PairwiseCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines in Nova's format")
    Path input;

    @Option(names = "--prompt-field", paramLabel = "F", defaultValue = "prompt", description = "(default ${DEFAULT-VALUE})")
    String promptField;

    @Option(names = "--a-field", paramLabel = "F", defaultValue = "response_A", description = "(default ${DEFAULT-VALUE})")
    String aField;

    @Option(names = "--b-field", paramLabel = "F", defaultValue = "response_B", description = "(default ${DEFAULT-VALUE})")
    String bField;

    @Option(names = "--verdict-field", paramLabel = "F", defaultValue = "verdict",
            description = "(default ${DEFAULT-VALUE})")
    String verdictField;

    @Option(names = "--ties", paramLabel = "half|exclude", defaultValue = "half",
            description = "ties count half for each side, or are left out (default ${DEFAULT-VALUE})")
    String ties;

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "wilson",
            description = "wilson, clopper-pearson or bootstrap: the win rate's interval (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
            description = "interval level in (0, 1) (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        NovaMetrics.TieHandling tieHandling = choice("--ties", ties, NovaMetrics.TieHandling.class);
        NovaMetrics.IntervalMethod method = choice("--interval", interval, NovaMetrics.IntervalMethod.class);
        double level = CommandSupport.confidence(spec, confidence);
        PairwiseFields fields = new PairwiseFields(promptField, aField, bField, null, verdictField);
        List<PairwiseItem> items = PairwiseItems.readJsonl(CommandSupport.existing(input, "input file"), fields);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(input + ": no line to read");
        }
        List<@Nullable Verdict> verdicts = new ArrayList<>(items.size());
        for (PairwiseItem item : items) {
            String label = item.verdict();
            verdicts.add(label == null ? null : Verdict.fromLabel(label));
        }
        NovaMetrics metrics = NovaMetrics.of(PairwiseCounts.fromVerdicts(verdicts), tieHandling, method, level, seed);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", input.toString());
        root.put("lines", items.size());
        root.putAll(metrics.toMap());
        root.put("confidence", level);
        CommandSupport.print(spec, root);
        return Raq.OK;
    }

    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        String constant = value.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be one of " + names
                + ", not '" + value + "'");
    }
}
