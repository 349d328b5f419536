package dev.raq.test;

import org.apiguardian.api.API;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract every HTTP {@link ModelClient} keeps, as one abstract test its provider test extends (the shape of
 * Micrometer's {@code MeterRegistryCompatibilityKit}): a reply is never null, a failure is a
 * {@link ModelCallException} with the right retriability for its status, the asynchronous future always completes,
 * and the key appears in no {@code toString} and no failure.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ModelClientContract {

    /** The key the client under test must be built with; no output may show it. */
    protected static final String KEY = "contract-key-4Hq8Zt1Xw6";

    /** The loopback server the client under test talks to. */
    protected final LoopbackServer server = new LoopbackServer();

    /** A client of the provider under test, pointed at {@code baseUrl}, with {@link #KEY}. */
    protected abstract ModelClient client(String baseUrl);

    /** The provider's successful reply body (HTTP 200, JSON). */
    protected abstract String okBody();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void complete_ok_neverNullAndCarriesText() {
        server.then(LoopbackServer.json(200, okBody()));
        Completion c = client(server.baseUrl()).complete(ChatRequest.ofUser("q"));
        assertThat(c).isNotNull();
        assertThat(c.text()).isNotNull();
    }

    @Test
    void completeAsync_ok_futureCompletes() throws Exception {
        server.then(LoopbackServer.json(200, okBody()));
        Completion c = client(server.baseUrl()).completeAsync(ChatRequest.ofUser("q"), Runnable::run)
                .get(30, TimeUnit.SECONDS);
        assertThat(c).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "429, true", "500, true",
            "503, true"})
    void failure_isModelCallExceptionWithTheRightRetriability_andNoKey(int status, boolean retriable) {
        server.then(LoopbackServer.json(status, "{\"error\":{\"message\":\"failed with key " + KEY + "\"}}"));
        ModelClient client = client(server.baseUrl());

        Throwable blocking = catchThrowable(() -> client.complete(ChatRequest.ofUser("q")));
        Throwable async = catchThrowable(() -> client.completeAsync(ChatRequest.ofUser("q"), Runnable::run)
                .get(30, TimeUnit.SECONDS));

        assertThat(blocking).isInstanceOf(ModelCallException.class);
        ModelCallException e = (ModelCallException) blocking;
        assertThat(e.isRetriable()).as("retriable for HTTP " + status).isEqualTo(retriable);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.getMessage() + e.responseBody().orElse("")).doesNotContain(KEY);
        Throwable cause = async instanceof CompletionException || async instanceof java.util.concurrent.ExecutionException
                ? async.getCause() : async;
        assertThat(cause).isInstanceOf(ModelCallException.class);
        assertThat(((ModelCallException) java.util.Objects.requireNonNull(cause)).isRetriable()).isEqualTo(retriable);
    }

    @Test
    void toString_neverShowsTheKey() {
        assertThat(client(server.baseUrl()).toString()).doesNotContain(KEY);
    }

    @Test
    void fingerprintAndEndpoint_neverShowTheKey() {
        ModelClient client = client(server.baseUrl());
        assertThat(client.fingerprint()).doesNotContain(KEY);
        assertThat(client.endpoint()).hasValue(server.baseUrl());
    }
}
