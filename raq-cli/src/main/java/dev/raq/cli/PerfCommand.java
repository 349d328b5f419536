package dev.raq.cli;

import dev.raq.clients.AnthropicClient;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.clients.http.HttpClientBuilder;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.model.ModelClient;
import dev.raq.core.perf.LoadProfile;
import dev.raq.core.perf.LoadProgress;
import dev.raq.core.perf.LoadTest;
import dev.raq.core.perf.LoadTestFormat;
import dev.raq.core.perf.LoadTestListener;
import dev.raq.core.perf.LoadTestReport;
import dev.raq.core.perf.PromptSource;
import dev.raq.core.perf.Sla;
import dev.raq.core.perf.SlaSearch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code raq perf --url http://localhost:8000/v1 --model M --concurrency 1,8,64 --input-tokens 512
 * --output-tokens 128}: a load test of an OpenAI-compatible or Anthropic endpoint with streaming requests, one run
 * per concurrency (or Poisson rate), printed as a table with the metrics EvalScope reports; optionally an SLA search
 * and JSON, Markdown or HTML files. Progress goes to standard error. {@code --simulate 40,10} runs against a simulated
 * server on the loopback interface instead, to try it without one.
 */
@Command(name = "perf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test a model endpoint: TTFT, TPOT, ITL, latency and throughput per concurrency or rate.",
                "Requests are streamed; warm-up requests are not measured. Definitions: docs/load-test.md."})
