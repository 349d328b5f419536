package dev.raq.clients.replay;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplayingModelClientTest {

    @TempDir
    Path dir;

    @Test
    void replay_unrecordedRequest_failsNamingTheRequest() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        RecordingModelClient.of(r -> Completion.of("x"), file, "m").complete(ChatRequest.ofUser("recorded"));
        ReplayingModelClient replay = ReplayingModelClient.of(file, "m");
        ChatRequest other = ChatRequest.ofUser("never asked before");

        UnrecordedRequestException e = catchThrowableOfType(UnrecordedRequestException.class,
                () -> replay.complete(other));

        assertThat(e.getMessage()).contains("model 'm'").contains("never asked before").contains(file.toString())
                .contains(e.key().shortHash());
        assertThat(e.key()).isEqualTo(RequestKey.of("m", other));
        assertThatThrownBy(() -> replay.completeAsync(other, Runnable::run).join())
                .hasCauseInstanceOf(UnrecordedRequestException.class);
    }

    @Test
    void replay_otherModel_doesNotMatch() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        ChatRequest q = ChatRequest.ofUser("q");
        RecordingModelClient.of(r -> Completion.of("x"), file, "model-a").complete(q);

        assertThatThrownBy(() -> ReplayingModelClient.of(file, "model-b").complete(q))
                .isInstanceOf(UnrecordedRequestException.class);
    }

    @Test
    void replay_sameRequestRecordedTwice_answersInOrderThenCycles() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        AtomicInteger n = new AtomicInteger();
        RecordingModelClient recording = RecordingModelClient.of(r -> Completion.of("v" + n.incrementAndGet()), file,
                "m");
        ChatRequest q = ChatRequest.ofUser("q");
        recording.complete(q);
        recording.complete(q);

        ReplayingModelClient replay = ReplayingModelClient.of(file, "m");

        assertThat(List.of(replay.complete(q).text(), replay.complete(q).text(), replay.complete(q).text()))
                .containsExactly("v1", "v2", "v1");
    }

    @Test
    void replay_badLine_failsNamingFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"key\":\"k\",\"completion\":{\"text\":\"x\"}}\n{oops\n");

        assertThatThrownBy(() -> ReplayingModelClient.of(file, "m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
