package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A model behind one call: a chat request in, a {@link Completion} out.
 *
 * <p>This is RAQ's only way to reach a model, so that any stack can be evaluated: the HTTP clients of
 * {@code raq-clients}, or a lambda around LangChain4j, Spring AI or an in-house gateway:
 * <pre>{@code
 * ModelClient client = request -> Completion.of(myGateway.chat(request.lastUserMessage()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the evaluation calls them concurrently. A failed call throws a
 * {@link ModelCallException} (retriable or not), or any other runtime exception, which the evaluation records
 * against the item; it never turns a failure into an answer.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelClient {

    /**
     * Sends one request and waits for the whole answer.
     *
     * @param request the chat request; never null
     * @return the completion; never null
     * @throws ModelCallException when the model could not answer
     */
    Completion complete(ChatRequest request);

    /**
     * Sends one request without blocking the caller. The default runs {@link #complete(ChatRequest)} on
     * {@code executor}; clients with a non-blocking transport override it so that many calls in flight need few
     * threads.
     *
     * @param request  the chat request
     * @param executor where a blocking implementation may run; never null
     * @return a future completed with the completion, or exceptionally with the failure
     */
    default CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(executor, "executor");
        return CompletableFuture.supplyAsync(() -> complete(request), executor);
    }

    /**
     * True when {@link #completeAsync} never blocks its caller nor runs blocking work on the executor it is given,
     * and completes its future on a thread of its own transport (RAQ's HTTP clients). An evaluation then hands such a
     * client an executor that runs tasks where they are submitted, so a finished answer is recorded on the thread
     * that read it instead of being moved to another thread first (a thread hand-off per call). The default is
     * false, which is always safe; a decorator returns false unless it is non-blocking too.
     */
    default boolean completesWithoutBlocking() {
        return false;
    }

    /**
     * The identifier of the model behind this client as configured (for example {@code meta/llama3-8b-instruct}), if
     * known. The evaluation uses it to refuse a judge that is also a candidate; lambdas report none.
     */
    default Optional<String> modelId() {
        return Optional.empty();
    }

    /**
     * Everything about this client that can change its answers, as a stable string: the default is the
     * {@linkplain #modelId() model id} (empty for lambdas). The evaluation keys stored answers and judgments by it,
     * so a changed setting is never served a stale result. HTTP clients add their kind, structured-reply mode and
     * default options; decorators (retry, rate limit, recording) return their delegate's. It never contains a key,
     * and it leaves out the endpoint, so a model moved to another host keeps its stored results. A lambda whose
     * behaviour changes without a new model id must be given a new store (or override this).
     */
    default String fingerprint() {
        return modelId().orElse("");
    }

    /**
     * True when this client serves recorded answers instead of asking a model: its calls take no model time, so the
     * evaluation does not time them and reports no speed for them. The default is false: every other call is timed
     * by the evaluation when the client does not measure its own latency.
     */
    default boolean replays() {
        return false;
    }

    /**
     * Where this client sends its calls (for example {@code http://localhost:8000/v1}), if it has such a place, so
     * that a failure can name it; never with credentials. The default is none (lambdas).
     */
    default Optional<String> endpoint() {
        return Optional.empty();
    }
}