final class PerfCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL",
            description = "base URL up to the API version, such as http://localhost:8000/v1")
    @Nullable String url;

    @Option(names = "--simulate", paramLabel = "TTFT_MS,GAP_MS", description = "instead of --url: a simulated "
            + "streaming server on the loopback interface that answers after TTFT_MS, then one token every GAP_MS, "
            + "to try the load test without a model server")
    @Nullable String simulate;

    @Option(names = "--model", required = true, paramLabel = "M", description = "the model id to request")
    String model;

    @Option(names = "--api", paramLabel = "API", defaultValue = "openai",
            description = "openai (any OpenAI-compatible server) or anthropic (default ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--key-env", paramLabel = "VAR", description = "environment variable holding the API key")
    @Nullable String keyEnv;

    @Option(names = "--concurrency", split = ",", paramLabel = "N",
            description = "closed loop: concurrent users, one run each, such as 1,8,64 (default 1)")
    @Nullable List<Integer> concurrency;

    @Option(names = "--rate", split = ",", paramLabel = "R",
            description = "open loop instead: Poisson request rates per second, one run each, such as 1,2,4")
    @Nullable List<Double> rate;

    @Option(names = {"-n", "--requests"}, paramLabel = "N",
            description = "measured requests per run (default " + LoadTest.DEFAULT_REQUESTS + " unless --duration)")
    @Nullable Integer requests;

    @Option(names = "--duration", paramLabel = "D", description = "how long each run sends requests: 30s, 2m, PT1M")
    @Nullable String duration;

    @Option(names = "--input-tokens", paramLabel = "N",
            description = "synthetic prompts of about N tokens (default " + LoadTest.DEFAULT_INPUT_TOKENS + ")")
    @Nullable Integer inputTokens;

    @Option(names = "--prompts", paramLabel = "FILE", description = "prompts instead: one per line of a text file")
    @Nullable Path promptsFile;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl",
            description = "prompts instead: a JSONL dataset's questions (see --template)")
    @Nullable Path dataset;

    @Option(names = "--template", paramLabel = "T", defaultValue = "{question}",
            description = "prompt template for --dataset (default ${DEFAULT-VALUE})")
    String template;

    @Option(names = "--fixed-output", description = "also send min_tokens and ignore_eos so that vLLM or NIM "
            + "generate exactly --output-tokens tokens (OpenAI's own API refuses them)")
    boolean fixedOutput;

    @Option(names = "--output-tokens", paramLabel = "N", description = "max_tokens of every request")
    @Nullable Integer outputTokens;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
            description = "unmeasured requests before each run (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of prompts and arrivals")
    long seed;

    @Option(names = "--sla-ttft", paramLabel = "MS", description = "SLA: time to first token limit in ms")
    @Nullable Double slaTtft;

    @Option(names = "--sla-tpot", paramLabel = "MS", description = "SLA: time per output token limit in ms")
    @Nullable Double slaTpot;

    @Option(names = "--sla-search", description = "search the highest concurrency (or rate) between the lowest "
            + "and highest given whose p99 TTFT and TPOT meet the SLA")
    boolean slaSearch;

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "1",
            description = "runs per SLA-search probe; all must pass (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "per-request timeout (default ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the reports as JSON")
    @Nullable Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the reports as Markdown")
    @Nullable Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "also write an HTML page with charts")
    @Nullable Path html;

    @Option(names = "--no-progress", description = "print no live progress")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if ((url == null) == (simulate == null)) {
            throw usage("give either --url URL or --simulate TTFT_MS,GAP_MS");
        }
        if (simulate == null) {
            return run(java.util.Objects.requireNonNull(url));
        }
        String[] parts = simulate.split(",");
        if (parts.length != 2 || !parts[0].strip().matches("\\d+") || !parts[1].strip().matches("\\d+")) {
            throw usage("--simulate must be TTFT_MS,GAP_MS (whole milliseconds) but was '" + simulate + "'");
        }
        TimedSseServer.Behaviour behaviour = new TimedSseServer.Behaviour(
                Duration.ofMillis(Long.parseLong(parts[0].strip())), Duration.ofMillis(Long.parseLong(parts[1].strip())),
                32, 1, 0);
        try (TimedSseServer server = new TimedSseServer(behaviour)) {
            spec.commandLine().getOut().println("raq perf: simulating a server (TTFT " + behaviour.ttft().toMillis()
                    + " ms, a token every " + behaviour.gap().toMillis() + " ms) in this JVM: its CPU counts in the "
                    + "measurement overhead below");
            return run(server.baseUrl());
        }
    }

    private Integer run(String baseUrl) {
        List<LoadProfile> profiles = profiles();
        Sla sla = sla();
        LoadTest.Builder b = LoadTest.builder(client(baseUrl)).prompts(prompts()).warmupRequests(warmup).seed(seed).sla(sla);
        if (outputTokens != null) {
            b.outputTokens(positive("--output-tokens", outputTokens)).fixedOutputLength(fixedOutput);
        }
        if (requests != null) {
            b.requests(positive("--requests", requests));
        }
        if (duration != null) {
            b.duration(parseDuration(duration));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!noProgress) {
            b.listener(new Progress(err));
        }
        LoadTest test = b.build();
        List<LoadTestReport> reports;
        String verdict = null;
        if (slaSearch) {
            if (sla == null) {
                throw usage("--sla-search needs --sla-ttft and --sla-tpot");
            }
            LoadProfile lo = profiles.get(0);
            LoadProfile hi = profiles.get(profiles.size() - 1);
            SlaSearch.Result result = lo.isOpenLoop()
                    ? SlaSearch.rate(test, sla, lo.rate(), hi.rate(), 0.1, positive("--repeats", repeats))
                    : SlaSearch.concurrency(test, sla, lo.concurrency(), hi.concurrency(), positive("--repeats", repeats));
            reports = result.reports();
            verdict = result.best().map(p -> "highest load within the SLA (" + sla + ", p99): " + p)
                    .orElse("no load in the range met the SLA (" + sla + ", p99), not even " + lo);
        } else {
            reports = test.sweep(profiles);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("raq perf: " + model + " at " + baseUrl + " (" + api + ", streaming)");
        out.print(LoadTestFormat.table(reports));
        if (verdict != null) {
            out.println(verdict);
        }
        write(json, LoadTestFormat.json(reports));
        write(markdown, LoadTestFormat.markdown(reports) + (verdict == null ? "" : "\n" + verdict + "\n"));
        if (html != null) {
            dev.raq.report.html.LoadTestPage.write(reports, html);
            out.println("wrote " + html);
        }
        out.flush();
        boolean anySucceeded = reports.stream().anyMatch(r -> r.succeeded() > 0);
        if (!anySucceeded) {
            err.println("raq perf: every request failed");
            return Raq.INCOMPLETE;
        }
        return Raq.OK;
    }

    private List<LoadProfile> profiles() {
        if (rate != null && concurrency != null) {
            throw usage("give --concurrency (closed loop) or --rate (open loop), not both");
        }
        List<LoadProfile> profiles = new ArrayList<>();
        if (rate != null) {
            for (double r : rate) {
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw usage("--rate must be a positive number but was " + r);
                }
                profiles.add(LoadProfile.poisson(r));
            }
        } else {
            for (int c : concurrency == null ? List.of(1) : concurrency) {
                profiles.add(LoadProfile.concurrency(positive("--concurrency", c)));
            }
        }
        if (slaSearch) {
            profiles.sort((x, y) -> Double.compare(x.isOpenLoop() ? x.rate() : x.concurrency(),
                    y.isOpenLoop() ? y.rate() : y.concurrency()));
        }
        return Collections.unmodifiableList(profiles);
    }

    private @Nullable Sla sla() {
        if (slaTtft == null && slaTpot == null) {
            return null;
        }
        if (slaTtft == null || slaTpot == null) {
            throw usage("an SLA needs both --sla-ttft and --sla-tpot");
        }
        if (!(slaTtft > 0) || !(slaTpot > 0)) {
            throw usage("--sla-ttft and --sla-tpot must be positive but were " + slaTtft + " and " + slaTpot);
        }
        return Sla.ofMillis(slaTtft, slaTpot);
    }

    private PromptSource prompts() {
        int sources = (promptsFile == null ? 0 : 1) + (dataset == null ? 0 : 1) + (inputTokens == null ? 0 : 1);
        if (sources > 1) {
            throw usage("give one of --input-tokens, --prompts and --dataset");
        }
        if (promptsFile != null) {
            return PromptSource.fromFile(CommandSupport.existing(promptsFile, "prompt file"));
        }
        if (dataset != null) {
            return PromptSource.fromDataset(Dataset.fromJsonl(CommandSupport.existing(dataset, "dataset")),
                    PromptTemplate.of(template));
        }
        return PromptSource.synthetic(positive("--input-tokens",
                inputTokens == null ? LoadTest.DEFAULT_INPUT_TOKENS : inputTokens));
    }

    private ModelClient client(String url) {
        String key = null;
        if (keyEnv != null) {
            key = System.getenv(keyEnv);
            if (key == null || key.isBlank()) {
                throw usage("environment variable " + keyEnv + " is not set");
            }
        }
        Duration requestTimeout = Duration.ofSeconds(positive("--timeout", timeout));
        switch (api.toLowerCase(Locale.ROOT)) {
            case "openai": {
                OpenAiCompatibleClient.Builder b = OpenAiCompatibleClient.local(url);
                return configure(b, key, requestTimeout).build();
            }
            case "anthropic": {
                AnthropicClient.Builder b = AnthropicClient.builder().baseUrl(url);
                String fromEnvironment = System.getenv("ANTHROPIC_API_KEY");
                if (key == null && (fromEnvironment == null || fromEnvironment.isBlank())) {
                    b.apiKey("none"); // a local Anthropic-compatible server needs no key; Anthropic answers 401
                }
                return configure(b, key, requestTimeout).build();
            }
            default:
                throw usage("--api must be openai or anthropic but was '" + api + "'");
        }
    }

    private <B extends HttpClientBuilder<B>> B configure(B b, @Nullable String key, Duration timeout) {
        b.model(model);
        if (key != null) {
            b.apiKey(key);
        }
        return b.streaming(true).requestTimeout(timeout);
    }

    private static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            } else if (t.endsWith("m")) {
                d = Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--duration must be positive but was '" + text + "'");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--duration must look like 30s, 2m, 500ms or PT1M but was '" + text
                    + "'", e);
        }
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw usage(option + " must be >= 1 but was " + value);
        }
        return value;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void write(@Nullable Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Live progress on standard error: on a terminal one line rewritten in place a few times a second, elsewhere a
     * line a second; every run ends with its final count.
     */
    private static final class Progress implements LoadTestListener {
        private static final long TERMINAL_EVERY = 200_000_000L;
        private static final long LOG_EVERY = 1_000_000_000L;

        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final AtomicLong lastPrinted = new AtomicLong(Long.MIN_VALUE);

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onProgress(LoadProgress p) {
            long now = System.nanoTime();
            long last = lastPrinted.get();
            boolean end = p.planned() > 0 && p.finished() == p.planned();
            if (!end && last != Long.MIN_VALUE && now - last < (terminal ? TERMINAL_EVERY : LOG_EVERY)) {
                return;
            }
            if (!end && !lastPrinted.compareAndSet(last, now)) {
                return;
            }
            if (end) {
                lastPrinted.set(Long.MIN_VALUE);
            }
            String line = String.format(Locale.ROOT, "%s: %d%s done, %d failed, %d in flight, %.1f s", p.profile(),
                    p.finished(), p.planned() > 0 ? "/" + p.planned() : "", p.failed(), p.inFlight(),
                    p.elapsed().toNanos() / 1e9);
            synchronized (err) {
                if (terminal) {
                    err.print("\r" + line + (end ? "\n" : ""));
                } else {
                    err.println(line);
                }
                err.flush();
            }
        }
    }
}
