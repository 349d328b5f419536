package dev.raq.examples.study;

import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.clients.StructuredReplyMode;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of one study run, parsed from the command line and the environment (a command-line option wins over
 * its environment variable). Keys come only from the environment and never appear in {@link #toString()}.
 *
 * @param candidatesUrl   the OpenAI-compatible server of the candidates, or null for hosted NVIDIA NIM
 * @param candidateModels the candidate model ids, at least two, distinct
 * @param candidatesKey   the key sent to the candidates' server, or null when it needs none
 * @param judgeUrl        the OpenAI-compatible server of the judge, or null for OpenAI
 * @param judgeModel      the judge model id, not one of the candidates
 * @param judgeKey        the key sent to the judge's server, or null when it needs none
 * @param judgeReply      how the judge is asked for its ranking: the {@code return_rank} tool call by default,
 *                        a JSON schema, or instructions in the prompt for servers without either
 * @param samples         how many SQuAD questions to ask, at least 2
 * @param seed            the seed of the question sample and of the judge's answer orders
 * @param out             the directory the JSON and Markdown reports are written to
 * @param concurrency     how many model calls may be in flight at once, at least 1
 */
record StudyConfig(@Nullable String candidatesUrl, List<String> candidateModels, @Nullable String candidatesKey,
                   @Nullable String judgeUrl, String judgeModel, @Nullable String judgeKey,
                   StructuredReplyMode judgeReply, int samples, long seed, Path out, int concurrency) {

    /** The four NIM models of the RAQ study, small to large. */
    static final List<String> STUDY_MODELS = List.of("meta/llama3-8b-instruct", "mistralai/mistral-7b-instruct-v0.3",
            "meta/llama3-70b-instruct", "mistralai/mixtral-8x22b-instruct-v0.1");
    /** The default judge model, on OpenAI. */
    static final String DEFAULT_JUDGE_MODEL = "gpt-4o";
    /** The default number of questions. */
    static final int DEFAULT_SAMPLES = 50;
    /** The default seed. */
    static final long DEFAULT_SEED = 42;
    /** The default output directory. */
    static final String DEFAULT_OUT = "raq-study-report";
    /** The default number of model calls in flight. */
    static final int DEFAULT_CONCURRENCY = 8;

    /** Option name to the environment variable that can set it instead. */
    private static final Map<String, String> OPTIONS = options();

    static final String USAGE = String.join("\n",
            "Usage: LiveRaqStudy [options]",
            "Runs the RAQ study: candidate models answer SQuAD questions, a judge model ranks the answers,",
            "Friedman's test with Conover's post-hoc test and Holm's adjustment says which differences are significant.",
            "",
            "Options (each can also be set with the environment variable shown):",
            "  --candidates-url URL     OpenAI-compatible server of the candidates, e.g. http://localhost:8000/v1",
            "                           (RAQ_CANDIDATES_URL; default: hosted NVIDIA NIM, needs NGC_API_KEY)",
            "  --candidate-models a,b   candidate model ids (RAQ_CANDIDATE_MODELS; default: the study's four NIM",
            "                           models " + String.join(", ", STUDY_MODELS) + ")",
            "  --judge-url URL          OpenAI-compatible server of the judge (RAQ_JUDGE_URL; default: OpenAI,",
            "                           needs OPENAI_API_KEY)",
            "  --judge-model M          judge model id, not one of the candidates (RAQ_JUDGE_MODEL; default "
                    + DEFAULT_JUDGE_MODEL + ")",
            "  --judge-reply MODE       how the judge returns its ranking: tool-call (the return_rank tool),",
            "                           json-schema or prompt, for servers without tool calls (RAQ_JUDGE_REPLY;",
            "                           default tool-call)",
            "  --samples N              number of SQuAD questions, 2 to 300 (RAQ_SAMPLES; default "
                    + DEFAULT_SAMPLES + ")",
            "  --seed S                 seed of the question sample and judge orders (RAQ_SEED; default "
                    + DEFAULT_SEED + ")",
            "  --out DIR                directory for report.json and report.md (RAQ_OUT; default " + DEFAULT_OUT
                    + ")",
            "  --concurrency C          model calls in flight at once (RAQ_CONCURRENCY; default "
                    + DEFAULT_CONCURRENCY + ")",
            "  --help                   print this text",
            "",
            "Keys (environment only): NGC_API_KEY or NVIDIA_API_KEY for hosted NIM, OPENAI_API_KEY for OpenAI;",
            "CANDIDATES_API_KEY and JUDGE_API_KEY (optional) for servers given by --candidates-url / --judge-url.");

    StudyConfig {
        candidateModels = List.copyOf(candidateModels);
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(judgeReply, "judgeReply");
        Objects.requireNonNull(out, "out");
    }

    /**
     * Parses the command line, taking unset options and every key from {@code environment}.
     *
     * @param args        options as {@code --name value} or {@code --name=value}
     * @param environment variable name to value, or to null when unset (pass {@code System::getenv})
     * @return the settings
     * @throws StudyConfigException naming every problem and how to fix it: an unknown option, a bad value, the
     *                              judge among the candidates, a missing key (with the variable to set)
     */
    static StudyConfig parse(String[] args, Function<String, @Nullable String> environment) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(environment, "environment");
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach((option, variable) -> {
            String value = blankToNull(environment.apply(variable));
            if (value != null) {
                values.put(option, value);
            }
        });
        readArgs(args, values, problems);

        String candidatesUrl = url(values.get("--candidates-url"), "--candidates-url", problems);
        String judgeUrl = url(values.get("--judge-url"), "--judge-url", problems);
        List<String> models = models(values.get("--candidate-models"), problems);
        String judgeModel = values.getOrDefault("--judge-model", DEFAULT_JUDGE_MODEL);
        if (models.contains(judgeModel)) {
            problems.add("the judge model '" + judgeModel + "' is also a candidate; a judge must not rank its own "
                    + "answers: pick another --judge-model");
        }
        StructuredReplyMode judgeReply = replyMode(values.get("--judge-reply"), problems);
        int samples = (int) number(values.get("--samples"), "--samples", DEFAULT_SAMPLES, 2, 300, problems);
        long seed = number(values.get("--seed"), "--seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE, problems);
        int concurrency = (int) number(values.get("--concurrency"), "--concurrency", DEFAULT_CONCURRENCY, 1, 1024,
                problems);
        Path out = Path.of(DEFAULT_OUT);
        try {
            out = Path.of(values.getOrDefault("--out", DEFAULT_OUT));
        } catch (InvalidPathException e) {
            problems.add("--out '" + values.get("--out") + "' is not a valid path: " + e.getReason());
        }

        String candidatesKey = candidatesKey(candidatesUrl, environment, problems);
        String judgeKey = judgeKey(judgeUrl, judgeModel, environment, problems);
        if (!problems.isEmpty()) {
            throw new StudyConfigException(String.join("\n\n", problems));
        }
        return new StudyConfig(candidatesUrl, models, candidatesKey, judgeUrl, judgeModel, judgeKey, judgeReply,
                samples, seed, out, concurrency);
    }

    /** Where the candidates run, for people: the URL or "NVIDIA NIM (URL)". */
    String candidatesServer() {
        return candidatesUrl == null ? "NVIDIA NIM (" + OpenAiCompatibleClient.NIM_BASE_URL + ")" : candidatesUrl;
    }

    /** Where the judge runs, for people: the URL or "OpenAI (URL)". */
    String judgeServer() {
        return judgeUrl == null ? "OpenAI (" + OpenAiCompatibleClient.OPENAI_BASE_URL + ")" : judgeUrl;
    }

    /** Every setting except the keys, which show as {@code ****} or {@code none}. */
    @Override
    public String toString() {
        return "StudyConfig{candidates=" + candidateModels + " on " + candidatesServer() + ", candidatesKey="
                + mask(candidatesKey) + ", judge=" + judgeModel + " on " + judgeServer() + ", judgeKey="
                + mask(judgeKey) + ", judgeReply=" + judgeReply + ", samples=" + samples + ", seed=" + seed + ", out=" + out + ", concurrency="
                + concurrency + "}";
    }

    private static String mask(@Nullable String key) {
        return key == null ? "none" : "****";
    }

    private static Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : List.of("candidates-url", "candidate-models", "judge-url", "judge-model", "judge-reply",
                "samples", "seed", "out", "concurrency")) {
            m.put("--" + name, "RAQ_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
        }
        return Map.copyOf(m);
    }

    private static void readArgs(String[] args, Map<String, String> values, List<String> problems) {
        for (int i = 0; i < args.length; i++) {
            String arg = Objects.requireNonNull(args[i], "args[" + i + "]");
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!OPTIONS.containsKey(name)) {
                problems.add("unknown option '" + name + "' (args[" + i + "]); the options are "
                        + String.join(", ", OPTIONS.keySet()) + " and --help");
                continue;
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                problems.add("option " + name + " needs a value");
                continue;
            }
            if (value.isBlank()) {
                problems.add("option " + name + " needs a value but was blank");
            } else {
                values.put(name, value.strip());
            }
        }
    }

    /** The URL without a trailing slash; null when absent or invalid (then a problem is added). */
    private static @Nullable String url(@Nullable String value, String option, List<String> problems) {
        if (value == null) {
            return null;
        }
        String url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(option + " must be an http(s) URL such as http://localhost:8000/v1 but was '" + value
                        + "'");
                return null;
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                problems.add(option + " must not carry credentials or a query; keys come from the environment");
                return null;
            }
        } catch (URISyntaxException e) {
            problems.add(option + " is not a URL: '" + value + "'");
            return null;
        }
        return url;
    }

    private static List<String> models(@Nullable String value, List<String> problems) {
        if (value == null) {
            return STUDY_MODELS;
        }
        List<String> models = new ArrayList<>();
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String model = parts[i].strip();
            if (model.isEmpty()) {
                problems.add("--candidate-models[" + i + "] is empty in '" + value + "'");
            } else {
                models.add(model);
            }
        }
        if (new LinkedHashSet<>(models).size() != models.size()) {
            problems.add("--candidate-models names a model twice: '" + value + "'");
        }
        if (models.size() < 2) {
            problems.add("--candidate-models needs at least two models to compare but was '" + value + "'");
        }
        return models;
    }

    private static StructuredReplyMode replyMode(@Nullable String value, List<String> problems) {
        if (value == null) {
            return StructuredReplyMode.TOOL_CALL;
        }
        for (StructuredReplyMode mode : StructuredReplyMode.values()) {
            if (mode.name().replace('_', '-').equalsIgnoreCase(value) || mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        problems.add("--judge-reply must be tool-call, json-schema or prompt but was '" + value + "'");
        return StructuredReplyMode.TOOL_CALL;
    }

    private static long number(@Nullable String value, String option, long fallback, long min, long max,
                               List<String> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                problems.add(option + " must be in [" + min + ", " + max + "] but was " + n);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(option + " must be a whole number but was '" + value + "'");
            return fallback;
        }
    }

    private static @Nullable String candidatesKey(@Nullable String url, Function<String, @Nullable String> env,
                                                  List<String> problems) {
        if (url != null) {
            return firstSet(env, "CANDIDATES_API_KEY");
        }
        String key = firstSet(env, "NGC_API_KEY", "NVIDIA_API_KEY");
        if (key == null) {
            problems.add(String.join("\n",
                    "No key for the candidates on hosted NVIDIA NIM. Set the environment variable NGC_API_KEY",
                    "(or NVIDIA_API_KEY) to your NVIDIA API key (from https://build.nvidia.com), e.g.",
                    "    export NGC_API_KEY=nvapi-...",
                    "or run the candidates on your own OpenAI-compatible server (vLLM, Ollama, a self-hosted NIM),",
                    "which needs no key: --candidates-url http://localhost:8000/v1"));
        }
        return key;
    }

    private static @Nullable String judgeKey(@Nullable String url, String judgeModel,
                                             Function<String, @Nullable String> env, List<String> problems) {
        if (url != null) {
            return firstSet(env, "JUDGE_API_KEY");
        }
        String key = firstSet(env, "OPENAI_API_KEY");
        if (key == null) {
            problems.add(String.join("\n",
                    "No key for the judge " + judgeModel + " on OpenAI. Set the environment variable OPENAI_API_KEY"
                            + " to your OpenAI API key, e.g.",
                    "    export OPENAI_API_KEY=sk-...",
                    "or use a judge on another OpenAI-compatible server: --judge-url URL --judge-model MODEL",
                    "(its key, if it needs one, in JUDGE_API_KEY)"));
        }
        return key;
    }

    private static @Nullable String firstSet(Function<String, @Nullable String> env, String... names) {
        return Arrays.stream(names).map(env).map(StudyConfig::blankToNull).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
