package dev.raq.cli;

import dev.raq.clients.AnthropicClient;
import dev.raq.clients.http.HttpClientBuilder;
import dev.raq.clients.replay.PredictionsModelClient;
import dev.raq.clients.replay.ReplayingModelClient;
import dev.raq.core.Evaluation;
import dev.raq.core.FailurePolicy;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.FieldMapping;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.gate.Gate;
import dev.raq.core.gate.Gates;
import dev.raq.core.judge.Judge;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.significance.SignificanceTest;
import dev.raq.core.significance.SignificanceTests;
import dev.raq.core.store.JsonlResultStore;
import dev.raq.metrics.AnswerScorer;
import dev.raq.metrics.RougeType;
import dev.raq.metrics.Scorers;
import dev.raq.stats.PAdjust;
import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a {@link RunConfig} into what {@code raq run} runs: the evaluation, its gates and its report files. Checks
 * what needs the whole file (a gate or baseline naming an unknown candidate, a key variable that is not set, a
 * dataset that cannot be read) and reports it as a {@link ConfigException} with the file, line and key. Keys are
 * read from the environment only and never appear in a message.
 */
final class RunAssembly implements Closeable {

    private static final String DEFAULT_PROMPT = "{" + PromptTemplate.QUESTION + "}";

    private final ConfigReader reader;
    private final Path base;
    private final Function<String, @Nullable String> environment;
    private final RunConfig config;
    private final Dataset dataset;
    private final List<String> candidateNames = new ArrayList<>();
    private @Nullable JsonlResultStore store;

    /**
     * @param reader      the file's reader (for lines of keys)
     * @param config      what it read
     * @param environment where key variables are looked up
     */
    RunAssembly(ConfigReader reader, Path file, RunConfig config, Function<String, @Nullable String> environment) {
        this.reader = reader;
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent == null ? Path.of("") : parent;
        this.environment = environment;
        this.config = config;
        config.candidates().forEach(c -> candidateNames.add(c.name()));
        for (int i = 0; i < candidateNames.size(); i++) {
            if (candidateNames.indexOf(candidateNames.get(i)) != i) {
                throw problem("candidates[" + i + "].name", "candidate '" + candidateNames.get(i)
                        + "' is named twice");
            }
        }
        this.dataset = dataset(config.dataset());
    }

    /** The evaluation the file describes, with this progress listener. */
    Evaluation evaluation(dev.raq.core.ProgressListener progress) {
        String prompt = config.prompt() == null ? DEFAULT_PROMPT : config.prompt();
        Evaluation.Builder b = Evaluation.builder().dataset(dataset).promptTemplate(prompt)
                .progressListener(progress);
        for (int i = 0; i < config.candidates().size(); i++) {
            RunConfig.Candidate c = config.candidates().get(i);
            b.candidate(c.name(), client(c.model(), "candidates[" + i + "]", c.name(), prompt));
        }
        for (int i = 0; i < config.judges().size(); i++) {
            b.judge(judge(config.judges().get(i), "judges[" + i + "]", prompt));
        }
        SignificanceTest test = significance(config.significance());
        if (test != null) {
            b.significance(test);
        }
        if (config.alpha() != null) {
            b.alpha(config.alpha());
        }
        b.seed(config.seed() == null ? 42 : config.seed());
        b.concurrency(config.concurrency() == null ? 4 : config.concurrency());
        if (config.judgeConcurrency() != null) {
            b.judgeConcurrency(config.judgeConcurrency());
        }
        if (config.failurePolicy() != null) {
            b.failurePolicy(switch (config.failurePolicy()) {
                case "tolerant" -> FailurePolicy.tolerant();
                case "fail-fast" -> FailurePolicy.failFast();
                default -> FailurePolicy.defaults();
            });
        }
        if (config.results() != null) {
            b.resultsFile(resolve(config.results()));
        }
        if (config.store() != null) {
            store = JsonlResultStore.open(resolve(config.store()));
            b.store(store);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(reader.problem("candidates", String.valueOf(e.getMessage())), e);
        }
    }

