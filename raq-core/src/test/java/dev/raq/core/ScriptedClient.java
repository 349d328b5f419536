package dev.raq.core;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A model client for tests: answers with a function of the request, fails where told, optionally completes later on
 * a scheduler, and counts calls and calls in flight.
 */
public final class ScriptedClient implements ModelClient {

    private final @Nullable String modelId;
    private final Function<ChatRequest, String> answer;
    private final Predicate<ChatRequest> fails;
    private final @Nullable ScheduledExecutorService scheduler;
    private final long delayMillis;
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    private @Nullable AtomicInteger[] shared; // {in flight, max in flight} over a group of clients

    private ScriptedClient(@Nullable String modelId, Function<ChatRequest, String> answer,
                           Predicate<ChatRequest> fails, @Nullable ScheduledExecutorService scheduler,
                           long delayMillis) {
        this.modelId = modelId;
        this.answer = answer;
        this.fails = fails;
        this.scheduler = scheduler;
        this.delayMillis = delayMillis;
    }

    /** Answers at once with a function of the request. */
    public static ScriptedClient answering(Function<ChatRequest, String> answer) {
        return new ScriptedClient(null, answer, r -> false, null, 0);
    }

    /** This client, failing (with a non-retriable error) where the predicate holds. */
    public ScriptedClient failingWhen(Predicate<ChatRequest> when) {
        return new ScriptedClient(modelId, answer, when, scheduler, delayMillis);
    }

    /** Also counts this client's calls in flight in a counter shared by a group: {in flight, max in flight}. */
    public ScriptedClient countingIn(AtomicInteger[] group) {
        this.shared = group;
        return this;
    }

    /** This client, reporting a model id. */
    public ScriptedClient withModelId(String id) {
        return new ScriptedClient(id, answer, fails, scheduler, delayMillis);
    }

    /** This client, completing each call after a delay on the scheduler (no thread blocked per call). */
    public ScriptedClient completingLater(ScheduledExecutorService on, long millis) {
        return new ScriptedClient(modelId, answer, fails, on, millis);
    }

    @Override
    public Completion complete(ChatRequest request) {
        calls.incrementAndGet();
        return answer(request);
    }

    @Override
    public CompletableFuture<Completion> completeAsync(ChatRequest request, Executor executor) {
        calls.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        AtomicInteger[] group = shared;
        if (group != null) {
            group[1].accumulateAndGet(group[0].incrementAndGet(), Math::max);
        }
        CompletableFuture<Completion> f = new CompletableFuture<>();
        Runnable finish = () -> {
            inFlight.decrementAndGet();
            if (group != null) {
                group[0].decrementAndGet();
            }
            try {
                f.complete(answer(request));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        };
        if (scheduler == null) {
            finish.run();
        } else {
            scheduler.schedule(finish, delayMillis, TimeUnit.MILLISECONDS);
        }
        return f;
    }

    private Completion answer(ChatRequest request) {
        if (fails.test(request)) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.INVALID_REQUEST,
                    modelId == null ? "scripted" : modelId, 1, 400, "scripted failure", null);
        }
        return Completion.of(answer.apply(request));
    }

    @Override
    public Optional<String> modelId() {
        return Optional.ofNullable(modelId);
    }
}
