package dev.raq.core;

import dev.raq.core.data.Sample;
import dev.raq.core.model.Completion;
import org.apiguardian.api.API;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The user's application as a candidate: it answers a whole {@link Sample} (question, context, references hidden
 * from it by convention) however it likes — a RAG pipeline, an agent, "version 2 of our prompt chain" — instead of a
 * model answering a rendered prompt. Evaluating versions of an application is what RAQ is for:
 * <pre>{@code
 * Evaluation.builder().candidate(Candidate.ofApplication("rag-v2", sample -> Completion.of(rag.ask(sample.question()))))
 * }</pre>
 * The evaluation times every call itself, so an application gets latency and words per second like a model client.
 * Implementations must be thread-safe. A failed answer throws; it is recorded against the sample.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Application {

    /**
     * Answers one sample.
     *
     * @param sample the sample; its references are for judging, an honest application does not read them
     * @return the answer; never null
     */
    Completion answer(Sample sample);

    /**
     * Answers without blocking the caller; the default runs {@link #answer(Sample)} on {@code executor}.
     *
     * @param sample   the sample
     * @param executor where a blocking implementation may run
     * @return a future completed with the answer, or exceptionally with the failure
     */
    default CompletableFuture<Completion> answerAsync(Sample sample, Executor executor) {
        Objects.requireNonNull(sample, "sample");
        return CompletableFuture.supplyAsync(() -> answer(sample), executor);
    }

    /**
     * The version of the application, part of the key of its stored answers: change it when the application's
     * behaviour changes, or a store keeps serving the old version's answers. The default is the empty string.
     */
    default String fingerprint() {
        return "";
    }
}
