package dev.raq.clients;

import dev.raq.core.model.ModelClient;
import dev.raq.test.ModelClientContract;

/** {@link GeminiClient} keeps the provider contract. */
class GeminiClientContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        return GeminiClient.builder().baseUrl(baseUrl).model("gemini-2.0-flash").apiKey(KEY).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.read("gemini-generate-content.json");
    }
}
