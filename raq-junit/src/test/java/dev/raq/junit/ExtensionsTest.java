package dev.raq.junit;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The extensions, by running sample test classes through the JUnit Platform as a build would: record, re-record
 * (replacing), replay without the live model, a missing recording, a mistyped model name, and repeated runs.
 */
class ExtensionsTest {

    private static final Path DIR = Path.of("target/raq-junit-samples");
    static final AtomicInteger LIVE_CALLS = new AtomicInteger();
    static volatile String askedModel = "echo-model";

    /** A sample evaluation test: PATH is always set, so "auto" records; the property forces replay. */
    @RecordReplay(keyEnv = "PATH", directory = "target/raq-junit-samples")
    static class SampleCase {
        @Test
        void asks(ModelRecorder models) {
            ModelClient client = models.client(askedModel, () -> request -> {
                LIVE_CALLS.incrementAndGet();
                return Completion.of("answer to " + request.lastUserMessage());
            });
            assertEquals("answer to hi", client.complete(ChatRequest.ofUser("hi")).text());
        }
    }

    /** A parameterized evaluation test: every invocation's calls go to the one recording of the method. */
    @RecordReplay(keyEnv = "PATH", directory = "target/raq-junit-samples")
    static class ParameterizedCase {
        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"one", "two", "three"})
        void asks(String question, ModelRecorder models) {
            ModelClient client = models.client("echo-model", () -> request -> {
                LIVE_CALLS.incrementAndGet();
                return Completion.of("answer to " + request.lastUserMessage());
            });
            assertEquals("answer to " + question, client.complete(ChatRequest.ofUser(question)).text());
        }
    }

    /** Passes on odd-numbered calls only. */
    static class FlakyCase {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Test
        @PassesAtLeast(passes = 3, runs = 5)
        void threeOfFive() {
            assertTrue(CALLS.incrementAndGet() % 2 == 1, "an even call");
        }

        @Test
        @PassesAtLeast(passes = 4, runs = 5)
        void fourOfFive() {
            assertTrue(CALLS.incrementAndGet() % 2 == 1, "an even call");
        }
    }

    @BeforeEach
    @AfterEach
    void clean() throws IOException {
        System.clearProperty(RecordReplayExtension.MODE_PROPERTY);
        askedModel = "echo-model";
        if (Files.exists(DIR)) {
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static TestExecutionSummary run(Class<?> type, String method) {
        java.lang.reflect.Method found = Stream.of(type.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(type, found)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    private static String failure(TestExecutionSummary summary) {
        assertThat(summary.getFailures()).hasSize(1);
        return summary.getFailures().get(0).getException().getMessage();
    }

    @Test
    void records_replaces_andReplaysWithoutTheLiveModel() throws IOException {
        Path file = DIR.resolve("SampleCase/asks.jsonl");
        LIVE_CALLS.set(0);
        TestExecutionSummary recorded = run(SampleCase.class, "asks");
        assertThat(recorded.getTestsSucceededCount()).isEqualTo(1);
        assertThat(LIVE_CALLS.get()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).hasSize(1);

        TestExecutionSummary again = run(SampleCase.class, "asks");
        assertThat(again.getTestsSucceededCount()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).as("re-recording replaces the file").hasSize(1);

        System.setProperty(RecordReplayExtension.MODE_PROPERTY, "replay");
        TestExecutionSummary replayed = run(SampleCase.class, "asks");
        assertThat(replayed.getTestsSucceededCount()).isEqualTo(1);
        assertThat(LIVE_CALLS.get()).as("replay never calls the live model").isEqualTo(2);
    }

    @Test
    void parameterizedInvocations_shareOneRecording() throws IOException {
        TestExecutionSummary recorded = run(ParameterizedCase.class, "asks");
        assertThat(recorded.getTestsSucceededCount()).isEqualTo(3);
        assertThat(Files.readAllLines(DIR.resolve("ParameterizedCase/asks.jsonl"))).hasSize(3);
        System.setProperty(RecordReplayExtension.MODE_PROPERTY, "replay");
        assertThat(run(ParameterizedCase.class, "asks").getTestsSucceededCount()).isEqualTo(3);
    }

    @Test
    void replay_withoutARecording_failsWithTheCommandThatRecordsIt() {
        System.setProperty(RecordReplayExtension.MODE_PROPERTY, "replay");
        String message = failure(run(SampleCase.class, "asks"));
        assertThat(message).startsWith("no recording at " + DIR.resolve("SampleCase/asks.jsonl"))
                .contains("PATH=… ./mvnw test -Dtest='SampleCase#asks' -Draq.recordings=record");
    }

    @Test
    void replay_ofAMistypedModel_saysSo() {
        assertThat(run(SampleCase.class, "asks").getTestsSucceededCount()).isEqualTo(1);
        System.setProperty(RecordReplayExtension.MODE_PROPERTY, "replay");
        askedModel = "echo-modle";
        String message = failure(run(SampleCase.class, "asks"));
        assertThat(message).contains("has no calls of model 'echo-modle'; it has calls of [echo-model]: is the "
                + "model's name mistyped").hasSizeLessThan(400);
    }

    @Test
    void aBadModeProperty_isAConfigurationError() {
        System.setProperty(RecordReplayExtension.MODE_PROPERTY, "sometimes");
        assertThat(failure(run(SampleCase.class, "asks")))
                .contains("raq.recordings must be record, replay or auto, not 'sometimes'");
    }

    @Test
    void passesAtLeast_countsPassingRuns_andListsTheFailedOnes() {
        FlakyCase.CALLS.set(0);
        TestExecutionSummary three = run(FlakyCase.class, "threeOfFive");
        assertThat(three.getTestsSucceededCount()).isEqualTo(1);
        assertThat(FlakyCase.CALLS.get()).isEqualTo(5);

        FlakyCase.CALLS.set(0);
        String message = failure(run(FlakyCase.class, "fourOfFive"));
        // runs 1 and 3 pass, 2 and 4 fail: with two failures four passes are out of reach, so run 5 is skipped
        assertThat(message).startsWith("passed 2 of 4 runs, but 4 of 5 must pass:")
                .contains("run 2: AssertionFailedError: an even call").contains("run 4:");
        assertThat(FlakyCase.CALLS.get()).isEqualTo(4);
    }
}
