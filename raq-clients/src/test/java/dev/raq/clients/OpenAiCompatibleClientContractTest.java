package dev.raq.clients;

import dev.raq.test.LoopbackServer;
import dev.raq.test.ModelClientContract;
import dev.raq.core.model.ModelClient;

/** {@link OpenAiCompatibleClient} keeps the provider contract. */
class OpenAiCompatibleClientContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        return OpenAiCompatibleClient.local(baseUrl).model("m").apiKey(KEY).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.read("openai-chat-completion.json");
    }
}
