package dev.raq.bedrock;

import dev.raq.core.model.ModelClient;
import dev.raq.test.ModelClientContract;

import java.net.URI;

/** {@link SageMakerClient} keeps the provider contract: the contract's key is the AWS secret access key. */
class SageMakerClientContractTest extends ModelClientContract {

    @Override
    protected ModelClient client(String baseUrl) {
        return SageMakerClient.builder().endpointName("qwen-endpoint").region("us-east-1")
                .endpointOverride(URI.create(baseUrl)).credentialsProvider(Fixtures.credentials(KEY)).build();
    }

    @Override
    protected String okBody() {
        return Fixtures.read("openai-chat.json");
    }
}