    /** The gates, in file order, with the key each came from. */
    Map<String, Gate> gates() {
        Map<String, Gate> gates = new LinkedHashMap<>();
        List<RunConfig.Gate> listed = Objects.requireNonNull(config.gates());
        for (int i = 0; i < listed.size(); i++) {
            RunConfig.Gate g = listed.get(i);
            String key = "gates[" + i + "]";
            if (g.better() != null) {
                known(g.better().candidate(), key + ".better.candidate");
                known(g.better().than(), key + ".better.than");
                gates.put(key, Gates.significantlyBetter(g.better().candidate(), g.better().than()));
            } else if (g.maxErrorRate() != null) {
                gates.put(key, Gates.maxErrorRate(g.maxErrorRate()));
            } else if (g.meanScore() != null) {
                known(g.meanScore().candidate(), key + ".meanScore.candidate");
                gates.put(key, Gates.meanScoreAtLeast(g.meanScore().candidate(), g.meanScore().judge(),
                        g.meanScore().atLeast()));
            } else if (g.winRate() != null) {
                known(g.winRate().candidate(), key + ".winRate.candidate");
                known(g.winRate().against(), key + ".winRate.against");
                gates.put(key, Gates.winRateLowerBoundAbove(g.winRate().candidate(), g.winRate().against(),
                        g.winRate().lowerBoundAbove()));
            }
        }
        return gates;
    }

    /** The report files asked for, resolved against the evaluation file's folder (absent ones null). */
    @Nullable Path output(Function<RunConfig.Outputs, @Nullable String> which) {
        RunConfig.Outputs outputs = config.outputs();
        String name = outputs == null ? null : which.apply(outputs);
        return name == null ? null : resolve(name);
    }

    int samples() {
        return dataset.size();
    }

    private void known(String candidate, String key) {
        if (!candidateNames.contains(candidate)) {
            throw problem(key, "no candidate '" + candidate + "'; the candidates are " + candidateNames);
        }
    }

    private Dataset dataset(RunConfig.Dataset d) {
        Path file = resolve(d.file());
        String format = d.format() != null ? d.format() : formatOf(file);
        Map<String, String> fields = d.fields() == null ? Map.of() : d.fields();
        FieldMapping mapping = FieldMapping.defaults();
        if (fields.containsKey("id")) {
            mapping = mapping.withId(fields.get("id"));
        }
        if (fields.containsKey("question")) {
            mapping = mapping.withQuestion(fields.get("question"));
        }
        if (fields.containsKey("context")) {
            mapping = mapping.withContext(fields.get("context"));
        }
        if (fields.containsKey("references")) {
            mapping = mapping.withReferences(fields.get("references"));
        }
        try {
            Dataset read = switch (format) {
                case "csv" -> Dataset.fromCsv(file, mapping);
                case "squad" -> Dataset.fromSquadJson(file);
                default -> Dataset.fromJsonl(file, mapping);
            };
            if (read.isEmpty()) {
                throw problem("dataset.file", file + " holds no sample");
            }
            return d.limit() == null ? read : read.limit(d.limit());
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new ConfigException(reader.problem("dataset.file", String.valueOf(e.getMessage())), e);
        }
    }

