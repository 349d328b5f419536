package dev.raq.springai;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.retry.support.RetryTemplate;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Canned OpenAI replies and Spring AI's real OpenAiChatModel pointed at a loopback server. */
final class Fixtures {

    static final String KEY = "sk-test-fixture-5Lp9";

    static final String OK = """
            {"id":"chatcmpl-9x2f7c1a","object":"chat.completion","created":1731400000,
             "model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Paris is the capital of France.",
               "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":23,"completion_tokens":8,"total_tokens":31,
               "prompt_tokens_details":{"cached_tokens":0}},
             "nvext":{"unknown":"extra fields are ignored"}}""";

    static final String FENCED_JSON_LENGTH = """
            {"id":"chatcmpl-2","object":"chat.completion","created":1731400001,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"```json\\n{\\"rank\\": 1}\\n```"},
               "finish_reason":"length"}],
             "usage":{"prompt_tokens":40,"completion_tokens":7,"total_tokens":47}}""";

    static final String RANK_SCHEMA = "{\"type\":\"object\",\"properties\":{\"rank\":{\"type\":\"integer\"}},"
            + "\"required\":[\"rank\"],\"additionalProperties\":false}";

    private Fixtures() {
    }

    /**
     * Spring AI's real OpenAiChatModel at the loopback server's base URL (which ends in {@code /v1}; Spring AI adds
     * {@code /v1/chat/completions} itself), with one attempt (RAQ retries).
     */
    static OpenAiChatModel chatModel(String baseUrl) {
        String root = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
        OpenAiApi api = OpenAiApi.builder().baseUrl(root).apiKey(KEY).build();
        return OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build()).build();
    }

    /** A streamed completion: three text chunks, a finish reason, then usage (stream_options.include_usage). */
    static dev.raq.test.LoopbackServer.Responder stream() {
        return dev.raq.test.LoopbackServer.sse(
                dev.raq.test.LoopbackServer.data(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)),
                dev.raq.test.LoopbackServer.data(chunk("{\"content\":\"Paris\"}", null)),
                dev.raq.test.LoopbackServer.data(chunk("{\"content\":\" is the\"}", null)),
                dev.raq.test.LoopbackServer.data(chunk("{\"content\":\" capital.\"}", null)),
                dev.raq.test.LoopbackServer.data(chunk("{}", "\"stop\"")),
                dev.raq.test.LoopbackServer.data("{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\","
                        + "\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":"
                        + "{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}"),
                "data: [DONE]\n\n");
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + finishReason + "}]}";
    }

    /** Like {@link #chatModel}, asking for usage in streams. */
    static OpenAiChatModel streamingChatModel(String baseUrl) {
        String root = baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
        OpenAiApi api = OpenAiApi.builder().baseUrl(root).apiKey(KEY).build();
        return OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").streamUsage(true).build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build()).build();
    }

    /** A clock that advances by {@code stepMillis} each time it is read, starting at 0. */
    static LongSupplier steppingTicker(long stepMillis) {
        AtomicLong now = new AtomicLong(-stepMillis * 1_000_000L);
        return () -> now.addAndGet(stepMillis * 1_000_000L);
    }
}
