package dev.raq.examples.pairwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raq.clients.OpenAiCompatibleClient;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.CandidateAnswer;
import dev.raq.core.judge.JudgeCall;
import dev.raq.core.judge.JudgeInput;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.pairwise.NovaMetrics;
import dev.raq.core.pairwise.PairwiseCounts;
import dev.raq.core.pairwise.PairwiseFields;
import dev.raq.core.pairwise.PairwiseItem;
import dev.raq.core.pairwise.PairwiseItems;
import dev.raq.core.pairwise.PairwiseJudge;
import dev.raq.core.pairwise.PositionBias;
import dev.raq.core.pairwise.VerdictLabels;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a file in Amazon Nova LLM-as-a-Judge's pairwise format ({@code prompt}, {@code response_A},
 * {@code response_B} per line) with {@link PairwiseJudge} and prints Nova's metric set ({@link NovaMetrics}: B's
 * win rate with its interval, the counts and their standard errors) and the judge's {@link PositionBias}.
 *
 * <p><b>Offline by default, with recorded verdicts:</b> without options it judges the shipped 150-item slice of
 * PandaLM's human-annotated test set ({@code data/pandalm/}, Apache-2.0, see {@code PANDALM-ATTRIBUTION.md}) and
 * the judge model is a {@link ModelClient} that <em>replays the verdicts gpt-3.5-turbo gave in PandaLM's recorded
 * run</em>: no model is called. A recorded {@code "1"} is replayed as a reply ending in {@code [[A>B]]}, {@code "2"}
 * as {@code [[B>A]]}, a tie ({@code "0"}, {@code "Tie"}) as {@code [[A=B]]}, and an output PandaLM could not parse
 * ({@code "garbage"}) as a reply without a label, which the judge counts as an inference error, never a tie.
 *
 * <p><b>Live:</b> {@code --judge-url URL --judge-model MODEL} judges with an {@link OpenAiCompatibleClient} at that
 * URL (the key, if the server needs one, comes from {@code OPENAI_API_KEY}); {@code --bedrock MODEL} judges with a
 * model on Amazon Bedrock, such as {@code amazon.nova-pro-v1:0}, as the Nova LLM-as-a-Judge workflow does
 * (credentials and region from the AWS SDK's default chain); {@code --input FILE} then judges another Nova-format
 * file and {@code --limit N} only its first N lines.
 *
 * <pre>
 * ./mvnw -q -pl raq-examples -am package -DskipTests
 * java -cp raq-examples/target/raq-cli.jar dev.raq.examples.pairwise.NovaPairwiseExample
 * java -cp raq-examples/target/raq-cli.jar dev.raq.examples.pairwise.NovaPairwiseExample \
 *     --judge-url http://localhost:11434/v1 --judge-model llama3.1:8b --limit 20
 * </pre>
 */
public final class NovaPairwiseExample {

    static final String ITEMS = "/data/pandalm/pandalm-nova-slice.jsonl";
    static final String RECORDED = "/data/pandalm/pandalm-gpt-3.5-turbo-verdicts.jsonl";

    private static final String USER_PROMPT = "<|User Prompt|>\n";
    private static final String START_A = "\n\n<|The Start of Assistant A's Answer|>\n";
    private static final String END_A = "\n<|The End of Assistant A's Answer|>\n";
    private static final String START_B = "\n<|The Start of Assistant B's Answer|>\n";
    private static final String END_B = "\n<|The End of Assistant B's Answer|>";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run measured. */
    record Result(int items, NovaMetrics metrics, PositionBias bias) {
    }

    private NovaPairwiseExample() {
    }

    /**
     * Runs the example; see the class description for the options.
     *
     * @param args {@code [--judge-url URL --judge-model MODEL | --bedrock MODEL] [--input FILE] [--limit N]}
     */
    public static void main(String[] args) {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the example, printing on {@code out}; returns 0, or 2 after printing what is wrong with the options. */
    static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--judge-url", "--judge-model", "--bedrock", "--input", "--limit").contains(args[i])
                    || i + 1 >= args.length) {
                out.println("usage: NovaPairwiseExample [--judge-url URL --judge-model MODEL | --bedrock MODEL] "
                        + "[--input FILE] [--limit N]");
                return 2;
            }
            options.put(args[i], args[i + 1]);
        }
        String url = options.get("--judge-url");
        String model = options.get("--judge-model");
        String bedrock = options.get("--bedrock");
        if ((url == null) != (model == null) || (url != null && bedrock != null)
                || (url == null && bedrock == null && options.size() > 0)) {
            out.println("--judge-url and --judge-model go together, --bedrock stands alone; --input and --limit "
                    + "need a live judge");
            return 2;
        }
        Result result;
        if (url == null) {
            out.println("Judge: REPLAY of the verdicts gpt-3.5-turbo gave in PandaLM's recorded run (no model is "
                    + "called). Items: PandaLM test set, 150-item slice (Apache-2.0).");
            result = offline();
        } else {
            ModelClient judgeModel;
            if (bedrock != null) {
                judgeModel = dev.raq.bedrock.BedrockClient.builder().model(bedrock).build();
            } else {
                OpenAiCompatibleClient.Builder builder = OpenAiCompatibleClient.local(url).model(model);
                String key = System.getenv("OPENAI_API_KEY");
                if (key != null && !key.isBlank()) {
                    builder.apiKey(key);
                }
                judgeModel = builder.build();
            }
            List<PairwiseItem> items = options.containsKey("--input")
                    ? PairwiseItems.readJsonl(Path.of(options.get("--input")), PairwiseFields.NOVA.withVerdict(null))
                    : shippedItems();
            int limit = items.size();
            if (options.containsKey("--limit")) {
                try {
                    limit = Integer.parseInt(options.get("--limit"));
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1) {
                    out.println("--limit must be a positive integer but was '" + options.get("--limit") + "'");
                    return 2;
                }
            }
            items = items.subList(0, Math.min(limit, items.size()));
            out.println("Judge: live " + (bedrock != null ? bedrock + " on Amazon Bedrock" : model + " at " + url)
                    + ". Items: " + items.size());
            try {
                result = judge(items, judgeModel);
            } finally {
                if (judgeModel instanceof AutoCloseable) {
                    try {
                        ((AutoCloseable) judgeModel).close();
                    } catch (Exception e) {
                        out.println("closing the judge client failed: " + e.getMessage());
                    }
                }
            }
        }
        print(result, out);
        return 0;
    }

    /** Judges the shipped PandaLM slice with the replayed gpt-3.5-turbo verdicts. */
    static Result offline() {
        List<PairwiseItem> items = shippedItems();
        return judge(items, replayClient(items, recordedResults()));
    }

    /**
     * Judges every item once, as Nova does: candidate "A" is {@code response_A}, always shown as Assistant A, and "B"
     * is {@code response_B}; the verdicts are counted for the pair (A, B), so Nova's {@code winrate} is B's. The
     * position bias therefore measures only how often the first position won (no swapped games are played).
     */
    static Result judge(List<PairwiseItem> items, ModelClient client) {
        PairwiseJudge judge = PairwiseJudge.of(client).labels(VerdictLabels.WITH_TIES).againstBaseline("A");
        List<JudgeCall> calls = new ArrayList<>();
        for (PairwiseItem item : items) {
            Sample sample = item.reference() == null ? Sample.of("line-" + item.line(), item.prompt())
                    : Sample.of("line-" + item.line(), item.prompt(), item.reference());
            JudgeInput input = new JudgeInput(sample,
                    List.of(new CandidateAnswer("A", item.responseA()), new CandidateAnswer("B", item.responseB())),
                    item.line());
            calls.addAll(judge.judge(input).calls());
        }
        PairwiseCounts counts = PairwiseCounts.fromCalls(calls, "A", "B");
        return new Result(items.size(), NovaMetrics.of(counts), PositionBias.of(calls));
    }

    private static void print(Result result, PrintStream out) {
        out.println();
        out.println("Nova metric set (B = response_B; winrate = B's share, ties half, Wilson 95% interval):");
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.metrics().toMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.println();
        out.println("Position bias: " + result.bias());
        out.printf(java.util.Locale.ROOT, "  share of decisive verdicts for the answer shown first: %.3f%n",
                result.bias().firstPositionRate());
    }

    /** The shipped PandaLM slice in Nova's format. */
    static List<PairwiseItem> shippedItems() {
        try (InputStream in = resource(ITEMS)) {
            Path tmp = Files.createTempFile("pandalm-nova", ".jsonl");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return PairwiseItems.readJsonl(tmp, PairwiseFields.NOVA.withVerdict(null));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded gpt-3.5-turbo results ({@code "1"}, {@code "2"}, {@code "0"}, {@code "Tie"}, {@code "garbage"}) in item order. */
    static List<String> recordedResults() {
        List<String> results = new ArrayList<>();
        try (InputStream in = resource(RECORDED)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    results.add(node.get("result").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /**
     * A judge model that replays recorded verdicts: it finds the item by the prompt and the two answers in the
     * request and replies with the recorded verdict's label ({@code garbage}: a reply without one).
     *
     * @throws IllegalArgumentException if the items and results differ in number, or two identical items have
     *                                  different recorded results
     */
    static ModelClient replayClient(List<PairwiseItem> items, List<String> results) {
        if (items.size() != results.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + results.size() + " recorded results");
        }
        Map<String, String> replies = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            PairwiseItem item = items.get(i);
            String reply = replyFor(results.get(i));
            String previous = replies.put(key(item.prompt(), item.responseA(), item.responseB()), reply);
            if (previous != null && !previous.equals(reply)) {
                throw new IllegalArgumentException("items[" + i + "] repeats an earlier item with another result");
            }
        }
        return request -> {
            String reply = replies.get(keyOf(request));
            if (reply == null) {
                throw new IllegalStateException("no recorded verdict for this request");
            }
            return Completion.of(reply);
        };
    }

    private static String replyFor(String result) {
        switch (result) {
            case "1":
                return "(recorded gpt-3.5-turbo verdict: response 1 is better) [[A>B]]";
            case "2":
                return "(recorded gpt-3.5-turbo verdict: response 2 is better) [[B>A]]";
            case "0":
            case "Tie":
            case "tie":
                return "(recorded gpt-3.5-turbo verdict: tie) [[A=B]]";
            case "garbage":
                return "(recorded gpt-3.5-turbo output that PandaLM could not parse)";
            default:
                throw new IllegalArgumentException("unknown recorded result '" + result + "'");
        }
    }

    private static String key(String prompt, String a, String b) {
        return prompt + '\u0000' + a + '\u0000' + b;
    }

    /** The (prompt, answer A, answer B) key of a pairwise judge's request, read between its section markers. */
    private static String keyOf(ChatRequest request) {
        String user = request.firstUserMessage().replaceAll(" #[0-9a-f]{8}\\|>", "|>"); // without the frame id
        int p = user.indexOf(USER_PROMPT);
        int sa = user.indexOf(START_A);
        int ea = user.indexOf(END_A, sa);
        int sb = user.indexOf(START_B, ea);
        int eb = user.lastIndexOf(END_B);
        if (p != 0 || sa < 0 || ea < 0 || sb < 0 || eb < sb) {
            throw new IllegalStateException("the request is not a pairwise judge prompt");
        }
        return key(user.substring(USER_PROMPT.length(), sa), user.substring(sa + START_A.length(), ea),
                user.substring(sb + START_B.length(), eb));
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(NovaPairwiseExample.class.getResourceAsStream(name), name);
    }
}
