package dev.raq.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.Evaluation;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.synthetic.Passage;
import dev.raq.core.synthetic.SyntheticDataset;
import dev.raq.core.synthetic.SyntheticResult;
import dev.raq.metrics.Scorers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * RAQ without a dataset: a generator model writes question–answer pairs grounded in three passages (two English, one
 * Chinese), RAQ checks them (answer supported by the passage, no near duplicates, a malformed reply asked again) and
 * labels them with their provenance, and an evaluation then runs on the generated dataset. The generator is a
 * scripted OpenAI-compatible server on the loopback interface, started and stopped by the example, whose replies
 * include a malformed one, a duplicate question and an answer the passage does not support; the candidates are
 * stand-ins. Point {@code OpenAiCompatibleClient} at a real model to generate for real.
 */
public final class SyntheticDataExample {

    static final List<Passage> PASSAGES = List.of(
            new Passage("rhine", "The Rhine rises in the Swiss Alps and flows into the North Sea. It is about 1,230 "
                    + "kilometres long, and its delta forms near Rotterdam."),
            new Passage("coffee", "Coffee plants grow best in the tropics, between the Tropic of Cancer and the Tropic "
                    + "of Capricorn. Brazil has been the largest producer of coffee for more than 150 years."),
            new Passage("yangtze", "长江是中国最长的河流，全长约六千三百公里，流经上海注入东海。"));

    /** What the scripted generator answers, by a word of the passage in the request. */
    private static final Map<String, String> REPLIES = Map.of(
            "Rhine ", "{\"pairs\": [{\"question\": \"Into which sea does the Rhine flow?\", \"answer\": \"the North "
                    + "Sea\"}, {\"question\": \"Near which city does the Rhine delta form?\", \"answer\": "
                    + "\"Rotterdam\"}, {\"question\": \"Into which sea does the Rhine flow??\", \"answer\": \"North "
                    + "Sea\"}]}",
            "Coffee ", "{\"pairs\": [{\"question\": \"Which country is the largest coffee producer?\", \"answer\": "
                    + "\"Brazil\"}, {\"question\": \"Who first roasted coffee?\", \"answer\": \"Ethiopian monks\"}, "
                    + "{\"question\": \"Where do coffee plants grow best?\", \"answer\": \"in the tropics\"}]}",
            "长江", "{\"pairs\": [{\"question\": \"中国最长的河流是哪条？\", \"answer\": \"长江\"}, "
                    + "{\"question\": \"长江在哪个城市附近注入东海？\", \"answer\": \"上海\"}]}");

    private SyntheticDataExample() {
    }

    /** What the example produced, for its test. */
    record Outcome(SyntheticResult generated, EvaluationReport report, int generatorRequests) {
    }

    /**
     * Generates the dataset and evaluates two stand-in candidates on it.
     *
     * @param args ignored
     * @throws IOException if the loopback server cannot start
     */
    public static void main(String[] args) throws IOException {
        Outcome o = run();
        System.out.println(o.generated());
        o.generated().rejected().forEach(r -> System.out.println("  left out (" + r.source() + "): " + r.question()
                + " -- " + r.reason()));
        System.out.println();
        System.out.println(o.report());
    }

    static Outcome run() throws IOException {
        HttpServer server = scriptedGenerator();
        server.start();
        try {
            String url = "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                    + server.getAddress().getPort() + "/v1";
            ModelClient generator = OpenAiCompatibleClient.local(url).model("scripted-generator").build();
            SyntheticResult generated = SyntheticDataset.fromPassages(generator, PASSAGES).perPassage(3).generate();

            // two stand-in candidates: one reads the answer off the context, one always names the first word
            ModelClient reader = request -> Completion.of(lookUp(generated.samples(), request.lastUserMessage()));
            ModelClient skimmer = request -> Completion.of(request.lastUserMessage().replaceAll("(?s).*Context: ", "")
                    .split("[\\s，。]", 2)[0]);
            EvaluationReport report = Evaluation.builder().dataset(generated.dataset())
                    .promptTemplate("Context: {context}\nQuestion: {question}\nAnswer briefly:")
                    .candidate("reader", reader).candidate("skimmer", skimmer)
                    .judge(Judges.score(Scorers.squadF1())).build().run();
            return new Outcome(generated, report, generated.requests());
        } finally {
            server.stop(0);
        }
    }

    private static String lookUp(List<Sample> samples, String prompt) {
        return samples.stream().filter(s -> prompt.contains(s.question())).findFirst()
                .map(s -> s.references().get(0)).orElse("I do not know");
    }

    /**
     * An OpenAI-compatible chat endpoint on the loopback interface that replies from {@link #REPLIES}; its first reply
     * about the Rhine is prose, not JSON, so RAQ asks again.
     */
    private static HttpServer scriptedGenerator() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ObjectMapper json = new ObjectMapper();
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody());
            JsonNode messages = request.path("messages");
            String user = messages.path(1).path("content").asText();
            String content = REPLIES.entrySet().stream().filter(e -> user.contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("{\"pairs\": []}");
            if (user.contains("Rhine ") && messages.size() == 2) {
                content = "Sure! Here are three questions about the Rhine.";
            }
            ObjectNode reply = json.createObjectNode().put("id", "scripted").put("object", "chat.completion")
                    .put("model", "scripted-generator");
            reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            byte[] body = json.writeValueAsBytes(reply);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return server;
    }
}
