package dev.raq.springai;

import dev.raq.core.model.ModelClient;
import dev.raq.test.ModelClientContract;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.retry.support.RetryTemplate;

/** Spring AI's {@code OpenAiChatModel} behind {@link SpringAiClients} keeps the provider contract. */
class SpringAiChatModelContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        OpenAiApi api = OpenAiApi.builder().baseUrl(baseUrl.substring(0, baseUrl.length() - 3)).apiKey(KEY).build();
        OpenAiChatModel model = OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build()).build();
        return SpringAiClients.builder(model).endpoint(baseUrl).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.OK;
    }
}
