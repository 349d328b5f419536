package dev.raq.cli;

import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.Sample;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.store.JsonlResultStore;
import dev.raq.core.synthetic.Passage;
import dev.raq.core.synthetic.SyntheticDataset;
import dev.raq.core.synthetic.SyntheticResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code raq generate --url U --model M --passages data.jsonl --out generated.jsonl}: writes a synthetic dataset with
 * an OpenAI-compatible generator model ({@link SyntheticDataset}), from the contexts of a JSON Lines dataset (no
 * dataset to evaluate yet) or from a few seed samples ({@code --seeds}, hybrid). Prints how many samples were kept
 * and why the others were left out. Exit 0 when samples were written, 2 for a usage error, 3 when none passed the
 * checks.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate question-answer samples with an independent model, from passages or from seeds."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "the generator's OpenAI-compatible base URL "
            + "(default: OpenAI)")
    @Nullable String url;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "the generator model")
    String model;

    @Option(names = "--key-env", paramLabel = "VAR", description = "the environment variable holding the API key")
    @Nullable String keyEnv;

    @Option(names = "--passages", paramLabel = "FILE", description = "a JSON Lines dataset whose distinct contexts "
            + "are the passages (no dataset mode)")
    @Nullable Path passages;

    @Option(names = "--seeds", paramLabel = "FILE", description = "a JSON Lines dataset of seed samples (hybrid mode)")
    @Nullable Path seeds;

    @Option(names = "--per-passage", paramLabel = "N", description = "questions per passage (default 3)")
    int perPassage = 3;

    @Option(names = "--count", paramLabel = "N", description = "samples to generate from seeds (default 20)")
    int count = 20;

    @Option(names = "--batch", paramLabel = "N", description = "pairs asked per request from seeds (default 5)")
    int batch = 5;

    @Option(names = "--temperature", paramLabel = "T", description = "the generator's temperature (default 0.7)")
    double temperature = 0.7;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the shuffles (default 42)")
    long seed = 42;

    @Option(names = "--store", paramLabel = "FILE", description = "a JSON Lines result store: a rerun reuses "
            + "every reply")
    @Nullable Path store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the samples "
            + "(JSON Lines, with provenance)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((passages == null) == (seeds == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --passages FILE or --seeds FILE");
        }
        ModelClient generator = client();
        JsonlResultStore opened = store == null ? null : JsonlResultStore.open(store);
        try {
            SyntheticDataset.Builder b = passages != null
                    ? SyntheticDataset.fromPassages(generator, passagesOf(CommandSupport.existing(passages,
                            "passages file"))).perPassage(perPassage)
                    : SyntheticDataset.fromSeeds(generator, Dataset.fromJsonl(CommandSupport.existing(
                            java.util.Objects.requireNonNull(seeds), "seeds file")).samples())
                            .count(count).batchSize(batch);
            b.seed(seed).options(GenerationOptions.builder().temperature(temperature).build());
            if (opened != null) {
                b.store(opened);
            }
            SyntheticResult result = b.generate();
            spec.commandLine().getOut().println("raq generate: " + result);
            if (result.samples().isEmpty()) {
                spec.commandLine().getErr().println("raq generate: no sample passed the checks; nothing written");
                return Raq.INCOMPLETE;
            }
            result.writeJsonl(out);
            spec.commandLine().getOut().println("wrote " + out);
            return Raq.OK;
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private ModelClient client() {
        OpenAiCompatibleClient.Builder b = CommandSupport.openAiClient(url, keyEnv);
        if (keyEnv != null) {
            String key = System.getenv(keyEnv);
            if (key == null || key.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "environment variable " + keyEnv
                        + " is not set");
            }
            b.apiKey(key);
        }
        return b.model(model).build();
    }

    /** The distinct contexts of a dataset, each a passage named by the first sample that has it. */
    private static List<Passage> passagesOf(Path file) {
        Map<String, String> byText = new LinkedHashMap<>();
        for (Sample s : Dataset.fromJsonl(file)) {
            if (s.context() != null && !s.context().isBlank()) {
                byText.putIfAbsent(s.context(), s.id());
            }
        }
        if (byText.isEmpty()) {
            throw new IllegalArgumentException(file + ": no sample has a context to generate questions from");
        }
        List<Passage> out = new ArrayList<>();
        byText.forEach((text, id) -> out.add(new Passage(id, text)));
        return out;
    }
}
