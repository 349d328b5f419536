package dev.raq.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * The keys under which results are stored: the SHA-256 (hex) of a canonical JSON of everything that determines the
 * result, so that a changed prompt, option, model, answer or seed is a new key and never reuses a stale result.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StoreKeys {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoreKeys() {
    }

    /**
     * The key of a candidate's answer: its name, its client's {@linkplain dev.raq.core.model.ModelClient#fingerprint()
     * fingerprint} (model id and the settings that change answers) and the full request (messages, options, reply
     * schema), which covers the prompt template and the candidate's options.
     *
     * @param candidate the candidate's name
     * @param clientFingerprint the candidate's fingerprint ({@code Candidate.fingerprint()}: its client's, which is
     *                  the model id by default), or the empty string
     * @param request   the request sent to the model
     * @return 64 lowercase hex digits
     */
    public static String answer(String candidate, String clientFingerprint, ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "answer");
        n.put("candidate", Objects.requireNonNull(candidate, "candidate"));
        n.put("modelId", Objects.requireNonNull(clientFingerprint, "clientFingerprint"));
        ArrayNode messages = n.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name()).put("content", m.content());
        }
        GenerationOptions o = request.options();
        ObjectNode opts = n.putObject("options");
        o.temperature().ifPresent(v -> opts.put("temperature", v));
        o.topP().ifPresent(v -> opts.put("topP", v));
        o.maxTokens().ifPresent(v -> opts.put("maxTokens", v));
        o.stop().forEach(opts.putArray("stop")::add);
        o.seed().ifPresent(v -> opts.put("seed", v));
        o.frequencyPenalty().ifPresent(v -> opts.put("frequencyPenalty", v));
        o.presencePenalty().ifPresent(v -> opts.put("presencePenalty", v));
        request.replySchema().ifPresent(s -> n.putObject("replySchema").put("name", s.name())
                .put("description", s.description()).put("jsonSchema", s.jsonSchema()));
        return sha256(n);
    }

    /**
     * The key of a judgment: the judge's {@linkplain dev.raq.core.judge.Judge#fingerprint() fingerprint}, the
     * sample's content (id, question, context, references), the answers judged (names and texts, in order) and the
     * seed. A changed judge setting or a corrected reference answer is a new key.
     *
     * @return 64 lowercase hex digits
     */
    public static String judgment(String judgeFingerprint, Sample sample, List<CandidateAnswer> answers, long seed) {
        Objects.requireNonNull(sample, "sample");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "judgment");
        n.put("judge", Objects.requireNonNull(judgeFingerprint, "judgeFingerprint"));
        n.put("sampleId", sample.id());
        n.put("question", sample.question());
        n.put("context", sample.context());
        sample.references().forEach(n.putArray("references")::add);
        ArrayNode as = n.putArray("answers");
        for (CandidateAnswer a : answers) {
            as.addObject().put("candidate", a.candidate()).put("text", a.text());
        }
        n.put("seed", seed);
        return sha256(n);
    }

    private static String sha256(ObjectNode canonical) {
        try {
            return Fingerprint.sha256(MAPPER.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a store key", e);
        }
    }
}
