package dev.raq.core.judge;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * How a judge sends its model calls in {@link Judge#judgeAsync(JudgeInput, ModelCalls)}. An evaluation's
 * implementation sends each call when its limit on judge calls in flight ({@code judgeConcurrency}) allows, without
 * holding a thread while the call is out; {@link #direct()} sends every call at once on the caller's thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface ModelCalls {

    /**
     * Sends one request to {@code client}, now or when a call in flight finishes.
     *
     * @return a future of the completion (null when the client returned none) or of the client's failure
     */
    CompletableFuture<Completion> send(ModelClient client, ChatRequest request);

    /**
     * Runs a synchronous judge's work where blocking is allowed, counted as one call in flight while it runs: the
     * default {@link Judge#judgeAsync} of a judge that only implements {@link Judge#judge(JudgeInput)}.
     *
     * @return what {@code work} returns, or what it threw
     */
    <T> CompletableFuture<T> runBlocking(Supplier<T> work);

    /** Sends every call and runs every piece of work at once, on the caller's thread: futures complete on return. */
    static ModelCalls direct() {
        return DirectModelCalls.INSTANCE;
    }

    /** The failure itself, without the wrappers a future adds ({@link CompletionException} and the like). */
    static Throwable unwrap(Throwable failure) {
        Throwable t = Objects.requireNonNull(failure, "failure");
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
