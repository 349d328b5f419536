package dev.raq.core.perf;

import dev.raq.core.data.Dataset;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.data.Sample;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The load generator against in-process clients whose timings are given, not measured: exact and fast. */
class LoadTestTest {

    private static final long MS = 1_000_000L;

    /** Answers with TTFT 20 ms, 10 chunks 5 ms apart, 10 output tokens; fails every 20th call (HTTP 503). */
    static final class ScriptedStreamingClient implements ModelClient {
        final AtomicInteger calls = new AtomicInteger();
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public Completion complete(ChatRequest request) {
            requests.add(request);
            if (calls.incrementAndGet() % 20 == 0) {
                throw new RetriableModelCallException(RetriableModelCallException.Reason.SERVER_ERROR, "m", 1, 503,
                        null, "busy", null);
            }
            long[] chunks = new long[10];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = 20 * MS + 5 * MS * i;
            }
            return Completion.builder("x".repeat(40)).latency(Duration.ofMillis(65))
                    .timeToFirstToken(Duration.ofMillis(20)).chunkOffsetsNanos(chunks)
                    .usage(TokenUsage.reported(request.lastUserMessage().split(" ").length, 10)).build();
        }
    }

    @Test
    void run_closedLoop_measuresTheScriptedTimings_andCountsEveryTwentiethAsFailed() {
        ScriptedStreamingClient client = new ScriptedStreamingClient();
        List<LoadProgress> progress = new CopyOnWriteArrayList<>();
        LoadTestReport r = LoadTest.builder(client).prompts(PromptSource.synthetic(12)).outputTokens(10)
                .profile(LoadProfile.concurrency(4)).requests(100).warmupRequests(5).listener(progress::add).build()
                .run();

        assertThat(client.calls).hasValue(105);
        assertThat(r.requests()).isEqualTo(100);
        // calls 20, 40, 60, 80, 100 fail: the warm-up took the first five, so 5 of the 100 measured fail
        assertThat(r.failed()).isEqualTo(5);
        assertThat(r.failuresByCause()).isEqualTo(Map.of(FailureCause.SERVER_ERROR, 5L));
        assertThat(r.timeToFirstToken().mean()).isCloseTo(20, within(1e-9));
        assertThat(r.timePerOutputToken().mean()).isCloseTo(5, within(1e-9)); // (65 − 20) / 9
        assertThat(r.interTokenLatency().count()).isEqualTo(95 * 9);
        assertThat(r.interTokenLatency().p99()).isCloseTo(5, within(1e-9));
        assertThat(r.chunksPerRequest()).isCloseTo(10, within(1e-9));
        assertThat(r.meanInputTokens()).isCloseTo(12, within(1e-9));
        assertThat(r.meanOutputTokens()).isCloseTo(10, within(1e-9));
        assertThat(r.estimatedTokenRequests()).isZero();
        assertThat(client.requests).allSatisfy(q -> assertThat(q.options().maxTokens()).hasValue(10));
        assertThat(progress).hasSize(100);
        assertThat(progress.stream().mapToLong(LoadProgress::finished).max()).hasValue(100);
        assertThat(progress.stream().mapToLong(LoadProgress::failed).max()).hasValue(5);
    }

    @Test
    void outputTokens_sentAsMaxTokens_fixedOutputLengthAddsMinTokensAndIgnoreEos() {
        ScriptedStreamingClient plain = new ScriptedStreamingClient();
        LoadTest.builder(plain).outputTokens(64).requests(2).build().run();
        assertThat(plain.requests.get(0).options().maxTokens()).hasValue(64);
        assertThat(plain.requests.get(0).options().minTokens()).isEmpty();
        assertThat(plain.requests.get(0).options().ignoreEos()).isEmpty();
        ScriptedStreamingClient fixed = new ScriptedStreamingClient();
        LoadTest.builder(fixed).outputTokens(64).fixedOutputLength(true).requests(2).build().run();
        assertThat(fixed.requests.get(0).options().minTokens()).hasValue(64);
        assertThat(fixed.requests.get(0).options().ignoreEos()).hasValue(true);
    }

    @Test
    void run_sameSeed_sendsTheSamePrompts_anotherSeedOthers() {
        List<String> a = prompts(7);
        assertThat(a).isEqualTo(prompts(7)).isNotEqualTo(prompts(8));
        assertThat(a.get(0).split(" ")).hasSize(30);
    }

    private static List<String> prompts(long seed) {
        ScriptedStreamingClient client = new ScriptedStreamingClient();
        LoadTest.builder(client).prompts(PromptSource.synthetic(30)).requests(5).seed(seed).build().run();
        List<String> out = new ArrayList<>();
        client.requests.forEach(q -> out.add(q.lastUserMessage()));
        return out;
    }

    @Test
    void run_openLoop_sendsTheRequestCount_withoutWaitingForAnswers() {
        ScriptedStreamingClient client = new ScriptedStreamingClient();
        LoadTestReport r = LoadTest.builder(client).profile(LoadProfile.poisson(2000)).requests(40).seed(3).build()
                .run();
        assertThat(r.requests()).isEqualTo(40);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.profile().isOpenLoop()).isTrue();
        assertThat(LoadTestFormat.table(List.of(r))).contains("rate 2000");
    }

    @Test
    void run_forADuration_stopsSending_andCountsWhatFinished() {
        ModelClient client = request -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Completion.of("ok");
        };
        LoadTestReport r = LoadTest.builder(client).duration(Duration.ofMillis(100)).profile(LoadProfile.concurrency(2))
                .build().run();
        assertThat(r.requests()).isPositive();
        assertThat(r.failed()).isZero();
        // a lambda reports neither streaming nor usage: both are said
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no answer was streamed"))
                .anySatisfy(w -> assertThat(w).contains("estimates"));
        assertThat(r.estimatedTokenRequests()).isEqualTo(r.succeeded());
    }

    @Test
    void run_aThrowingListener_neverStopsTheTest() {
        LoadTestReport r = LoadTest.builder(new ScriptedStreamingClient()).requests(10).listener(p -> {
            throw new IllegalStateException("display broke");
        }).build().run();
        assertThat(r.requests()).isEqualTo(10);
    }

    @Test
    void sweep_runsEveryProfileInOrder() {
        List<LoadTestReport> reports = LoadTest.builder(new ScriptedStreamingClient()).requests(8).build()
                .sweep(List.of(LoadProfile.concurrency(1), LoadProfile.concurrency(2), LoadProfile.concurrency(4)));
        assertThat(reports).extracting(x -> x.profile().concurrency()).containsExactly(1, 2, 4);
        assertThat(LoadTestFormat.table(reports).lines()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void slaSearch_findsTheHighestConcurrencyWithinTheSla() {
        // TTFT grows with the user serving the call: 10 ms × the number of the load thread, so p99 TTFT ≈ 10 ms × users
        ModelClient client = request -> {
            String name = Thread.currentThread().getName();
            int user = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Completion.builder("a b").latency(Duration.ofMillis(10L * user + 10))
                    .timeToFirstToken(Duration.ofMillis(10L * user)).chunkOffsetsNanos(10 * MS * user,
                            10 * MS * user + 5 * MS).usage(TokenUsage.reported(3, 2)).build();
        };
        LoadTest test = LoadTest.builder(client).requests(60).build();
        SlaSearch.Result result = SlaSearch.concurrency(test, Sla.ofMillis(45, 20), 1, 16, 1);

        assertThat(result.best()).contains(LoadProfile.concurrency(4));
        assertThat(result.probes()).extracting(p -> p.profile().concurrency()).containsExactly(1, 2, 4, 8, 6, 5);
        assertThat(result.probes()).extracting(SlaSearch.Probe::met)
                .containsExactly(true, true, true, false, false, false);
        assertThat(result.reports()).extracting(x -> x.profile().concurrency()).containsExactly(1, 2, 4, 5, 6, 8);
    }

    @Test
    void slaSearch_noLoadMeetsTheSla_givesNone() {
        LoadTest test = LoadTest.builder(new ScriptedStreamingClient()).requests(5).build();
        SlaSearch.Result result = SlaSearch.rate(test, Sla.ofMillis(1, 1), 100, 1000, 0.1, 2);
        assertThat(result.best()).isEmpty();
        assertThat(result.probes()).hasSize(1);
    }

    @Test
    void promptSources_listFileAndDataset(@TempDir Path dir) throws IOException {
        Random random = new Random(1);
        assertThat(PromptSource.of(List.of("a", "b")).prompt(0, random)).isIn("a", "b");
        Path file = Files.writeString(dir.resolve("prompts.txt"), "first\n\n  \nsecond\n");
        List<String> seen = new ArrayList<>();
        PromptSource fromFile = PromptSource.fromFile(file);
        for (int i = 0; i < 50; i++) {
            seen.add(fromFile.prompt(i, random));
        }
        assertThat(seen).containsOnly("first", "second");
        Dataset data = Dataset.of(List.of(Sample.of("1", "What is 2+2?", "4")));
        assertThat(PromptSource.fromDataset(data, PromptTemplate.of("Q: {question}")).prompt(0, random))
                .isEqualTo("Q: What is 2+2?");
        assertThatThrownBy(() -> PromptSource.fromFile(Files.writeString(dir.resolve("empty.txt"), "\n")))
                .hasMessageContaining("has no non-blank line");
        assertThatThrownBy(() -> PromptSource.of(Collections.emptyList())).hasMessageContaining("must not be empty");
    }

    @Test
    void builders_rejectBadValues_namingThem() {
        LoadTest.Builder b = LoadTest.builder(new ScriptedStreamingClient());
        assertThatThrownBy(() -> b.requests(0)).hasMessage("requests must be >= 1 but was 0");
        assertThatThrownBy(() -> b.outputTokens(0)).hasMessage("outputTokens must be >= 1 but was 0");
        assertThatThrownBy(() -> b.warmupRequests(-1)).hasMessage("warmupRequests must be >= 0 but was -1");
        assertThatThrownBy(() -> b.duration(Duration.ZERO)).hasMessageContaining("duration must be positive");
        assertThatThrownBy(() -> LoadProfile.concurrency(0)).hasMessage("concurrency must be >= 1 but was 0");
        assertThatThrownBy(() -> LoadProfile.poisson(Double.POSITIVE_INFINITY)).hasMessageContaining("rate must be");
        assertThatThrownBy(() -> PromptSource.synthetic(0)).hasMessage("inputTokens must be >= 1 but was 0");
        assertThatThrownBy(() -> Sla.ofMillis(0, 5)).hasMessageContaining("ttft must be positive");
        assertThatThrownBy(() -> SlaSearch.concurrency(b.build(), Sla.ofMillis(1, 1), 4, 2, 1))
                .hasMessageContaining("1 <= min <= max");
        assertThat(b.build().toString()).contains("concurrency 1").contains("100 requests")
                .contains("synthetic(128 tokens)");
    }
}
