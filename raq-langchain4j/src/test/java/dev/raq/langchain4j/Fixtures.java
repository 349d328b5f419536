package dev.raq.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.raq.test.LoopbackServer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Canned OpenAI replies and real LangChain4j OpenAI models pointed at a loopback server. */
final class Fixtures {

    static final String KEY = "sk-test-fixture-7Hq2";

    /** A chat completion as OpenAI sends it (extra fields included). */
    static final String OK = """
            {"id":"chatcmpl-9x2f7c1a","object":"chat.completion","created":1731400000,
             "model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Paris is the capital of France.",
               "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":23,"completion_tokens":8,"total_tokens":31,
               "prompt_tokens_details":{"cached_tokens":0}},
             "nvext":{"unknown":"extra fields are ignored"}}""";

    /** A completion cut by the token limit whose text is a fenced JSON object. */
    static final String FENCED_JSON_LENGTH = """
            {"id":"chatcmpl-2","object":"chat.completion","created":1731400001,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"```json\\n{\\"rank\\": 1}\\n```"},
               "finish_reason":"length"}],
             "usage":{"prompt_tokens":40,"completion_tokens":7,"total_tokens":47}}""";

    /** A forced tool call whose arguments are the structured reply. */
    static final String TOOL_CALL = """
            {"id":"chatcmpl-3","object":"chat.completion","created":1731400002,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
               "type":"function","function":{"name":"return_rank","arguments":"{\\"rank\\":2}"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":50,"completion_tokens":9,"total_tokens":59}}""";

    /** A judge's reply schema. */
    static final String RANK_SCHEMA = "{\"type\":\"object\",\"properties\":{\"rank\":{\"type\":\"integer\"}},"
            + "\"required\":[\"rank\"],\"additionalProperties\":false}";

    private Fixtures() {
    }

    /** A streamed completion: three text chunks, a finish reason, then usage (stream_options.include_usage). */
    static LoopbackServer.Responder stream() {
        return LoopbackServer.sse(
                LoopbackServer.data(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)),
                LoopbackServer.data(chunk("{\"content\":\"Paris\"}", null)),
                LoopbackServer.data(chunk("{\"content\":\" is the\"}", null)),
                LoopbackServer.data(chunk("{\"content\":\" capital.\"}", null)),
                LoopbackServer.data(chunk("{}", "\"stop\"")),
                LoopbackServer.data("{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                        + "\"completion_tokens\":5,\"total_tokens\":17}}"),
                "data: [DONE]\n\n");
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + finishReason + "}]}";
    }

    /** The real OpenAiChatModel at {@code baseUrl}, with no retries of its own (RAQ retries). */
    static OpenAiChatModel chatModel(String baseUrl) {
        return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(KEY).modelName("gpt-4o-mini").maxRetries(0)
                .timeout(Duration.ofSeconds(5)).build();
    }

    /** The real OpenAiStreamingChatModel at {@code baseUrl}. */
    static OpenAiStreamingChatModel streamingModel(String baseUrl) {
        return OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(KEY).modelName("gpt-4o-mini")
                .timeout(Duration.ofSeconds(5)).build();
    }

    /** A clock that advances by {@code stepMillis} each time it is read, starting at 0. */
    static LongSupplier steppingTicker(long stepMillis) {
        AtomicLong now = new AtomicLong(-stepMillis * 1_000_000L);
        return () -> now.addAndGet(stepMillis * 1_000_000L);
    }
}
