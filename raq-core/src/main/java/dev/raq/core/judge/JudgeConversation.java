package dev.raq.core.judge;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One judge request and its re-asks, without blocking: send the request through {@link ModelCalls}, read the reply,
 * and while it is unusable (and asks remain) ask again in the same conversation, the reply and the problem appended.
 * The ranking, grading and pairwise judges share it; each words its own failures from the {@link Outcome}.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class JudgeConversation<T> {

    private final ModelCalls calls;
    private final ModelClient client;
    private final ChatRequest.Builder request;
    private final int maxAsks;
    private final Function<Completion, Reading<T>> read;
    private final Function<String, String> reask;

    private JudgeConversation(ModelCalls calls, ModelClient client, ChatRequest.Builder request, int maxAsks,
                              Function<Completion, Reading<T>> read, Function<String, String> reask) {
        this.calls = calls;
        this.client = client;
        this.request = request;
        this.maxAsks = maxAsks;
        this.read = read;
        this.reask = reask;
    }

    /**
     * Asks {@code client} at most {@code maxAsks} times in one conversation.
     *
     * @param request the first request; the conversation appends each unusable reply and its re-ask to it
     * @param read what a reply says: its value, or the problem that makes it unusable
     * @param reask the user message that asks again, given the problem
     * @return the outcome; the future fails only when {@code read} or {@code reask} throws, or with an {@link Error}
     */
    public static <T> CompletableFuture<Outcome<T>> ask(ModelCalls calls, ModelClient client,
                                                         ChatRequest.Builder request, int maxAsks,
                                                         Function<Completion, Reading<T>> read,
                                                         Function<String, String> reask) {
        return new JudgeConversation<>(Objects.requireNonNull(calls, "calls"), Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(request, "request"), maxAsks, read, reask).attempt(1, null);
    }

    private CompletableFuture<Outcome<T>> attempt(int ask, @Nullable String previousOutput) {
        CompletableFuture<Completion> sent;
        try {
            sent = calls.send(client, request.build());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((completion, error) -> new Reply(completion, error)).thenCompose(reply -> {
            if (reply.error != null) {
                Throwable failure = ModelCalls.unwrap(reply.error);
                if (failure instanceof Error fatal) {
                    throw fatal; // not the judge model's failure to record: the conversation fails
                }
                return done(new Outcome<>(null, null, previousOutput, ask, failure, null));
            }
            Completion completion = reply.completion;
            if (completion == null) {
                return done(new Outcome<>(null, null, previousOutput, ask, null, null));
            }
            String output = completion.text();
            Reading<T> reading = read.apply(completion);
            if (reading.value != null) {
                return done(new Outcome<>(reading.value, completion, output, ask, null, null));
            }
            String problem = Objects.requireNonNull(reading.problem);
            if (ask >= maxAsks) {
                return done(new Outcome<>(null, null, output, ask, null, problem));
            }
            request.assistant(output).user(reask.apply(problem));
            return attempt(ask + 1, output);
        });
    }

    /** "1 request" or "n requests": how a judge says how often it asked. */
    public static String requests(int n) {
        return n + (n == 1 ? " request" : " requests");
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * The value of a future that {@link ModelCalls#direct()} completed, with what it failed with thrown as it was
     * (not wrapped in a {@link CompletionException}): a model judge's {@link Judge#judge(JudgeInput)}.
     */
    public static <V> V join(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = ModelCalls.unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** The client's reply to one request: a completion (maybe null) or its failure. */
    private record Reply(@Nullable Completion completion, @Nullable Throwable error) {
    }

    /** What one reply says: a value, or the problem that makes the reply unusable. */
    public static final class Reading<T> {
        final @Nullable T value;
        final @Nullable String problem;

        private Reading(@Nullable T value, @Nullable String problem) {
            this.value = value;
            this.problem = problem;
        }

        /** A usable reply. */
        public static <T> Reading<T> of(T value) {
            return new Reading<>(Objects.requireNonNull(value, "value"), null);
        }

        /** An unusable reply, and why. */
        public static <T> Reading<T> unusable(String problem) {
            return new Reading<>(null, Objects.requireNonNull(problem, "problem"));
        }
    }

    /**
     * How a conversation ended: with a {@code value} (read from {@code completion}); with the client's
     * {@code failure} (or no completion at all, when both are null and so is {@code problem}) on ask {@code asks};
     * or with a reply still unusable for {@code problem} after the last ask. {@code output} is the last reply the
     * judge gave (the one read, or the one before a failure), null when it gave none.
     */
    public record Outcome<T>(@Nullable T value, @Nullable Completion completion, @Nullable String output, int asks,
                             @Nullable Throwable failure, @Nullable String problem) {

        /** True when the client returned no completion (neither a reply nor a failure). */
        public boolean noCompletion() {
            return value == null && failure == null && problem == null;
        }

        /**
         * The client's failure as a judge records it: a model call's own message (it names the model and the
         * cause), any other exception's class and message; empty without a failure.
         */
        public String failureMessage() {
            Throwable e = failure;
            if (e == null) {
                return "";
            }
            return e instanceof ModelCallException ? String.valueOf(e.getMessage())
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