    private String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".json")) {
            return "squad";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "jsonl";
        }
        throw problem("dataset.file", "cannot tell the format of '" + file.getFileName()
                + "' from its extension; set dataset.format to one of " + RunConfig.Dataset.FORMATS);
    }

    private ModelClient client(RunConfig.Model m, String key, String candidate, String prompt) {
        try {
            if (m.openai() != null) {
                RunConfig.Api api = m.openai();
                return http(CommandSupport.openAiClient(api.url(), api.keyEnv()), api, key + ".openai").build();
            }
            if (m.anthropic() != null) {
                RunConfig.Api api = m.anthropic();
                AnthropicClient.Builder b = AnthropicClient.builder();
                if (api.url() != null) {
                    b.baseUrl(api.url());
                }
                return http(b, api, key + ".anthropic").build();
            }
            if (m.replay() != null) {
                return ReplayingModelClient.of(resolve(m.replay().file()), m.replay().model());
            }
            RunConfig.Predictions p = Objects.requireNonNull(m.predictions());
            String system = p.model() == null ? candidate : p.model();
            PredictionsModelClient.Fields fields = new PredictionsModelClient.Fields(
                    p.idField() == null ? "id" : p.idField(), p.modelField() == null ? "model" : p.modelField(),
                    p.answerField() == null ? "prediction" : p.answerField());
            Map<String, PredictionsModelClient> systems = PredictionsModelClient.read(resolve(p.file()), fields,
                    dataset, PromptTemplate.of(prompt));
            PredictionsModelClient client = systems.get(system);
            if (client == null) {
                throw problem(key + ".predictions.model", "no predictions of '" + system + "' for these samples in "
                        + p.file() + "; it has " + systems.keySet());
            }
            return client;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(reader.problem(key, String.valueOf(e.getMessage())), e);
        }
    }

    private <B extends HttpClientBuilder<B>> B http(B builder, RunConfig.Api api, String key) {
        builder.model(api.model());
        if (api.keyEnv() != null) {
            String value = environment.apply(api.keyEnv());
            if (value == null || value.isBlank()) {
                throw problem(key + ".keyEnv", "environment variable " + api.keyEnv() + " is not set");
            }
            builder.apiKey(value);
        }
        GenerationOptions.Builder options = GenerationOptions.builder();
        if (api.temperature() != null) {
            options.temperature(api.temperature());
        }
        if (api.maxTokens() != null) {
            options.maxTokens(api.maxTokens());
        }
        return builder.defaultOptions(options.build());
    }

    private Judge judge(RunConfig.Judge j, String key, String prompt) {
        if (j.metric() != null) {
            return Judges.score(metric(j.metric()));
        }
        if (j.ranking() != null) {
            RunConfig.LlmJudge r = j.ranking();
            return Judges.ranking(client(r.model(), key + ".ranking", "judge", prompt))
                    .repeats(r.repeats() == null ? 1 : r.repeats());
        }
        RunConfig.LlmJudge p = Objects.requireNonNull(j.pairwise());
        PairwiseJudge judge = PairwiseJudge.of(client(p.model(), key + ".pairwise", "judge", prompt)).swapPositions();
        if (p.baseline() != null) {
            known(p.baseline(), key + ".pairwise.baseline");
            judge = judge.againstBaseline(p.baseline());
        }
        return judge;
    }

    private static AnswerScorer metric(String name) {
        return switch (name) {
            case "squad-f1" -> Scorers.squadF1();
            case "squad-exact-match" -> Scorers.squadExactMatch();
            case "bleu" -> Scorers.bleu();
            case "chrf" -> Scorers.chrf();
            case "ter" -> Scorers.negatedTer();
            case "rouge-1" -> Scorers.rouge(RougeType.ROUGE_1);
            case "rouge-2" -> Scorers.rouge(RougeType.ROUGE_2);
            case "rouge-l" -> Scorers.rouge(RougeType.ROUGE_L);
            default -> Scorers.levenshteinSimilarity();
        };
    }

    private static @Nullable SignificanceTest significance(@Nullable String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "friedman-nemenyi" -> SignificanceTests.friedmanNemenyi();
            case "wilcoxon-holm" -> SignificanceTests.wilcoxon(PAdjust.HOLM);
            case "sign-holm" -> SignificanceTests.signTest(PAdjust.HOLM);
            case "dunn-holm" -> SignificanceTests.dunn(PAdjust.HOLM);
            default -> SignificanceTests.recommended();
        };
    }

    private Path resolve(String name) {
        return base.resolve(name).normalize();
    }

    private ConfigException problem(String key, String message) {
        return new ConfigException(reader.problem(key, message));
    }

    /** Closes the result store, if the file named one. */
    @Override
    public void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }
}
