package dev.raq.examples;

import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.model.NonRetriableModelCallException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model client that replays recorded answers: the answer recorded for a prompt (the request's last user message)
 * is returned as it was, with no latency or token usage, because none was recorded. A prompt without a recording
 * fails like a model that does not know it.
 */
final class ReplayClient implements ModelClient {

    private final String modelId;
    private final Map<String, String> answersByPrompt;

    /**
     * @param modelId         the recorded system's name
     * @param answersByPrompt prompt text → recorded answer
     */
    ReplayClient(String modelId, Map<String, String> answersByPrompt) {
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.answersByPrompt = Map.copyOf(answersByPrompt);
    }

    @Override
    public Completion complete(ChatRequest request) {
        String answer = answersByPrompt.get(request.lastUserMessage());
        if (answer == null) {
            throw new NonRetriableModelCallException(NonRetriableModelCallException.Reason.NOT_FOUND, modelId, 1,
                    null, "no recorded answer for this prompt", null);
        }
        return Completion.builder(answer).modelId(modelId).build();
    }

    /** True: the answers are recorded, so the evaluation does not time them. */
    @Override
    public boolean replays() {
        return true;
    }

    @Override
    public Optional<String> modelId() {
        return Optional.of(modelId);
    }

    @Override
    public String toString() {
        return "ReplayClient{" + modelId + ", " + answersByPrompt.size() + " recorded answers}";
    }
}
