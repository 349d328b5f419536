package dev.raq.clients.http;

import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFailuresTest {

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void retryAfter_variants_parsedOrIgnored() {
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "2"))).contains(Duration.ofSeconds(2));
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "0.5"))).contains(Duration.ofMillis(500));
        assertThat(HttpFailures.retryAfter(headers("retry-after-ms", "250"))).contains(Duration.ofMillis(250));
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "soon"))).isEmpty();
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "-3"))).contains(Duration.ZERO);
        assertThat(HttpFailures.retryAfter(headers())).isEmpty();
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT",
                "Date", "Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ofSeconds(30));
        assertThat(HttpFailures.retryAfter(headers("Retry-After", "Wed, 21 Oct 2015 07:27:00 GMT",
                "Date", "Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void forStatus_503WithRetryAfter_keepsIt() {
        ModelCallException e = HttpFailures.forStatus("m", 503, "busy", headers("Retry-After", "4"));

        assertThat(e).isInstanceOf(RetriableModelCallException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
    }

    @Test
    void forThrowable_transportFailures_mapToRetriableReasons() {
        assertThat(((RetriableModelCallException) HttpFailures.forThrowable("m",
                new CompletionException(new HttpConnectTimeoutException("connect")))).reason())
                .isEqualTo(RetriableModelCallException.Reason.TIMEOUT);
        assertThat(((RetriableModelCallException) HttpFailures.forThrowable("m",
                new CompletionException(new ConnectException("refused")))).reason())
                .isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        assertThat(((RetriableModelCallException) HttpFailures.forThrowable("m", new IOException("reset"))).reason())
                .isEqualTo(RetriableModelCallException.Reason.CONNECTION);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(HttpFailures.forThrowable("m", new CompletionException(bug))).isSameAs(bug);
    }

    @Test
    void forStatus_unknown4xx_isOtherNonRetriable() {
        ModelCallException e = HttpFailures.forStatus("m", 409, null, headers());

        assertThat(((NonRetriableModelCallException) e).reason())
                .isEqualTo(NonRetriableModelCallException.Reason.OTHER);
    }
}
