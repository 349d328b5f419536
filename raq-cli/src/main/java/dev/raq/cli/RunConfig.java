package dev.raq.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code raq run} reads from an evaluation file (YAML or JSON): the dataset, the candidates, the prompt, the
 * judges, the test and its settings, where to write reports and which gates the result must pass. Unknown keys are
 * errors. Values are checked as they are read, so a mistake is reported with its file, line and key. Paths are
 * relative to the evaluation file.
 *
 * @param dataset       where the samples come from
 * @param prompt        the prompt template ({@code {question}}, {@code {context}} …); default {@code {question}}
 * @param candidates    the models compared, at least two
 * @param judges        who judges the answers, at least one
 * @param significance  the test: {@code friedman-conover-holm}, {@code friedman-nemenyi}, {@code wilcoxon-holm},
 *                      {@code sign-holm} or {@code dunn-holm}; by default RAQ's (Friedman + Conover with Holm, or
 *                      the sign test with Holm for a pairwise judge of three or more candidates)
 * @param alpha         the significance level (default 0.05)
 * @param seed          the seed of every random choice (default 42)
 * @param concurrency   candidate calls in flight (default 4)
 * @param judgeConcurrency judge calls in flight (default: as many as {@code concurrency})
 * @param store         a JSON Lines result store: answers and verdicts are kept there and reused when the run is
 *                      repeated (resume); none by default
 * @param results       a JSON Lines file every sample's answers and judgments stream to as they finish; the report
 *                      then keeps only what its statistics need, so very large runs fit a small heap (none by
 *                      default: the report keeps every sample)
 * @param failurePolicy {@code default}, {@code tolerant} or {@code fail-fast}
 * @param outputs       where to write reports
 * @param gates         what the result must satisfy
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunConfig(Dataset dataset, @Nullable String prompt, List<Candidate> candidates, List<Judge> judges,
                        @Nullable String significance, @Nullable Double alpha, @Nullable Long seed,
                        @Nullable Integer concurrency, @Nullable Integer judgeConcurrency, @Nullable String store,
                        @Nullable String results,
                        @JsonProperty("failurePolicy") @Nullable String failurePolicy, @Nullable Outputs outputs,
                        @Nullable List<Gate> gates) {

    /** The test names {@link #significance} accepts. */
    public static final List<String> TESTS = List.of("friedman-conover-holm", "friedman-nemenyi", "wilcoxon-holm",
            "sign-holm", "dunn-holm");
    /** The failure policies {@link #failurePolicy} accepts. */
    public static final List<String> POLICIES = List.of("default", "tolerant", "fail-fast");

    /** Checks what one key can tell. */
    public RunConfig {
        require(dataset, "dataset");
        require(candidates, "candidates");
        require(judges, "judges");
        check(candidates.size() >= 2, "at least two candidates are needed, but there are " + candidates.size());
        check(!judges.isEmpty(), "at least one judge is needed");
        check(significance == null || TESTS.contains(significance), "significance '" + significance
                + "' is not one of " + TESTS);
        check(failurePolicy == null || POLICIES.contains(failurePolicy), "failurePolicy '" + failurePolicy
                + "' is not one of " + POLICIES);
        check(alpha == null || alpha > 0 && alpha < 1, "alpha must be in (0, 1) but was " + alpha);
        check(concurrency == null || concurrency >= 1, "concurrency must be at least 1 but was " + concurrency);
        check(judgeConcurrency == null || judgeConcurrency >= 1, "judgeConcurrency must be at least 1 but was "
                + judgeConcurrency);
        candidates = List.copyOf(candidates);
        judges = List.copyOf(judges);
        gates = gates == null ? List.of() : List.copyOf(gates);
    }

    /**
     * The dataset.
     *
     * @param file   JSON Lines, CSV (with a header row) or SQuAD JSON
     * @param format {@code jsonl}, {@code csv} or {@code squad}; by default from the file's extension
     *               ({@code .jsonl}, {@code .csv}, {@code .json})
     * @param fields which fields hold id, question, context and references (JSON Lines and CSV; defaults
     *               {@code id}, {@code question}, {@code context}, {@code answers})
     * @param limit  use only the first n samples
     */
    public record Dataset(String file, @Nullable String format, @Nullable Map<String, String> fields,
                          @Nullable Integer limit) {

        /** The formats {@link #format} accepts. */
        public static final List<String> FORMATS = List.of("jsonl", "csv", "squad");
        /** The keys {@link #fields} accepts. */
        public static final List<String> FIELDS = List.of("id", "question", "context", "references");

        /** Checks the format, field keys and limit. */
        public Dataset {
            require(file, "file");
            check(format == null || FORMATS.contains(format), "format '" + format + "' is not one of " + FORMATS);
            if (fields != null) {
                for (String key : fields.keySet()) {
                    check(FIELDS.contains(key), "unknown field '" + key + "'; the fields are " + FIELDS);
                }
            }
            check(limit == null || limit >= 1, "limit must be at least 1 but was " + limit);
        }
    }

    /**
     * Where a model is reached: exactly one of its keys.
     *
     * @param openai      an OpenAI-compatible server (OpenAI, NVIDIA NIM, vLLM, Ollama …)
     * @param anthropic   Anthropic's API
     * @param replay      answers recorded by RAQ's recording client
     * @param predictions fixed answers per sample id, from a JSON Lines file (the offline demo's systems)
     */
    public record Model(@Nullable Api openai, @Nullable Api anthropic, @Nullable Replay replay,
                        @Nullable Predictions predictions) {

        /** Checks that exactly one is given. */
        public Model {
            int given = (openai != null ? 1 : 0) + (anthropic != null ? 1 : 0) + (replay != null ? 1 : 0)
                    + (predictions != null ? 1 : 0);
            check(given == 1, "give exactly one of openai, anthropic, replay or predictions, not " + given);
        }
    }

    /**
     * A candidate.
     *
     * @param name        its name in the report
     * @param openai      see {@link Model}
     * @param anthropic   see {@link Model}
     * @param replay      see {@link Model}
     * @param predictions see {@link Model}
     */
    public record Candidate(String name, @Nullable Api openai, @Nullable Api anthropic, @Nullable Replay replay,
                            @Nullable Predictions predictions) {

        /** Checks the name and that exactly one source is given. */
        public Candidate {
            require(name, "name");
            check(!name.isBlank(), "name must not be blank");
            new Model(openai, anthropic, replay, predictions);
        }

        /** Where the candidate's answers come from. */
        public Model model() {
            return new Model(openai, anthropic, replay, predictions);
        }
    }

    /**
     * An HTTP API.
     *
     * @param url         the base URL (default: the provider's public endpoint)
     * @param model       the model id
     * @param keyEnv      the environment variable holding the key (never the key itself); none for a local server
     * @param temperature sampling temperature
     * @param maxTokens   the answer's token limit
     */
    public record Api(@Nullable String url, String model, @Nullable String keyEnv, @Nullable Double temperature,
                      @Nullable Integer maxTokens) {

        /** Checks the model and the key variable's name. */
        public Api {
            require(model, "model");
            check(keyEnv == null || keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "keyEnv must name an environment "
                    + "variable (letters, digits, _), not hold a key");
            check(maxTokens == null || maxTokens >= 1, "maxTokens must be at least 1 but was " + maxTokens);
        }
    }

    /**
     * A recording made by RAQ's {@code RecordingModelClient}.
     *
     * @param file  the recording
     * @param model the model name it was recorded under
     */
    public record Replay(String file, String model) {

        /** Checks the fields. */
        public Replay {
            require(file, "file");
            require(model, "model");
        }
    }

    /**
     * Fixed answers per sample: a JSON Lines file whose lines hold a sample id, a model name and an answer.
     *
     * @param file        the file
     * @param model       the model whose lines to take (default: the candidate's name)
     * @param idField     the sample id's field (default {@code id})
     * @param modelField  the model's field (default {@code model})
     * @param answerField the answer's field (default {@code prediction})
     */
    public record Predictions(String file, @Nullable String model, @Nullable String idField,
                              @Nullable String modelField, @Nullable String answerField) {

        /** Checks the file. */
        public Predictions {
            require(file, "file");
        }
    }

    /**
     * A judge: exactly one of its keys.
     *
     * @param metric   a rule-based score judge comparing each answer with the references: {@code squad-f1},
     *                 {@code squad-exact-match}, {@code bleu}, {@code chrf}, {@code ter}, {@code rouge-1},
     *                 {@code rouge-2}, {@code rouge-l}, {@code levenshtein}
     * @param ranking  an LLM judge ranking all answers of a sample
     * @param pairwise an LLM judge preferring one of two answers
     */
    public record Judge(@Nullable String metric, @Nullable LlmJudge ranking, @Nullable LlmJudge pairwise) {

        /** The metric names {@link #metric} accepts. */
        public static final List<String> METRICS = List.of("squad-f1", "squad-exact-match", "bleu", "chrf", "ter",
                "rouge-1", "rouge-2", "rouge-l", "levenshtein");

        /** Checks that exactly one is given and the metric's name. */
        public Judge {
            int given = (metric != null ? 1 : 0) + (ranking != null ? 1 : 0) + (pairwise != null ? 1 : 0);
            check(given == 1, "give exactly one of metric, ranking or pairwise, not " + given);
            check(metric == null || METRICS.contains(metric), "metric '" + metric + "' is not one of " + METRICS);
        }
    }

    /**
     * An LLM judge.
     *
     * @param openai    the judge model, see {@link Model}
     * @param anthropic the judge model, see {@link Model}
     * @param replay    the judge model, see {@link Model}
     * @param repeats   calls per sample (ranking judges; default 1)
     * @param baseline  the candidate every other is compared with (pairwise judges; default: every pair)
     */
    public record LlmJudge(@Nullable Api openai, @Nullable Api anthropic, @Nullable Replay replay,
                           @Nullable Integer repeats, @Nullable String baseline) {

        /** Checks the model and the repeats. */
        public LlmJudge {
            new Model(openai, anthropic, replay, null);
            check(repeats == null || repeats >= 1, "repeats must be at least 1 but was " + repeats);
        }

        /** The judge's model. */
        public Model model() {
            return new Model(openai, anthropic, replay, null);
        }
    }

    /**
     * Report files to write; each optional.
     *
     * @param json     the JSON report (schema raq-report/2)
     * @param markdown the Markdown report, with its charts as SVG files in a folder beside it
     * @param html     the self-contained HTML report
     * @param junit    JUnit XML: one test case per gate, for CI test tabs
     */
    public record Outputs(@Nullable String json, @Nullable String markdown, @Nullable String html,
                          @Nullable String junit) {
    }

    /**
     * A gate: exactly one of its keys.
     *
     * @param better       {@code {candidate, than}}: the test finds the candidate significantly better
     * @param maxErrorRate at most this share of all calls failed (0 = no errors)
     * @param meanScore    {@code {candidate, atLeast, judge?}}: a metric judge's mean score
     * @param winRate      {@code {candidate, against, lowerBoundAbove}}: the 95% Wilson lower bound of the win rate
     */
    public record Gate(@Nullable Better better, @Nullable Double maxErrorRate, @Nullable MeanScore meanScore,
                       @Nullable WinRate winRate) {

        /** Checks that exactly one is given. */
        public Gate {
            int given = (better != null ? 1 : 0) + (maxErrorRate != null ? 1 : 0) + (meanScore != null ? 1 : 0)
                    + (winRate != null ? 1 : 0);
            check(given == 1, "give exactly one of better, maxErrorRate, meanScore or winRate, not " + given);
            check(maxErrorRate == null || maxErrorRate >= 0 && maxErrorRate <= 1,
                    "maxErrorRate must be in [0, 1] but was " + maxErrorRate);
        }
    }

    /**
     * @param candidate the candidate that must be better
     * @param than      the other
     */
    public record Better(String candidate, String than) {

        /** Checks the fields. */
        public Better {
            require(candidate, "candidate");
            require(than, "than");
        }
    }

    /**
     * @param candidate the candidate
     * @param atLeast   the lowest acceptable mean score
     * @param judge     the metric judge (default: the only one)
     */
    public record MeanScore(String candidate, Double atLeast, @Nullable String judge) {

        /** Checks the fields. */
        public MeanScore {
            require(candidate, "candidate");
            require(atLeast, "atLeast");
        }
    }

    /**
     * @param candidate       the candidate
     * @param against         the other
     * @param lowerBoundAbove the bound the 95% Wilson lower bound must exceed
     */
    public record WinRate(String candidate, String against, Double lowerBoundAbove) {

        /** Checks the fields. */
        public WinRate {
            require(candidate, "candidate");
            require(against, "against");
            require(lowerBoundAbove, "lowerBoundAbove");
        }
    }

    private static void require(@Nullable Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "RunConfig[" + candidates.size() + " candidates, " + judges.size() + " judges, "
                + Objects.requireNonNullElse(gates, List.of()).size() + " gates]";
    }
}
