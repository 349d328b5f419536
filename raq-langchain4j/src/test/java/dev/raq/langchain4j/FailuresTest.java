package dev.raq.langchain4j;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link Failures} maps failures between LangChain4j and RAQ. */
class FailuresTest {

    @ParameterizedTest
    @CsvSource({"400, INVALID_REQUEST, false", "401, AUTHENTICATION, false", "403, AUTHENTICATION, false",
            "404, NOT_FOUND, false", "408, TIMEOUT, true", "413, INVALID_REQUEST, false",
            "422, INVALID_REQUEST, false", "429, RATE_LIMITED, true", "500, SERVER_ERROR, true",
            "503, SERVER_ERROR, true"})
    void byStatus_mapsEveryStatusToItsCauseAndRetriability(int status, FailureCause cause, boolean retriable) {
        ModelCallException e = Failures.byStatus(status, "m");

        assertThat(FailureCause.of(e)).isEqualTo(cause);
        assertThat(e.isRetriable()).isEqualTo(retriable);
        assertThat(e.httpStatus()).hasValue(status);
    }

    @Test
    void toRaq_langChain4jExceptionsWithoutStatus_mapByType() {
        assertThat(FailureCause.of(Failures.toRaq(new RateLimitException("x"), "m"))).isEqualTo(FailureCause.RATE_LIMITED);
        assertThat(FailureCause.of(Failures.toRaq(new TimeoutException("x"), "m"))).isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCause.of(Failures.toRaq(new InternalServerException("x"), "m")))
                .isEqualTo(FailureCause.SERVER_ERROR);
        assertThat(FailureCause.of(Failures.toRaq(new ModelNotFoundException("x"), "m")))
                .isEqualTo(FailureCause.NOT_FOUND);
        assertThat(FailureCause.of(Failures.toRaq(new RuntimeException(new ConnectException("refused")), "m")))
                .isEqualTo(FailureCause.CONNECTION);
        assertThat(Failures.toRaq(new LangChain4jException(new IOException("reset")), "m").getClass())
                .isEqualTo(RetriableModelCallException.class);
        assertThat(Failures.toRaq(new RetriableException("x"), "m")).isInstanceOf(RetriableModelCallException.class);
        assertThat(Failures.toRaq(new NonRetriableException("x"), "m"))
                .isInstanceOf(NonRetriableModelCallException.class);
        assertThat(Failures.toRaq(new UnsupportedFeatureException("x"), "m"))
                .isInstanceOf(NonRetriableModelCallException.class);
    }

    @Test
    void toRaq_unwrapsFutures_andLeavesProgrammingErrorsAndRaqFailuresAlone() {
        IllegalArgumentException bug = new IllegalArgumentException("bad schema");
        ModelCallException raq = Failures.byStatus(429, "m");

        assertThat(Failures.toRaq(bug, "m")).isSameAs(bug);
        assertThat(Failures.toRaq(new CompletionException(raq), "m")).isSameAs(raq);
    }

    @Test
    void toLangChain4j_keepsRetriabilityAndTheRaqFailureAsCause() {
        for (int status : new int[] {400, 401, 404, 408, 429, 500}) {
            ModelCallException raq = Failures.byStatus(status, "m");
            LangChain4jException lc = Failures.toLangChain4j(raq);
            assertThat(lc).hasCause(raq);
            assertThat(lc instanceof RetriableException).as("retriable for " + status).isEqualTo(raq.isRetriable());
            assertThat(lc instanceof NonRetriableException).isEqualTo(!raq.isRetriable());
        }
        assertThat(Failures.toLangChain4j(Failures.byStatus(404, "m"))).isInstanceOf(ModelNotFoundException.class);
        assertThat(Failures.toLangChain4j(Failures.byStatus(408, "m"))).isInstanceOf(TimeoutException.class);
    }
}
