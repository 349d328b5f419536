package dev.raq.benchmarks.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.store.JsonlResultStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How much a {@link JsonlResultStore} loses when its process is killed with SIGKILL: the answers a model had
 * completed that are not on disk, and how long before the kill they had completed.
 *
 * <p>Each trial starts a child JVM that runs an evaluation (4 candidates, concurrency 32, answers after 5–25 ms) into
 * a store file; every candidate call prints the moment it completes to the child's standard output before RAQ sees
 * the answer. The parent kills the child with {@code Process.destroyForcibly()} (SIGKILL on Linux) at a random
 * moment once it is answering, reads what the child printed (to a file, which keeps every line written before the
 * kill), and compares it with the answers in the store file.
 *
 * <p>Run (about 1 s per trial):
 * <pre>
 * ./mvnw -B -q -pl raq-benchmarks -am package -DskipTests
 * java -cp raq-benchmarks/target/benchmarks.jar dev.raq.benchmarks.validation.StoreKillWindow 50
 * </pre>
 */
public final class StoreKillWindow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CANDIDATES = 4;
    private static final String DONE = "DONE ";

    /** What one kill left behind. */
    record Trial(int completed, int stored, int lost, long maxLagMicros) {
    }

    private StoreKillWindow() {
    }

    /**
     * Runs the trials and prints one line per trial and a summary.
     *
     * @param args {@code [trials]} (default 20), or {@code child STORE} in the child process
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(Path.of(args[1]));
            return;
        }
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        run(trials, 100, 600, System.out);
    }

    /**
     * Runs {@code trials} kills at a random moment between the two bounds (ms after the child's first answer) and
     * prints them.
     */
    static List<Trial> run(int trials, int minKillMs, int maxKillMs, PrintStream out) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Trial> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("raq-kill-window");
        for (int t = 0; t < trials; t++) {
            Path store = dir.resolve("store-" + t + ".jsonl");
            Trial trial = trial(store, minKillMs + random.nextInt(maxKillMs - minKillMs + 1));
            results.add(trial);
            out.printf(Locale.ROOT, "trial %2d: %4d answers completed, %4d on disk, %d lost (completed at most "
                    + "%.1f ms before the kill)%n", t, trial.completed(), trial.stored(), trial.lost(),
                    trial.maxLagMicros() / 1e3);
        }
        int lost = results.stream().mapToInt(Trial::lost).sum();
        int maxLost = results.stream().mapToInt(Trial::lost).max().orElse(0);
        long maxLag = results.stream().mapToLong(Trial::maxLagMicros).max().orElse(0);
        int completed = results.stream().mapToInt(Trial::completed).sum();
        out.printf(Locale.ROOT, "%d kills: %d of %d completed answers were not on disk (at most %d in one kill); "
                + "the lost ones had completed at most %.1f ms before the kill%n", trials, lost, completed, maxLost,
                maxLag / 1e3);
        return results;
    }

    private static Trial trial(Path store, int killAfterMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path printed = Path.of(store + ".out"); // a file keeps every line written before the kill
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreKillWindow.class.getName(), "child", store.toString())
                .redirectOutput(printed.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.size(printed) == 0) {
            if (System.nanoTime() > deadline || !child.isAlive()) {
                child.destroyForcibly();
                throw new IllegalStateException("the child evaluation never answered");
            }
            Thread.sleep(5);
        }
        Thread.sleep(killAfterMs);
        Instant kill = Instant.now();
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long killMicros = kill.getEpochSecond() * 1_000_000 + kill.getNano() / 1_000;
        Map<String, Long> completedAt = new HashMap<>();
        for (String line : Files.readAllLines(printed, StandardCharsets.UTF_8)) {
            if (line.startsWith(DONE) && line.indexOf(' ', DONE.length()) > 0) {
                String[] parts = line.substring(DONE.length()).split(" ", 2);
                completedAt.put(parts[1], Long.parseLong(parts[0]));
            }
        }
        Set<String> onDisk = storedAnswers(store);
        int lost = 0;
        long maxLag = 0;
        for (Map.Entry<String, Long> e : completedAt.entrySet()) {
            if (!onDisk.contains(e.getKey()) && e.getValue() <= killMicros) {
                lost++;
                maxLag = Math.max(maxLag, killMicros - e.getValue());
            }
        }
        return new Trial(completedAt.size(), onDisk.size(), lost, maxLag);
    }

    /** The answer texts in a store file, read line by line; a last line cut by the kill is left out. */
    private static Set<String> storedAnswers(Path store) throws IOException {
        Set<String> texts = new HashSet<>();
        if (!Files.exists(store)) {
            return texts;
        }
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && "answer".equals(node.path("type").asText())) {
                    texts.add(node.path("completion").path("text").asText());
                }
            } catch (IOException cutShort) {
                // the record being written when the process died
            }
        }
        return texts;
    }

    /** The child: an evaluation into the store that never ends on its own before it is killed. */
    private static void child(Path store) throws IOException {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            samples.add(Sample.of("s" + i, "Question " + i + "?", "answer"));
        }
        Evaluation.Builder b = Evaluation.builder().dataset(samples).concurrency(32)
                .judge(Judges.score((answer, refs) -> answer.length()))
                .store(JsonlResultStore.open(store));
        for (int c = 0; c < CANDIDATES; c++) {
            b.candidate("model-" + c, new TimedClient("model-" + c, timer, out));
        }
        b.build().run();
    }

    /** Answers after 5–25 ms and prints when it did, before returning the answer to RAQ. */
    private static final class TimedClient implements ModelClient {
        private final String name;
        private final ScheduledExecutorService timer;
        private final PrintStream out;

        TimedClient(String name, ScheduledExecutorService timer, PrintStream out) {
            this.name = name;
            this.timer = timer;
            this.out = out;
        }

        @Override
        public Completion complete(ChatRequest request) {
            return completeAsync(request, Runnable::run).join();
        }

        @Override
        public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
            CompletableFuture<Completion> f = new CompletableFuture<>();
            String text = name + " | " + request.lastUserMessage().replace('\n', ' ');
            long delay = 5 + Math.floorMod(text.hashCode(), 21);
            timer.schedule(() -> {
                Instant now = Instant.now();
                synchronized (out) {
                    out.println(DONE + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000) + " " + text);
                    out.flush();
                }
                f.complete(Completion.of(text));
            }, delay, TimeUnit.MILLISECONDS);
            return f;
        }

        @Override
        public java.util.Optional<String> modelId() {
            return java.util.Optional.of(name);
        }
    }
}
