package dev.raq.bedrock;

import dev.raq.core.model.ModelClient;
import dev.raq.test.ModelClientContract;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** {@link BedrockClient} keeps the provider contract: the contract's key is the AWS secret access key. */
class BedrockClientContractTest extends ModelClientContract {

    private final List<BedrockClient> clients = new ArrayList<>();

    @Override
    protected ModelClient client(String baseUrl) {
        BedrockClient c = BedrockClient.nova(BedrockClient.NOVA_PRO).region("us-east-1")
                .endpointOverride(URI.create(baseUrl)).credentialsProvider(Fixtures.credentials(KEY)).build();
        clients.add(c);
        return c;
    }

    @Override
    protected String okBody() {
        return Fixtures.read("converse-text.json");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Fixtures::closeLater);
    }
}
