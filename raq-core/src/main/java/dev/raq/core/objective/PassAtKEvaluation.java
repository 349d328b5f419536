package dev.raq.core.objective;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.internal.Hash64;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.PassAtK;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * pass@k (Chen et al., 2021): each candidate answers every problem n times, a user-supplied verifier says which answers
 * are right, and pass@k is the unbiased estimate of the chance that at least one of k answers drawn from the n is
 * right, averaged over problems ({@link PassAtK}); pass^k (all k right) beside it. Each mean comes with a 95%
 * percentile bootstrap interval over problems (1,000 rounds, seeded). Calls that fail are counted and shown, never
 * scored: a problem is estimated from its successful answers, and left out of pass@k for a k larger than their
 * number (the report counts the problems left out). Each of the n requests carries a different seed derived from the
 * evaluation's seed, the problem and the attempt, so servers that honour seeds give distinct, reproducible samples;
 * set a temperature above 0 in the prompt's options for them to differ at all.
 *
 * <pre>{@code
 * PassAtKReport r = PassAtKEvaluation.builder().dataset(problems).candidate("m", client)
 *     .samplesPerProblem(10).k(1, 5).verifier((problem, answer) -> tests.pass(problem, answer)).build().run();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PassAtKEvaluation {

    private final List<Sample> problems;
    private final Map<String, ModelClient> candidates;
    private final Function<Sample, ChatRequest> prompt;
    private final int n;
    private final int[] ks;
    private final BiPredicate<Sample, String> verifier;
    private final int concurrency;
    private final long seed;

    private PassAtKEvaluation(Builder b) {
        this.problems = List.copyOf(b.problems);
        this.candidates = new LinkedHashMap<>(b.candidates);
        this.prompt = b.prompt;
        this.n = b.n;
        this.ks = b.ks.clone();
        this.verifier = Objects.requireNonNull(b.verifier);
        this.concurrency = b.concurrency;
        this.seed = b.seed;
    }

    /** A builder: 10 samples per problem, k = 1, concurrency 8, seed 42, the question as the prompt. */
    public static Builder builder() {
        return new Builder();
    }

    /** Asks every candidate n times per problem, verifies every answer and estimates pass@k. */
    public PassAtKReport run() {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "raq-pass-at-k");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, List<int[]>> counts = new LinkedHashMap<>();
            Map<String, AtomicInteger> failures = new LinkedHashMap<>();
            Map<String, List<String>> firstErrors = new LinkedHashMap<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Map.Entry<String, ModelClient> c : candidates.entrySet()) {
                List<int[]> perProblem = new ArrayList<>();
                AtomicInteger failed = new AtomicInteger();
                List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
                for (int p = 0; p < problems.size(); p++) {
                    Sample problem = problems.get(p);
                    int[] tally = new int[2]; // successful answers, right answers
                    perProblem.add(tally);
                    for (int i = 0; i < n; i++) {
                        ChatRequest request = withSeed(prompt.apply(problem), attemptSeed(p, i));
                        all.add(CompletableFuture.runAsync(() -> {
                            String text;
                            try {
                                Completion completion = Objects.requireNonNull(c.getValue().complete(request),
                                        "the client returned no completion");
                                text = completion.text();
                            } catch (RuntimeException e) {
                                failed.incrementAndGet();
                                if (errors.size() < 3) {
                                    errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                                }
                                return;
                            }
                            boolean right = verifier.test(problem, text);
                            synchronized (tally) {
                                tally[0]++;
                                tally[1] += right ? 1 : 0;
                            }
                        }, pool));
                    }
                }
                counts.put(c.getKey(), perProblem);
                failures.put(c.getKey(), failed);
                firstErrors.put(c.getKey(), errors);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            List<PassAtKReport.Row> rows = new ArrayList<>();
            for (String c : candidates.keySet()) {
                for (int k : ks) {
                    rows.add(row(c, k, Objects.requireNonNull(counts.get(c)),
                            Objects.requireNonNull(failures.get(c)).get(),
                            List.copyOf(Objects.requireNonNull(firstErrors.get(c)))));
                }
            }
            return new PassAtKReport(problems.size(), n, List.copyOf(rows));
        } finally {
            pool.shutdownNow();
        }
    }

    private PassAtKReport.Row row(String candidate, int k, List<int[]> perProblem, int failedCalls,
                                  List<String> errors) {
        double[] at = new double[perProblem.size()];
        double[] hat = new double[perProblem.size()];
        int used = 0;
        for (int[] t : perProblem) {
            if (t[0] >= k) {
                at[used] = PassAtK.passAtK(t[0], t[1], k);
                hat[used] = PassAtK.passHatK(t[0], t[1], k);
                used++;
            }
        }
        double[] a = java.util.Arrays.copyOf(at, used);
        double[] h = java.util.Arrays.copyOf(hat, used);
        Bootstrap bootstrap = Bootstrap.builder().rounds(1000).confidence(0.95).seed(seed + k).build();
        @Nullable ConfidenceInterval ci = used < 2 ? null : bootstrap.interval(a, PassAtKEvaluation::mean);
        return new PassAtKReport.Row(candidate, k, used, perProblem.size() - used, used == 0 ? Double.NaN : mean(a),
                ci, used == 0 ? Double.NaN : mean(h), failedCalls, errors);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private long attemptSeed(int problem, int attempt) {
        return Hash64.mix(seed ^ (problem * 0x9E3779B97F4A7C15L) ^ (attempt * 0xC2B2AE3D27D4EB4FL));
    }

    private static ChatRequest withSeed(ChatRequest request, long seed) {
        return request.toBuilder().options(request.options().toBuilder().seed(seed).build()).build();
    }

    /** Configures a {@link PassAtKEvaluation}. */
    public static final class Builder {
        private final List<Sample> problems = new ArrayList<>();
        private final Map<String, ModelClient> candidates = new LinkedHashMap<>();
        private Function<Sample, ChatRequest> prompt = s -> ChatRequest.ofUser(s.question());
        private int n = 10;
        private int[] ks = {1};
        private @Nullable BiPredicate<Sample, String> verifier;
        private int concurrency = 8;
        private long seed = 42;

        private Builder() {
        }

        /** The problems. */
        public Builder dataset(Iterable<Sample> problems) {
            problems.forEach(p -> this.problems.add(Objects.requireNonNull(p, "problem")));
            return this;
        }

        /** A candidate model. */
        public Builder candidate(String name, ModelClient client) {
            Preconditions.checkArgument(!name.isBlank(), "candidate names must not be blank");
            Preconditions.checkArgument(!candidates.containsKey(name), () -> "candidate '" + name + "' is added twice");
            candidates.put(name, Objects.requireNonNull(client, "client"));
            return this;
        }

        /** The request for a problem (default: its question as the user message). */
        public Builder prompt(Function<Sample, ChatRequest> prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** Answers asked per problem and candidate, n (default 10). */
        public Builder samplesPerProblem(int n) {
            Preconditions.checkArgument(n >= 1, () -> "samplesPerProblem must be >= 1 but was " + n);
            this.n = n;
            return this;
        }

        /** The k values to estimate (default 1). */
        public Builder k(int... ks) {
            Preconditions.checkArgument(ks.length > 0, "give at least one k");
            for (int k : ks) {
                Preconditions.checkArgument(k >= 1, () -> "k must be >= 1 but was " + k);
            }
            this.ks = ks.clone();
            return this;
        }

        /** Says whether an answer to a problem is right (run tests, compare a number …); thread-safe. */
        public Builder verifier(BiPredicate<Sample, String> verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /** Calls in flight at once (default 8). */
        public Builder concurrency(int concurrency) {
            Preconditions.checkArgument(concurrency >= 1, () -> "concurrency must be >= 1 but was " + concurrency);
            this.concurrency = concurrency;
            return this;
        }

        /** The seed of the requests' seeds and of the intervals (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The evaluation.
         *
         * @throws IllegalStateException listing what is missing: problems, a candidate, the verifier, or a k above n
         */
        public PassAtKEvaluation build() {
            List<String> problemsFound = new ArrayList<>();
            if (problems.isEmpty()) {
                problemsFound.add("no problems: call dataset(...)");
            }
            if (candidates.isEmpty()) {
                problemsFound.add("no candidate: call candidate(name, client)");
            }
            if (verifier == null) {
                problemsFound.add("no verifier: call verifier((problem, answer) -> ...)");
            }
            for (int k : ks) {
                if (k > n) {
                    problemsFound.add("k = " + k + " is more than the " + n + " samples per problem");
                }
            }
            if (!problemsFound.isEmpty()) {
                throw new IllegalStateException("cannot build the pass@k evaluation: " + String.join("; ",
                        problemsFound));
            }
            return new PassAtKEvaluation(this);
        }
    }
}
