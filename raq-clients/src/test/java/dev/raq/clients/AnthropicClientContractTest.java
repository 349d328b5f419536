package dev.raq.clients;

import dev.raq.test.LoopbackServer;
import dev.raq.test.ModelClientContract;
import dev.raq.core.model.ModelClient;

/** {@link AnthropicClient} keeps the provider contract. */
class AnthropicClientContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        return AnthropicClient.builder().baseUrl(baseUrl).model("m").apiKey(KEY).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.read("anthropic-message.json");
    }
}
