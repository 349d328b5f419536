package dev.raq.clients.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ForwardingModelClient;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link ModelClient} that passes calls to another and appends every answered request to a JSON Lines file, for
 * {@link ReplayingModelClient} to answer later without a network.
 *
 * <p>Each line holds the {@link RequestKey} (hash and canonical request) and the completion's text, usage, finish
 * reason and reported model id; latency is not recorded, because a replayed answer has none. Failed calls are not
 * recorded. Only the request's content is written: no URL, header or key ever reaches the file. Lines are appended
 * and flushed one at a time, so the file is usable even after a crash. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordingModelClient extends ForwardingModelClient {

    private final Path file;
    private final String model;
    /** One lock per file, shared by every recorder writing to it, so lines of concurrent calls never interleave. */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Object lock;

    private RecordingModelClient(ModelClient delegate, Path file, String model) {
        super(delegate);
        this.file = file;
        this.model = model;
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
    }

    /**
     * Records the calls of {@code delegate} to {@code file} (created if absent, appended to otherwise), under the
     * delegate's {@linkplain ModelClient#modelId() model id} (the empty string when it reports none).
     *
     * @param delegate the client whose answers are recorded
     * @param file     the JSON Lines file
     * @return the recording client
     */
    public static RecordingModelClient of(ModelClient delegate, Path file) {
        Objects.requireNonNull(delegate, "delegate");
        return of(delegate, file, delegate.modelId().orElse(""));
    }

    /**
     * Records the calls of {@code delegate} to {@code file} under an explicit model id (for a lambda client).
     *
     * @param delegate the client whose answers are recorded
     * @param file     the JSON Lines file
     * @param model    the model id written with every line, and reported by {@link #modelId()}
     * @return the recording client
     */
    public static RecordingModelClient of(ModelClient delegate, Path file, String model) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        return new RecordingModelClient(delegate, file, model);
    }

    @Override
    public Completion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        RequestKey key = RequestKey.of(model, request);
        Completion c = delegate.complete(request);
        append(key, c);
        return c;
    }

    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        RequestKey key = RequestKey.of(model, request);
        return delegate.completeAsync(request, executor).thenApply(c -> {
            append(key, c);
            return c;
        });
    }

    private void append(RequestKey key, Completion c) {
        ObjectNode line = RequestKey.JSON.createObjectNode();
        line.put("key", key.hash());
        try {
            line.set("request", RequestKey.JSON.readTree(key.canonical()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode completion = line.putObject("completion");
        completion.put("text", c.text());
        c.usage().ifPresent(u -> completion.putObject("usage").put("promptTokens", u.promptTokens())
                .put("completionTokens", u.completionTokens()).put("estimated", u.estimated()));
        c.finishReason().ifPresent(r -> completion.put("finishReason", r));
        c.modelId().ifPresent(m -> completion.put("modelId", m));
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append the recording to " + file, e);
            }
        }
    }

    /** The model id the lines are recorded under. */
    @Override
    public Optional<String> modelId() {
        return model.isEmpty() ? Optional.empty() : Optional.of(model);
    }



    @Override
    public String toString() {
        return "RecordingModelClient{file=" + file + ", model=" + model + ", delegate=" + delegate + "}";
    }
}
