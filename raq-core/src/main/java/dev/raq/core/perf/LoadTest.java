package dev.raq.core.perf;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.TokenUsage;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A load test of one model endpoint: sends prompts through a {@link ModelClient} in closed or open loop and measures
 * what EvalScope's {@code perf} and vLLM's {@code benchmark_serving} measure (latency, time to first token, time per
 * output token, inter-token latency, throughput, goodput, failures by cause), plus its own CPU cost.
 * <pre>{@code
 * ModelClient client = OpenAiCompatibleClient.local("http://localhost:8000/v1").model("m").streaming(true).build();
 * LoadTest test = LoadTest.builder(client).prompts(PromptSource.synthetic(512)).outputTokens(128)
 *         .requests(200).warmupRequests(8).seed(42).sla(Sla.ofMillis(500, 50)).build();
 * List<LoadTestReport> sweep = test.sweep(List.of(LoadProfile.concurrency(1), LoadProfile.concurrency(8)));
 * System.out.println(LoadTestFormat.table(sweep));
 * }</pre>
 *
 * <p>The client must stream (an HTTP client built with {@code streaming(true)}) for TTFT, TPOT and ITL; a client
 * that does not is still measured for latency and throughput, and the report warns. A closed loop runs one thread
 * per user calling {@link ModelClient#complete}; an open loop starts requests with
 * {@link ModelClient#completeAsync} at Poisson arrival times and never waits for them before sending the next.
 * Requests still in flight when a duration ends are awaited and counted. Warm-up requests run first, at the same
 * load, and are left out of every figure. Immutable; {@link #run()} may be called again (each call is a new run).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LoadTest {

    /** Measured requests per run when neither a count nor a duration is set: {@value}. */
    public static final int DEFAULT_REQUESTS = 100;
    /** Input length of the default synthetic prompts, in tokens: {@value}. */
    public static final int DEFAULT_INPUT_TOKENS = 128;
    /** Share of the machine's CPU the load generator may use before the report warns it may be the bottleneck. */
    public static final double SATURATION_WARNING_SHARE = 0.8;

    private static final System.Logger LOG = System.getLogger(LoadTest.class.getName());

    private final ModelClient client;
    private final PromptSource prompts;
    private final GenerationOptions options;
    private final LoadProfile profile;
    private final int requests;
    private final @Nullable Duration duration;
    private final int warmupRequests;
    private final long seed;
    private final @Nullable Sla sla;
    private final LoadTestListener listener;
    private final LongSupplier ticker;

    private LoadTest(Builder b, GenerationOptions options, int requests) {
        this.client = Objects.requireNonNull(b.client);
        this.prompts = b.prompts;
        this.options = options;
        this.profile = b.profile;
        this.requests = requests;
        this.duration = b.duration;
        this.warmupRequests = b.warmupRequests;
        this.seed = b.seed;
        this.sla = b.sla;
        this.listener = b.listener;
        this.ticker = b.ticker;
    }

    private LoadTest(LoadTest t, LoadProfile profile) {
        this.client = t.client;
        this.prompts = t.prompts;
        this.options = t.options;
        this.profile = profile;
        this.requests = t.requests;
        this.duration = t.duration;
        this.warmupRequests = t.warmupRequests;
        this.seed = t.seed;
        this.sla = t.sla;
        this.listener = t.listener;
        this.ticker = t.ticker;
    }

    /** A builder for a load test of {@code client}. */
    public static Builder builder(ModelClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /** The load this test applies. */
    public LoadProfile profile() {
        return profile;
    }

    /** The SLA goodput is measured against, if one was set. */
    public Optional<Sla> sla() {
        return Optional.ofNullable(sla);
    }

    /** This test with another load (everything else, the seed included, unchanged). */
    public LoadTest withProfile(LoadProfile profile) {
        return new LoadTest(this, Objects.requireNonNull(profile, "profile"));
    }

    /**
     * Runs this test at each load in turn (a concurrency or rate sweep), warm-up included each time.
     *
     * @param profiles at least one load
     * @return one report per load, in order
     */
    public List<LoadTestReport> sweep(List<LoadProfile> profiles) {
        Objects.requireNonNull(profiles, "profiles");
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("profiles must not be empty");
        }
        List<LoadTestReport> reports = new ArrayList<>();
        for (LoadProfile p : profiles) {
            reports.add(withProfile(p).run());
        }
        return reports;
    }

    /**
     * Runs the warm-up, then the measured requests, and blocks until every request sent has finished.
     *
     * @return the report of the measured requests
     */
    public LoadTestReport run() {
        ExecutorService pool = Executors.newCachedThreadPool(new DaemonThreads());
        try {
            if (warmupRequests > 0) {
                LoadProfile warm = profile.isOpenLoop() ? profile
                        : LoadProfile.concurrency(Math.min(profile.concurrency(), warmupRequests));
                execute(pool, warm, warmupRequests, null, 0, LoadTestListener.none());
            }
            long cpuBefore = processCpuNanos();
            Batch batch = execute(pool, profile, requests, duration, warmupRequests, new GuardedListener(listener));
            long cpuAfter = processCpuNanos();
            long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            return LoadTestReport.of(profile, sla, batch.observations, cpu, Runtime.getRuntime().availableProcessors(),
                    batch.wallNanos);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "LoadTest{" + profile + ", " + (requests > 0 ? requests + " requests" : "")
                + (duration == null ? "" : (requests > 0 ? ", " : "") + "for " + duration) + ", prompts=" + prompts
                + ", options=" + options + ", warmup=" + warmupRequests + ", seed=" + seed
                + (sla == null ? "" : ", sla=" + sla) + "}";
    }

    private static final class Batch {
        final List<Observation> observations;
        final long wallNanos;

        Batch(List<Observation> observations, long wallNanos) {
            this.observations = observations;
            this.wallNanos = wallNanos;
        }
    }

    /** Sends {@code limit} requests (0: no limit) or until {@code duration} ends, and waits for all of them. */
    private Batch execute(ExecutorService pool, LoadProfile load, int limit, @Nullable Duration duration,
                          long firstIndex, LoadTestListener progress) {
        Run run = new Run(load, limit, duration, firstIndex, progress);
        if (load.isOpenLoop()) {
            run.openLoop(pool);
        } else {
            run.closedLoop(pool);
        }
        return new Batch(new ArrayList<>(run.observations), Math.max(0, ticker.getAsLong() - run.start));
    }

    /** One batch of requests in flight. */
    private final class Run {
        final LoadProfile load;
        final int limit;
        final long start;
        final long deadline;
        final long firstIndex;
        final LoadTestListener progress;
        final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
        final AtomicLong next = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();

        Run(LoadProfile load, int limit, @Nullable Duration duration, long firstIndex, LoadTestListener progress) {
            this.load = load;
            this.limit = limit;
            this.firstIndex = firstIndex;
            this.progress = progress;
            this.start = ticker.getAsLong();
            this.deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        }

        /** The index of the next request to send, or -1 when the run is over. */
        long claim() {
            long i = next.getAndIncrement();
            if ((limit > 0 && i >= limit) || ticker.getAsLong() - deadline >= 0) {
                return -1;
            }
            return i;
        }

        void closedLoop(ExecutorService pool) {
            List<Future<?>> users = new ArrayList<>();
            for (int u = 0; u < load.concurrency(); u++) {
                users.add(pool.submit(() -> {
                    for (long i = claim(); i >= 0; i = claim()) {
                        ChatRequest request = request(firstIndex + i);
                        long sent = ticker.getAsLong();
                        inFlight.incrementAndGet();
                        Observation o;
                        try {
                            Completion c = client.complete(request);
                            o = observe(request, c, sent, ticker.getAsLong());
                        } catch (RuntimeException e) {
                            o = Observation.failure(sent - start, ticker.getAsLong() - start, FailureCause.of(e));
                        }
                        record(o);
                    }
                }));
            }
            for (Future<?> user : users) {
                await(user);
            }
        }

        void openLoop(ExecutorService pool) {
            Random arrivals = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            long due = start;
            for (long i = claim(); i >= 0; i = claim()) {
                sleepUntil(due);
                if (ticker.getAsLong() - deadline >= 0) {
                    break;
                }
                ChatRequest request = request(firstIndex + i);
                long at = ticker.getAsLong();
                inFlight.incrementAndGet();
                CompletableFuture<Completion> call;
                try {
                    call = client.completeAsync(request, pool);
                } catch (RuntimeException e) {
                    call = CompletableFuture.failedFuture(e);
                }
                sent.add(call.handle((c, failure) -> {
                    long end = ticker.getAsLong();
                    record(failure != null || c == null
                            ? Observation.failure(at - start, end - start,
                                    FailureCause.of(failure == null ? new NullPointerException("null completion")
                                            : failure))
                            : observe(request, c, at, end));
                    return null;
                }));
                double gap = -Math.log(1 - arrivals.nextDouble()) / load.rate();
                due += (long) (gap * 1e9);
            }
            for (CompletableFuture<?> f : sent) {
                await(f);
            }
        }

        private void sleepUntil(long due) {
            for (long wait = due - ticker.getAsLong(); wait > 0; wait = due - ticker.getAsLong()) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the load test was interrupted");
                }
            }
        }

        private ChatRequest request(long index) {
            String prompt = prompts.prompt(index, new Random(seed * 1_000_003L + index));
            return ChatRequest.builder().user(prompt).options(options).build();
        }

        private Observation observe(ChatRequest request, Completion c, long sent, long end) {
            long latency = c.latency().map(Duration::toNanos).orElse(end - sent);
            long ttft = c.timeToFirstToken().map(Duration::toNanos).orElse(-1L);
            TokenUsage usage = c.usage().orElseGet(() -> estimate(request, c.text()));
            return Observation.success(sent - start, end - start, latency, ttft, c.chunkOffsetsNanos(),
                    usage.promptTokens(), usage.completionTokens(), usage.estimated());
        }

        private void record(Observation o) {
            observations.add(o);
            inFlight.decrementAndGet();
            long done = finished.incrementAndGet();
            long bad = o.ok() ? failed.get() : failed.incrementAndGet();
            progress.onProgress(new LoadProgress(load, done, bad, limit,
                    Duration.ofNanos(Math.max(0, ticker.getAsLong() - start)), Math.max(0, inFlight.get())));
        }

        private void await(Future<?> f) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the load test was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a load test user failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Usage estimated at four characters per token, marked estimated (the same rule as RAQ's HTTP clients). */
    static TokenUsage estimate(ChatRequest request, String answer) {
        long chars = 0;
        for (var m : request.messages()) {
            chars += m.content().length();
        }
        return TokenUsage.estimated((chars + 3) / 4, (answer.length() + 3) / 4);
    }

    /** CPU time this process has used, in nanoseconds, or -1 when the JVM does not say. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long t = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            return t < 0 ? -1 : t;
        }
        return -1;
    }

    /** Reports a listener's first failure and never lets one escape. */
    private static final class GuardedListener implements LoadTestListener {
        private final LoadTestListener delegate;
        private final AtomicBoolean reported = new AtomicBoolean();

        GuardedListener(LoadTestListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onProgress(LoadProgress progress) {
            try {
                delegate.onProgress(progress);
            } catch (RuntimeException e) {
                if (reported.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.WARNING, "the load test's progress listener failed; the test goes on",
                            e);
                }
            }
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "raq-load-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /**
     * Builds a {@link LoadTest}. Setters reject bad values at once; {@link #build()} leaves the builder reusable.
     */
    public static final class Builder {
        private final ModelClient client;
        private PromptSource prompts = PromptSource.synthetic(DEFAULT_INPUT_TOKENS);
        private GenerationOptions options = GenerationOptions.none();
        private @Nullable Integer outputTokens;
        private boolean fixedOutputLength;
        private LoadProfile profile = LoadProfile.concurrency(1);
        private int requests;
        private @Nullable Duration duration;
        private int warmupRequests;
        private long seed;
        private @Nullable Sla sla;
        private LoadTestListener listener = LoadTestListener.none();
        private LongSupplier ticker = System::nanoTime;

        private Builder(ModelClient client) {
            this.client = client;
        }

        /** Where prompts come from (default: {@code PromptSource.synthetic(DEFAULT_INPUT_TOKENS)}). */
        public Builder prompts(PromptSource prompts) {
            this.prompts = Objects.requireNonNull(prompts, "prompts");
            return this;
        }

        /**
         * The output length asked for, sent as {@code max_tokens}; the answer has exactly this length only where the
         * server also ignores end-of-sequence ({@link #fixedOutputLength}). Default: unset.
         *
         * @param outputTokens at least 1
         */
        public Builder outputTokens(int outputTokens) {
            if (outputTokens < 1) {
                throw new IllegalArgumentException("outputTokens must be >= 1 but was " + outputTokens);
            }
            this.outputTokens = outputTokens;
            return this;
        }

        /**
         * Also sends {@code min_tokens} and {@code ignore_eos} with the output length, so that servers that honour
         * them (vLLM, NIM) generate exactly {@link #outputTokens} tokens, as vLLM's benchmark does (default: false;
         * OpenAI's own API refuses these fields).
         */
        public Builder fixedOutputLength(boolean fixed) {
            this.fixedOutputLength = fixed;
            return this;
        }

        /** Other sampling options of every request, such as a temperature (default: none). */
        public Builder options(GenerationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The load (default: {@code LoadProfile.concurrency(1)}). */
        public Builder profile(LoadProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Measured requests per run (default {@value #DEFAULT_REQUESTS} when no duration is set either). With a
         * duration too, the run stops at whichever comes first.
         *
         * @param requests at least 1
         */
        public Builder requests(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be >= 1 but was " + requests);
            }
            this.requests = requests;
            return this;
        }

        /**
         * How long to keep sending measured requests (default: none; the run stops at the request count).
         *
         * @param duration positive
         */
        public Builder duration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive but was " + duration);
            }
            this.duration = duration;
            return this;
        }

        /**
         * Requests sent before measuring, at the same load, and left out of the report (default 0).
         *
         * @param warmupRequests at least 0
         */
        public Builder warmupRequests(int warmupRequests) {
            if (warmupRequests < 0) {
                throw new IllegalArgumentException("warmupRequests must be >= 0 but was " + warmupRequests);
            }
            this.warmupRequests = warmupRequests;
            return this;
        }

        /** The seed of prompt choice, synthetic text and Poisson arrivals (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The SLA goodput is measured against (default: none, and no goodput is reported). */
        public Builder sla(@Nullable Sla sla) {
            this.sla = sla;
            return this;
        }

        /** Sees progress after every measured request (default: none). */
        public Builder listener(LoadTestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The nanosecond clock of the run's schedule and wall time (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Builds the test. */
        public LoadTest build() {
            GenerationOptions merged = outputTokens == null ? options
                    : options.merge(fixedOutputLength ? GenerationOptions.builder().maxTokens(outputTokens)
                            .minTokens(outputTokens).ignoreEos(true).build()
                            : GenerationOptions.builder().maxTokens(outputTokens).build());
            int count = requests == 0 && duration == null ? DEFAULT_REQUESTS : requests;
            return new LoadTest(this, merged, count);
        }
    }
}
