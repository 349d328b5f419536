package dev.raq.clients.http;

import org.apiguardian.api.API;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.TokenUsage;

import org.jspecify.annotations.Nullable;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Sends one provider request with {@link HttpClient#sendAsync} and turns the answer into a {@link Completion}:
 * measures latency and time to first token with the injected ticker and, when streamed, the arrival of every text
 * chunk (the first at the time to first token, the gaps after it with {@link System#nanoTime()}), maps every
 * failure through {@link HttpFailures}, and estimates token usage when the server reported none. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HttpTransport {

    /** Characters per token assumed when the server reports no usage (the usual rule of thumb for English). */
    public static final int CHARS_PER_TOKEN = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final LongSupplier ticker;
    private final String model;
    private final @Nullable String apiKey;

    /**
     * @param apiKey the key the client sends, redacted from every error body (with bearer tokens and api-key
     *               fields), or null
     */
    HttpTransport(HttpClient http, LongSupplier ticker, String model, @Nullable String apiKey) {
        this.http = http;
        this.ticker = ticker;
        this.model = model;
        this.apiKey = apiKey;
    }

    /**
     * Sends {@code httpRequest} and reads the reply with {@code reader}, streamed or whole. The returned future is
     * completed on {@code executor}, so stages a caller chains to it never run on (and never block) the
     * {@link HttpClient}'s own few threads.
     */
    public CompletableFuture<Completion> send(HttpRequest httpRequest, ChatRequest chat, ReplyReader reader,
                                       Executor executor) {
        long start = ticker.getAsLong();
        HttpResponse.BodyHandler<Completion> handler = info -> {
            int status = info.statusCode();
            if (status < 200 || status > 299) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                            throw HttpFailures.forStatus(model, status, Secrets.redact(body, apiKey), info.headers());
                        });
            }
            boolean eventStream = info.headers().firstValue("content-type")
                    .map(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")).orElse(false);
            if (!eventStream) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                        body -> finish(readWhole(body, reader), chat, start, -1));
            }
            ReplyReader.StreamState state = reader.newStream();
            return HttpResponse.BodySubscribers.fromLineSubscriber(new SseSubscriber(state, ticker),
                    sub -> finishStream(sub, state, chat, start), StandardCharsets.UTF_8, null);
        };
        CompletableFuture<HttpResponse<Completion>> exchange;
        try {
            exchange = http.sendAsync(httpRequest, handler);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Completion> result = exchange.handleAsync((response, failure) -> {
            if (failure != null) {
                throw HttpFailures.forThrowable(model, failure);
            }
            return response.body();
        }, executor);
        // a caller that cancels the call (or is interrupted while waiting) also cancels the exchange
        result.whenComplete((c, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    /** Waits for {@code future} and rethrows its failure unwrapped, as {@code ModelClient.complete} must. */
    Completion await(CompletableFuture<Completion> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw HttpFailures.interrupted(model, e);
        } catch (ExecutionException e) {
            throw HttpFailures.forThrowable(model, e);
        }
    }

    /** The reader's exception with the server's text in its message redacted (it becomes a cause users print). */
    private ReplyReader.MalformedReplyException redacted(ReplyReader.MalformedReplyException e) {
        String message = Secrets.redact(e.getMessage(), apiKey);
        ReplyReader.MalformedReplyException copy = new ReplyReader.MalformedReplyException(
                message == null ? "the reply could not be read" : message);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private Completion.Builder readWhole(String body, ReplyReader reader) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpFailures.garbled(model, Secrets.redact(body, apiKey), e);
        }
        if (node == null || !node.isObject()) {
            throw HttpFailures.garbled(model, Secrets.redact(body, apiKey), null);
        }
        try {
            return reader.read(node);
        } catch (ReplyReader.MalformedReplyException e) {
            throw HttpFailures.malformed(model, Secrets.redact(body, apiKey), redacted(e));
        }
    }

    private Completion finishStream(SseSubscriber sub, ReplyReader.StreamState state, ChatRequest chat, long start) {
        RuntimeException failure = sub.failure();
        if (failure instanceof ReplyReader.MalformedReplyException) {
            throw HttpFailures.malformed(model, Secrets.redact(failure.getMessage(), apiKey),
                    redacted((ReplyReader.MalformedReplyException) failure));
        }
        if (failure instanceof ReplyReader.StreamErrorException) {
            int status = ((ReplyReader.StreamErrorException) failure).status();
            throw HttpFailures.forStatus(model, status, Secrets.redact(failure.getMessage(), apiKey),
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }
        if (failure != null) {
            throw failure;
        }
        if (!state.finished()) {
            throw HttpFailures.streamCut(model, state.endMarker());
        }
        Completion.Builder result;
        try {
            result = state.result();
        } catch (ReplyReader.MalformedReplyException e) {
            throw HttpFailures.malformed(model, Secrets.redact(e.getMessage(), apiKey), redacted(e));
        }
        long[] chunks = sub.textNanos();
        if (chunks.length > 0) {
            // the first chunk is the first token (ticker time); the gaps after it are measured with System.nanoTime
            long first = Math.max(0, sub.firstTextNanos() - start);
            long base = chunks[0];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = first + Math.max(0, chunks[i] - base);
            }
        }
        result.chunkOffsetsNanos(chunks);
        return finish(result, chat, start, sub.firstTextNanos());
    }

    private Completion finish(Completion.Builder builder, ChatRequest chat, long start, long firstText) {
        long end = ticker.getAsLong();
        builder.latency(Duration.ofNanos(Math.max(0, end - start)));
        if (firstText >= 0) {
            builder.timeToFirstToken(Duration.ofNanos(Math.max(0, firstText - start)));
        }
        Completion c = builder.build();
        if (c.usage().isEmpty()) {
            c = c.toBuilder().usage(estimateUsage(chat, c.text())).build();
        }
        return c;
    }

    /**
     * Usage estimated at {@value #CHARS_PER_TOKEN} characters per token (rounded up) over the message contents and
     * the answer text, marked {@linkplain TokenUsage#estimated() estimated}.
     */
    public static TokenUsage estimateUsage(ChatRequest chat, String answer) {
        long promptChars = 0;
        for (ChatMessage m : chat.messages()) {
            promptChars += m.content().length();
        }
        return TokenUsage.estimated(ceilTokens(promptChars), ceilTokens(answer.length()));
    }

    private static long ceilTokens(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
