package dev.raq.core.judge;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link ModelCalls#direct()}: every call sent, every piece of work run, at once on the caller's thread. */
enum DirectModelCalls implements ModelCalls {
    INSTANCE;

    @Override
    public CompletableFuture<Completion> send(ModelClient client, ChatRequest request) {
        try {
            return CompletableFuture.completedFuture(client.complete(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<T> runBlocking(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
