package dev.raq.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.raq.core.model.ModelClient;
import dev.raq.test.ModelClientContract;

/** A LangChain4j {@code OpenAiChatModel} behind {@link LangChain4jClients} keeps the provider contract. */
class ChatModelClientContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(KEY).modelName("gpt-4o-mini")
                .maxRetries(0).build();
        return LangChain4jClients.builder(model).endpoint(baseUrl).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.OK;
    }
}
