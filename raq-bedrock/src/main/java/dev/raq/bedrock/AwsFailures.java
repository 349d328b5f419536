package dev.raq.bedrock;

import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The one place where AWS failures (the SDK's service and client exceptions, SageMaker's HTTP answers) become RAQ's
 * {@link ModelCallException}s.
 *
 * <p>Throttling ({@code ThrottlingException}, {@code TooManyRequestsException}, {@code ModelNotReadyException}, any
 * HTTP 429) → retriable {@code RATE_LIMITED}; {@code ModelTimeoutException} and HTTP 408 → retriable {@code TIMEOUT};
 * {@code ServiceUnavailableException}, {@code InternalServerException} and any 5xx → retriable {@code SERVER_ERROR};
 * validation errors (400, 413, 422) → {@code INVALID_REQUEST}; access, signature and token errors (401, 403) →
 * {@code AUTHENTICATION}; 404 → {@code NOT_FOUND}; anything else non-retriable {@code OTHER}. Without an answer: an
 * SDK timeout → {@code TIMEOUT}, an I/O failure → {@code CONNECTION}, missing credentials → {@code AUTHENTICATION}.
 *
 * <p>The error body kept passes the redactor first, and a service exception is never kept as the cause (its message
 * repeats the server's text); credentials are never part of anything built here.
 */
final class AwsFailures {

    private static final Set<String> THROTTLING = Set.of("throttlingexception", "throttling",
            "toomanyrequestsexception", "modelnotreadyexception", "servicequotaexceededexception",
            "requestlimitexceeded", "provisionedthroughputexceededexception", "slowdown");
    private static final Set<String> AUTHENTICATION = Set.of("accessdeniedexception", "unrecognizedclientexception",
            "invalidsignatureexception", "expiredtokenexception", "incompletesignature", "missingauthenticationtoken",
            "signaturedoesnotmatch", "invalidclienttokenid", "accessdenied");
    private static final Set<String> TIMEOUT = Set.of("modeltimeoutexception", "requesttimeout",
            "requesttimeoutexception");

    private AwsFailures() {
    }

    /**
     * The exception for an AWS error answer.
     *
     * @param model      the model or endpoint called
     * @param status     the HTTP status
     * @param errorCode  the AWS error code ({@code ThrottlingException}), or null
     * @param body       the error body, already redacted, or null
     * @param retryAfter how long the server asked to wait, or null
     */
    static ModelCallException forAnswer(String model, int status, @Nullable String errorCode, @Nullable String body,
                                        @Nullable Duration retryAfter) {
        String code = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
        int hash = code.indexOf('#');
        if (hash >= 0) {
            code = code.substring(hash + 1); // "com.amazon.coral.service#ThrottlingException"
        }
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon); // x-amzn-ErrorType: "ThrottlingException:http://..."
        }
        Integer httpStatus = status > 0 ? status : null;
        if (status == 429 || THROTTLING.contains(code)) {
            return retriable(RetriableModelCallException.Reason.RATE_LIMITED, model, httpStatus, retryAfter, body);
        }
        if (status == 408 || TIMEOUT.contains(code)) {
            return retriable(RetriableModelCallException.Reason.TIMEOUT, model, httpStatus, null, body);
        }
        if (status >= 500 && status <= 599) {
            return retriable(RetriableModelCallException.Reason.SERVER_ERROR, model, httpStatus, retryAfter, body);
        }
        if (status == 401 || status == 403 || AUTHENTICATION.contains(code)) {
            return nonRetriable(NonRetriableModelCallException.Reason.AUTHENTICATION, model, httpStatus, body, null);
        }
        if (status == 400 || status == 413 || status == 422) {
            return nonRetriable(NonRetriableModelCallException.Reason.INVALID_REQUEST, model, httpStatus, body, null);
        }
        if (status == 404) {
            return nonRetriable(NonRetriableModelCallException.Reason.NOT_FOUND, model, httpStatus, body, null);
        }
        return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, httpStatus, body, null);
    }

    /**
     * The exception for any failure of an SDK call: a {@link ModelCallException} passes through; a service exception
     * is mapped by {@link #forAnswer}; a client exception by its cause.
     *
     * @param redactor removes credentials from a server's text
     */
    static RuntimeException forThrowable(String model, Throwable failure, UnaryOperator<@Nullable String> redactor) {
        Throwable t = unwrap(failure);
        if (t instanceof ModelCallException) {
            return (ModelCallException) t;
        }
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            AwsErrorDetails details = e.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String body = details == null ? null : bodyOf(details);
            Duration retryAfter = details == null || details.sdkHttpResponse() == null ? null
                    : retryAfter(details.sdkHttpResponse()).orElse(null);
            return forAnswer(model, e.statusCode(), code, redactor.apply(body), retryAfter);
        }
        if (t instanceof CancellationException || t instanceof InterruptedException) {
            return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, null,
                    t instanceof CancellationException ? "cancelled" : "interrupted", t);
        }
        if (has(t, ApiCallTimeoutException.class) || has(t, ApiCallAttemptTimeoutException.class)
                || has(t, TimeoutException.class) || has(t, HttpTimeoutException.class)) {
            return new RetriableModelCallException(RetriableModelCallException.Reason.TIMEOUT, model, 1, null, null,
                    null, t);
        }
        if (has(t, IOException.class)) {
            return new RetriableModelCallException(RetriableModelCallException.Reason.CONNECTION, model, 1, null,
                    null, null, t);
        }
        if (t instanceof SdkClientException) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("credentials")) {
                return nonRetriable(NonRetriableModelCallException.Reason.AUTHENTICATION, model, null,
                        "no AWS credentials: " + redactor.apply(t.getMessage()), null);
            }
            if (message.contains("unmarshall") || message.contains("parse")) {
                return nonRetriable(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE, model, null, null, t);
            }
            return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, null, null, t);
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new CompletionException(t);
    }

    /**
     * Waits for a call's future: its completion, or its failure mapped by {@link #forThrowable}.
     *
     * @param redactor removes credentials from a server's text
     */
    static <T> T join(CompletableFuture<T> call, String model, UnaryOperator<@Nullable String> redactor) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw forThrowable(model, e, redactor);
        }
    }

    /** The cause behind {@link CompletionException} and {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code Retry-After} in seconds, if the answer had one. */
    static Optional<Duration> retryAfter(SdkHttpResponse response) {
        return response.firstMatchingHeader("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v.trim()) * 1000))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static @Nullable String bodyOf(AwsErrorDetails details) {
        if (details.rawResponse() != null) {
            return new String(details.rawResponse().asByteArray(), StandardCharsets.UTF_8);
        }
        return details.errorMessage();
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static NonRetriableModelCallException nonRetriable(NonRetriableModelCallException.Reason reason,
                                                               String model, @Nullable Integer status,
                                                               @Nullable String body, @Nullable Throwable cause) {
        return new NonRetriableModelCallException(reason, model, 1, status, body, cause);
    }

    private static RetriableModelCallException retriable(RetriableModelCallException.Reason reason, String model,
                                                         @Nullable Integer status, @Nullable Duration retryAfter,
                                                         @Nullable String body) {
        return new RetriableModelCallException(reason, model, 1, status, retryAfter, body, null);
    }
}
