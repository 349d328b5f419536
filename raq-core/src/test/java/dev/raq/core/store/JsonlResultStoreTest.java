package dev.raq.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.PreferenceJudge;
import dev.raq.core.ScriptedClient;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.Judgment;
import dev.raq.core.judge.Ranking;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.TokenUsage;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonlResultStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void open_afterWrites_readsEveryRecordBack() throws IOException {
        Path file = dir.resolve("store.jsonl");
        Completion c = Completion.builder("an answer").usage(TokenUsage.reported(12, 3))
                .latency(Duration.ofMillis(250)).finishReason("stop").modelId("m").build();
        Judgment j = new Judgment("judge", "s1", List.of(
                JudgeCall.ranked(List.of("b", "a"), "B then A", Ranking.fromOrder(List.of("b", "a")),
                        Map.of("order", "swapped")),
                JudgeCall.failed(List.of("a", "b"), "gibberish", "no ranking in reply", Map.of())),
                Map.of("a", 0.5, "b", 0.75));
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            store.putAnswer("k1", c);
            store.putJudgment("k2", j);
        }
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            assertThat(store.answer("k1")).hasValue(c);
            assertThat(store.judgment("k2")).hasValue(j);
            assertThat(store.answer("k2")).isEmpty();
            assertThat(store.problems()).isEmpty();
        }
    }

    @Test
    void open_tornLastLine_ignoredReportedAndRepaired() throws IOException {
        Path file = dir.resolve("store.jsonl");
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            store.putAnswer("k1", Completion.of("one"));
            store.putAnswer("k2", Completion.of("two"));
        }
        long intact = Files.size(file);
        Files.writeString(file, "{\"key\":\"k3\",\"type\":\"ans", StandardOpenOption.APPEND);
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.problems()).singleElement().asString().contains("line 3").contains("cut short");
            assertThat(Files.size(file)).isEqualTo(intact);
            store.putAnswer("k3", Completion.of("three"));
        }
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            assertThat(store.problems()).isEmpty();
            assertThat(store.answer("k3")).hasValue(Completion.of("three"));
            assertThat(store.size()).isEqualTo(3);
        }
    }

    @Test
    void putAnswer_loneSurrogate_storedAsReplacementCharacterNotQuestionMark() throws IOException {
        Path file = dir.resolve("surrogate.jsonl");
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            store.putAnswer("k1", Completion.of("cut \uD83D emoji"));
            store.putAnswer("k2", Completion.of("whole \uD83D\uDE00 emoji"));
            assertThat(store.replacedSurrogates()).isEqualTo(1);
        }
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            assertThat(store.answer("k1").orElseThrow().text()).isEqualTo("cut \uFFFD emoji");
        }
    }

    @Test
    void open_secondWriterInThisProcess_failsFastNamingTheHolder_afterCloseItOpens() throws IOException {
        Path file = dir.resolve("one-writer.jsonl");
        try (JsonlResultStore first = JsonlResultStore.open(file)) {
            first.putAnswer("k1", Completion.of("one"));
            assertThatThrownBy(() -> JsonlResultStore.open(file)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open for writing by process " + ProcessHandle.current().pid());
        }
        try (JsonlResultStore again = JsonlResultStore.open(file)) {
            assertThat(again.answer("k1")).hasValue(Completion.of("one"));
        }
        assertThat(dir.resolve("one-writer.jsonl.lock")).doesNotExist();
    }

    @Test
    void open_secondWriterInAnotherProcess_failsFastNamingThatProcess() throws Exception {
        Path file = dir.resolve("shared.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldStoreMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("open ");
            assertThatThrownBy(() -> JsonlResultStore.open(file)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open for writing by process " + child.pid());
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (JsonlResultStore mine = JsonlResultStore.open(file)) {
            mine.putAnswer("k", Completion.of("after the other writer left"));
        }
    }

    @Test
    void open_invalidCompleteLine_skippedAndReported() throws IOException {
        Path file = dir.resolve("store.jsonl");
        Files.writeString(file, "not json\n");
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            store.putAnswer("k1", Completion.of("one"));
            assertThat(store.problems()).singleElement().asString().contains("line 1").contains("skipped");
        }
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            assertThat(store.answer("k1")).hasValue(Completion.of("one"));
        }
    }

    @Test
    void storeKeys_dependOnEverythingThatDeterminesTheResult() {
        ChatRequest r = ChatRequest.ofUser("q");
        ChatRequest warmer = r.toBuilder().options(GenerationOptions.builder().temperature(1).build()).build();
        String key = StoreKeys.answer("a", "m", r);
        assertThat(key).hasSize(64).isEqualTo(StoreKeys.answer("a", "m", ChatRequest.ofUser("q")));
        assertThat(Set.of(key, StoreKeys.answer("b", "m", r), StoreKeys.answer("a", "n", r),
                StoreKeys.answer("a", "m", warmer), StoreKeys.answer("a", "m", ChatRequest.ofUser("q2")))).hasSize(5);
        List<CandidateAnswer> answers = List.of(new CandidateAnswer("a", "x"), new CandidateAnswer("b", "y"));
        Sample s = Sample.of("s", "q", "ref");
        String jk = StoreKeys.judgment("j", s, answers, 1);
        assertThat(jk).isEqualTo(StoreKeys.judgment("j", Sample.of("s", "q", "ref"), answers, 1));
        assertThat(Set.of(jk, StoreKeys.judgment("j", s, answers, 2), StoreKeys.judgment("k", s, answers, 1),
                StoreKeys.judgment("j", s, List.of(new CandidateAnswer("a", "x"), new CandidateAnswer("b", "z")), 1),
                StoreKeys.judgment("j", Sample.of("s", "q", "corrected ref"), answers, 1),
                StoreKeys.judgment("j", Sample.of("s", "q2", "ref"), answers, 1),
                StoreKeys.judgment("j", new Sample("s", "q", "ctx", List.of("ref"), Map.of()), answers, 1)))
                .hasSize(7);
    }

    @Test
    void run_killedInAnotherJvmThenResumed_everyResultOnceAndNoFinishedCallRepeated() throws Exception {
        int samples = 200;
        Path file = dir.resolve("run.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeMain.class.getName(), file.toString(), String.valueOf(samples))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(file) < 12 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10); // bounded polling for the child's first records
            }
            assertThat(child.isAlive()).as("the child is still running when killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<JsonNode> before = records(file);
        long answersBefore = before.stream().filter(n -> n.get("type").asText().equals("answer")).count();
        long judgmentsBefore = before.size() - answersBefore;
        assertThat(answersBefore).isBetween(1L, 2L * samples - 1);

        ScriptedClient a = ResumeMain.client("a");
        ScriptedClient b = ResumeMain.client("b");
        PreferenceJudge judge = new PreferenceJudge("p", List.of("a", "b"), ScriptedClient.answering(r -> "judge"));
        EvaluationReport report;
        try (JsonlResultStore store = JsonlResultStore.open(file)) {
            report = ResumeMain.evaluation(samples, store, a, b, judge).run();
        }
        assertThat(a.calls.get() + b.calls.get()).isEqualTo(2L * samples - answersBefore);
        assertThat(judge.calls.get()).isEqualTo(samples - judgmentsBefore);
        assertThat(report.samples()).extracting(SampleResult::index).doesNotHaveDuplicates().hasSize(samples);
        assertThat(report.rankings()).hasSize(samples);
        assertThat(report.candidate("a").against("b").wins()).isEqualTo(samples);

        List<JsonNode> after = records(file);
        Set<String> keys = new HashSet<>();
        after.forEach(n -> assertThat(keys.add(n.get("key").asText())).as("each key once").isTrue());
        assertThat(after).hasSize(3 * samples);
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte x : bytes) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                out.add(MAPPER.readTree(line));
            } catch (IOException torn) {
                // a line cut by the kill: the store ignores it too
            }
        }
        return out;
    }
}
