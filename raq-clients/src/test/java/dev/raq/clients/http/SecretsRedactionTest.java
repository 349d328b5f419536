package dev.raq.clients.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error text passes through before a user sees it. */
class SecretsRedactionTest {

    private static final String KEY = "sk-canary-0123456789";

    @Test
    void redact_masksTheKeyBearerTokensAndApiKeyFields() {
        assertThat(Secrets.redact("a " + KEY + " b", KEY)).isEqualTo("a **** b");
        assertThat(Secrets.redact("Authorization: Bearer abcdef123456", null)).isEqualTo("Authorization: Bearer ****");
        assertThat(Secrets.redact("{\"x-api-key\": \"k-123456789\"}", null)).isEqualTo("{\"x-api-key\": \"****\"}");
        assertThat(Secrets.redact("no secrets here", KEY)).isEqualTo("no secrets here");
    }
}
