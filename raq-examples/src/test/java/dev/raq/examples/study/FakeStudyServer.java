package dev.raq.examples.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One loopback HTTP server (127.0.0.1, a port the OS picks) that plays both sides of the study with the OpenAI Chat
 * Completions wire format: candidates under {@code /candidates/v1} and the judge under {@code /judge/v1}.
 *
 * <p>Candidates answer by model id with deterministic texts built from the gold answer of the question in the
 * prompt: {@link #GOOD} gives the gold answer, {@link #VERBOSE} the gold answer inside a long sentence,
 * {@link #WRONG} a wrong answer and {@link #SILENT} "Pass." Each reply reports token usage. The judge reads
 * the anonymous answers and the reference answers from the ranking prompt and ranks them (exact reference first,
 * then one containing a reference, then the rest, "Pass." last), replying with a {@code return_rank} tool
 * call, or as the message's JSON content when asked with a {@code return_rank} JSON schema or in the prompt.
 * Anything else is answered with HTTP 400 and counted in {@link #rejected()}.
 */
final class FakeStudyServer implements AutoCloseable {

    static final String GOOD = "fake/good";
    static final String VERBOSE = "fake/verbose";
    static final String WRONG = "fake/wrong";
    static final String SILENT = "fake/silent";
    static final List<String> MODELS = List.of(GOOD, VERBOSE, WRONG, SILENT);
    static final String JUDGE = "fake/judge";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUESTION = Pattern.compile("\nQuestion: (.*)\nAnswer:\\s*$", Pattern.DOTALL);
    private static final Pattern BLOCK = Pattern.compile(
            "<<<BEGIN (ANSWER ID (\\d+)|REFERENCE ANSWER(?: \\d+)?) ([0-9a-f]{16})>>>\n(.*?)\n<<<END \\1 \\3>>>",
            Pattern.DOTALL);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fake-study-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> goldByQuestion;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Set<String> judgeModes = ConcurrentHashMap.newKeySet();

    /**
     * Starts the server.
     *
     * @param goldByQuestion question text (compared without surrounding spaces) to the gold answer the good
     *                       candidate gives
     */
    FakeStudyServer(Map<String, String> goldByQuestion) {
        this.goldByQuestion = new java.util.HashMap<>();
        goldByQuestion.forEach((q, a) -> this.goldByQuestion.put(q.strip(), a));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/candidates/v1/chat/completions", e -> handle(e, this::candidateReply));
        server.createContext("/judge/v1/chat/completions", e -> handle(e, this::judgeReply));
        server.setExecutor(executor);
        server.start();
    }

    String candidatesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/candidates/v1";
    }

    String judgeUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/judge/v1";
    }

    /** Calls answered per model id. */
    int calls(String model) {
        AtomicInteger n = calls.get(model);
        return n == null ? 0 : n.get();
    }

    /** The distinct Authorization headers received, as "path-prefix header" ("candidates Bearer k"). */
    Set<String> authorizations() {
        return Set.copyOf(authorizations);
    }

    /** How the judge was asked for its replies: "tool_call", "json_schema" and/or "prompt". */
    Set<String> judgeModes() {
        return Set.copyOf(judgeModes);
    }

    /** Requests answered with HTTP 400 because the fake did not understand them. */
    int rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @FunctionalInterface
    private interface Reply {
        ObjectNode reply(JsonNode request);
    }

    private void handle(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            String side = exchange.getRequestURI().getPath().startsWith("/judge") ? "judge" : "candidates";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(side + " " + authorization);
            }
            byte[] body;
            int status;
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode request = JSON.readTree(in);
                body = JSON.writeValueAsBytes(reply.reply(request));
                calls.computeIfAbsent(request.path("model").asText(), m -> new AtomicInteger()).incrementAndGet();
                status = 200;
            } catch (IllegalArgumentException | IOException e) {
                rejected.incrementAndGet();
                body = ("{\"error\":{\"message\":" + JSON.writeValueAsString(String.valueOf(e.getMessage()))
                        + ",\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode candidateReply(JsonNode request) {
        String model = request.path("model").asText();
        String prompt = lastUserMessage(request);
        Matcher m = QUESTION.matcher(prompt);
        if (!m.find()) {
            throw new IllegalArgumentException("the prompt does not end with 'Question: ...\\nAnswer:'");
        }
        String gold = goldByQuestion.get(m.group(1).strip());
        if (gold == null) {
            throw new IllegalArgumentException("unknown question: " + m.group(1));
        }
        String answer = switch (model) {
            case GOOD -> gold;
            case VERBOSE -> "Based on the pieces of context given above, and after reading them carefully, the "
                    + "answer to the question is " + gold + ", as the context states.";
            case WRONG -> "It was Charlemagne.";
            case SILENT -> "Pass.";
            default -> throw new IllegalArgumentException("model '" + model + "' does not exist");
        };
        ObjectNode reply = envelope(model);
        reply.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", answer);
        reply.putObject("usage").put("prompt_tokens", words(prompt)).put("completion_tokens", words(answer))
                .put("total_tokens", words(prompt) + words(answer));
        return reply;
    }

    private ObjectNode judgeReply(JsonNode request) {
        if (!JUDGE.equals(request.path("model").asText())) {
            throw new IllegalArgumentException("model '" + request.path("model").asText() + "' does not exist");
        }
        String mode = judgeMode(request);
        judgeModes.add(mode);
        List<String> references = new ArrayList<>();
        List<int[]> idAndQuality = new ArrayList<>();
        Matcher m = BLOCK.matcher(lastUserMessage(request));
        while (m.find()) {
            if (m.group(2) == null) {
                references.add(m.group(4));
            } else {
                idAndQuality.add(new int[] {Integer.parseInt(m.group(2)), 0});
                idAndQuality.get(idAndQuality.size() - 1)[1] = quality(m.group(4), references);
            }
        }
        if (references.isEmpty() || idAndQuality.size() < 2) {
            throw new IllegalArgumentException("the judge prompt has no reference or fewer than two answers");
        }
        idAndQuality.sort(Comparator.comparingInt(a -> a[1]));
        ObjectNode arguments = JSON.createObjectNode();
        idAndQuality.forEach(a -> arguments.withArray("ranking").add(a[0]));
        ObjectNode reply = envelope(JUDGE);
        ObjectNode message = reply.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant");
        if (mode.equals("tool_call")) {
            message.putNull("content");
            message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                    .putObject("function").put("name", "return_rank").put("arguments", arguments.toString());
        } else {
            message.put("content", arguments.toString());
        }
        reply.putObject("usage").put("prompt_tokens", 500).put("completion_tokens", 12).put("total_tokens", 512);
        return reply;
    }

    /** How the judge asked for its reply: "tool_call" (return_rank), "json_schema" (return_rank) or "prompt". */
    private static String judgeMode(JsonNode request) {
        if (request.has("tools")) {
            if (!"return_rank".equals(request.path("tools").path(0).path("function").path("name").asText())) {
                throw new IllegalArgumentException("the judge expects the return_rank tool");
            }
            return "tool_call";
        }
        if (request.has("response_format")) {
            if (!"return_rank".equals(request.path("response_format").path("json_schema").path("name").asText())) {
                throw new IllegalArgumentException("the judge expects the return_rank JSON schema");
            }
            return "json_schema";
        }
        return "prompt";
    }

    /** 0 = a reference answer, 1 = contains one, 2 = another answer, 3 = no answer. */
    private static int quality(String answer, List<String> references) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        if (references.stream().anyMatch(r -> r.strip().equalsIgnoreCase(a))) {
            return 0;
        }
        if (references.stream().anyMatch(r -> a.contains(r.strip().toLowerCase(Locale.ROOT)))) {
            return 1;
        }
        return a.equals("pass.") ? 3 : 2;
    }

    private static String lastUserMessage(JsonNode request) {
        String text = null;
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                text = message.path("content").asText();
            }
        }
        if (text == null) {
            throw new IllegalArgumentException("the request has no user message");
        }
        return text;
    }

    private static ObjectNode envelope(String model) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", model);
        return reply;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
