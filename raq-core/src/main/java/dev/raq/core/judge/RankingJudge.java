package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import dev.raq.core.data.Sample;
import dev.raq.core.internal.Markers;
import dev.raq.core.model.ChatMessage;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.FailureCause;
import dev.raq.core.model.Fingerprint;
import dev.raq.core.model.GenerationOptions;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.ModelClient;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The RAQ ranking judge: an independent judge model sees the question, the context, the reference answer and every
 * candidate's answer under an anonymous id, and returns the ids ordered from the most to the least correct answer.
 * Create one with {@code Judges.ranking(judgeClient)}; every setting returns a changed copy.
 *
 * <p><b>The request.</b> A system message frames the task; the user message holds the question, the context (if
 * the sample has one), the reference answers (distinct ones, in order; left out by {@link #withoutReference()}) and
 * the answers, each verbatim inside a block whose begin and end lines carry a marker of 16 random hex digits drawn
 * anew for every call and checked to occur in none of the texts. An answer can therefore neither close its block
 * nor pass for an instruction or for the reply, whatever it contains ({@code <<<END ...>>>} lines,
 * {@code "ID 1 > ID 2"}, JSON). The request carries a {@code return_rank} {@link dev.raq.core.model.ReplySchema}
 * (an object whose {@code ranking} array holds the shown ids), so clients that support structured output can
 * enforce it.
 *
 * <p><b>Anonymity and order.</b> For every call the answers are shown in an order shuffled from
 * {@link JudgeInput#seed()}, and the ids 1..n are assigned to the positions by a second shuffle, so that neither
 * position nor id tells the judge which candidate answered. With {@link #repeats(int) repeats(k)} the judge is
 * asked k times with k different orders (as long as there are that many orders), which averages position bias out.
 * The same seed gives the same orders, ids and markers. Each {@link JudgeCall} records the order shown and the
 * attributes {@code "id.<n>"} → candidate and {@code "asks"} → the number of requests made for it.
 *
 * <p><b>Reading the reply.</b> Accepted forms, tried in this order:
 * <ol>
 *   <li>a JSON object with a {@code "ranking"} key (at any depth), alone, inside a {@code ```} code fence, or
 *       inside prose: {@code {"ranking": [2, 1, 3]}}; ids may be integers or strings such as {@code "2"} or
 *       {@code "ID 2"};</li>
 *   <li>a bare JSON array of ids anywhere in the reply: {@code [2, 1, 3]};</li>
 *   <li>ids joined by separators in text: {@code 2, 1, 3}, {@code ID 2 > ID 1 > ID 3}, {@code 2 >> 1 >> 3}.</li>
 * </ol>
 * Ties are read where the form expresses them: a nested array in JSON ({@code [[2, 1], 3]}: 2 and 1 share the
 * first place) or {@code =} in text ({@code 2 = 1 > 3}). The prompt does not invite ties. If a reply holds several
 * different rankings, the one that is a valid permutation is used when there is exactly one; otherwise the reply is
 * rejected. Text the judge repeats from what it was shown (an answer quoted verbatim, or a line of the reply that
 * occurs in one) is left out before reading, so a ranking an answer carries can never become the judge's.
 *
 * <p><b>Never a guess.</b> A ranking must list exactly the shown ids, each once. If it does not, or the reply holds
 * no ranking, the judge is asked again in the same conversation, with the problem stated ("id 3 is missing"), up to
 * {@link #maxReasks(int) maxReasks} times; then the call is recorded as failed, with the last raw output. A
 * {@link ModelCallException} (or any other runtime exception) from the judge client is recorded as a failed call
 * with the exception's message. Raw outputs are kept up to {@value #MAX_OUTPUT_CHARS} characters.
 *
 * <p>Immutable and thread-safe when the judge client is.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RankingJudge implements Judge {

    /** The default number of calls per sample. */
    public static final int DEFAULT_REPEATS = 1;
    /** The default number of follow-up requests after an unusable reply. */
    public static final int DEFAULT_MAX_REASKS = 2;
    /** Raw outputs recorded in a {@link JudgeCall} are truncated to this many characters. */
    public static final int MAX_OUTPUT_CHARS = JudgeCall.MAX_OUTPUT_CHARS;

    private final ModelClient client;
    private final int repeats;
    private final int maxReasks;
    private final boolean withReference;
    private final @Nullable String name;
    private final GenerationOptions options;

    private RankingJudge(ModelClient client, int repeats, int maxReasks, boolean withReference, @Nullable String name,
                         GenerationOptions options) {
        this.client = client;
        this.repeats = repeats;
        this.maxReasks = maxReasks;
        this.withReference = withReference;
        this.name = name;
        this.options = options;
    }

    /** A judge with default settings that asks {@code client}. */
    static RankingJudge of(ModelClient client) {
        return new RankingJudge(Objects.requireNonNull(client, "client"), DEFAULT_REPEATS, DEFAULT_MAX_REASKS, true,
                null, GenerationOptions.none());
    }

    /**
     * This judge asking {@code k} times per sample, each time in a different order.
     *
     * @param k the number of calls per sample, at least 1 (default {@value #DEFAULT_REPEATS})
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public RankingJudge repeats(int k) {
        Preconditions.checkArgument(k >= 1, () -> "repeats must be >= 1 but was " + k);
        return new RankingJudge(client, k, maxReasks, withReference, name, options);
    }

    /**
     * This judge asking again at most {@code n} times after an unusable reply before recording the call as failed.
     *
     * @param n the number of follow-up requests, at least 0 (default {@value #DEFAULT_MAX_REASKS})
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public RankingJudge maxReasks(int n) {
        Preconditions.checkArgument(n >= 0, () -> "maxReasks must be >= 0 but was " + n);
        return new RankingJudge(client, repeats, n, withReference, name, options);
    }

    /**
     * This judge ranking by overall quality (correctness, completeness, relevance) without showing a reference
     * answer, for datasets that have none. By default the judge ranks by correctness against the reference, and a
     * sample without references is recorded as a failed call.
     */
    public RankingJudge withoutReference() {
        return new RankingJudge(client, repeats, maxReasks, false, name, options);
    }

    /**
     * This judge under another name in reports.
     *
     * @param name the name; not blank (default {@code "ranking(<model id>)"}, or {@code "ranking"} when the client
     *             reports no model id; {@code ", no reference"} is added inside the parentheses without reference)
     * @throws IllegalArgumentException if the name is blank
     */
    public RankingJudge name(String name) {
        Objects.requireNonNull(name, "name");
        Preconditions.checkArgument(!name.isBlank(), "name must not be blank");
        return new RankingJudge(client, repeats, maxReasks, withReference, name, options);
    }

    /**
     * This judge sending these sampling options with every request (default {@link GenerationOptions#none()}: the
     * client's or server's defaults; a temperature of 0 makes most judges more consistent).
     */
    public RankingJudge options(GenerationOptions options) {
        return new RankingJudge(client, repeats, maxReasks, withReference, name,
                Objects.requireNonNull(options, "options"));
    }

    /** The number of calls per sample. */
    public int repeats() {
        return repeats;
    }

    /** The maximum number of follow-up requests after an unusable reply. */
    public int maxReasks() {
        return maxReasks;
    }

    /** True when the judge shows the reference answer and ranks by correctness against it (the default). */
    public boolean usesReference() {
        return withReference;
    }

    /** The sampling options sent with every request. */
    public GenerationOptions options() {
        return options;
    }

    /** The judge model's client, so that an evaluation refuses it as one of its own candidates. */
    @Override
    public List<ModelClient> clients() {
        return List.of(client);
    }

    /** The Plackett–Luce worths of the candidates, fitted to this judge's whole rankings. */
    @Override
    public java.util.Optional<ReportSection> reportSection(List<Judgment> judgments, long seed) {
        return java.util.Optional.of(PlackettLuceSection.of(name(), judgments, seed));
    }

    @Override
    public boolean hasReportSection() {
        return false;
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        List<String> parts = new ArrayList<>(2);
        client.modelId().ifPresent(parts::add);
        if (!withReference) {
            parts.add("no reference");
        }
        return parts.isEmpty() ? "ranking" : "ranking(" + String.join(", ", parts) + ")";
    }

    /**
     * The judge's client fingerprint, repeats, re-asks, reference mode, options and the hash of every prompt text;
     * not its display name, so renaming a judge keeps its stored judgments.
     */
    @Override
    public String fingerprint() {
        return Fingerprint.of("ranking-judge").with("client", client.fingerprint()).with("repeats", repeats)
                .with("maxReasks", maxReasks).with("reference", withReference).with("options", options)
                .withText("prompt", RankingPrompt.probe(withReference)).toString();
    }

    /**
     * Asks the judge model {@link #repeats()} times for a ranking of the answers, one call after the other.
     *
     * @return one call per repeat (ranked or failed), in order; one failed call when the judge needs a reference
     *         and the sample has none
     */
    @Override
    public Judgment judge(JudgeInput input) {
        return JudgeConversation.join(judgeAsync(input, ModelCalls.direct()));
    }

    /** As {@link #judge(JudgeInput)}, the repeats sent at once through {@code calls}; the same seed, the same calls. */
    @Override
    public CompletableFuture<Judgment> judgeAsync(JudgeInput input, ModelCalls calls) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(calls, "calls");
        Sample sample = input.sample();
        if (withReference && !sample.hasReferences()) {
            return CompletableFuture.completedFuture(Judgment.of(name(), sample.id(), List.of(JudgeCall.failed(
                    List.of(), null, "sample '" + sample.id() + "' has no reference answer to rank against; use "
                            + "withoutReference() to rank by overall quality", FailureCause.MISSING_INPUT,
                    Map.of()))));
        }
        SplittableRandom root = new SplittableRandom(input.seed());
        long orderCount = orderCount(input.answers().size());
        Set<List<String>> usedOrders = new HashSet<>();
        List<CompletableFuture<JudgeCall>> asked = new ArrayList<>(repeats);
        for (int r = 0; r < repeats; r++) {
            SplittableRandom random = root.split();
            if (usedOrders.size() >= orderCount) {
                usedOrders.clear();
            }
            List<CandidateAnswer> shown = shuffled(input.answers(), random);
            while (usedOrders.contains(names(shown))) {
                shown = shuffled(input.answers(), random);
            }
            usedOrders.add(names(shown));
            asked.add(ask(calls, sample, shown, random));
        }
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(done ->
                Judgment.of(name(), sample.id(), asked.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<JudgeCall> ask(ModelCalls calls, Sample sample, List<CandidateAnswer> shown,
                                             SplittableRandom random) {
        int n = shown.size();
        int[] ids = new int[n];
        for (int p = 0; p < n; p++) {
            ids[p] = p + 1;
        }
        shuffle(ids, random);
        Map<Integer, String> candidateOfId = new HashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            candidateOfId.put(ids[p], shown.get(p).candidate());
            attributes.put("id." + ids[p], shown.get(p).candidate());
        }
        List<String> texts = new ArrayList<>();
        texts.add(sample.question());
        if (sample.context() != null) {
            texts.add(sample.context());
        }
        texts.addAll(sample.references());
        shown.forEach(a -> texts.add(a.text()));
        String marker = Markers.absentFrom(random, texts);

        List<String> shownOrder = names(shown);
        ChatRequest.Builder request = ChatRequest.builder()
                .system(RankingPrompt.system(withReference))
                .user(RankingPrompt.user(sample, withReference, shown, ids, marker))
                .options(options)
                .replySchema(RankingPrompt.schema(ids));
        return JudgeConversation.ask(calls, client, request, maxReasks + 1, completion -> {
            try {
                List<List<Integer>> tiers = RankingReplyParser.parse(completion.text(), candidateOfId.keySet(),
                        texts);
                List<List<String>> named = new ArrayList<>(tiers.size());
                for (List<Integer> tier : tiers) {
                    named.add(tier.stream().map(candidateOfId::get).toList());
                }
                return JudgeConversation.Reading.of(Ranking.fromTiers(named));
            } catch (RankingReplyParser.InvalidReply e) {
                return JudgeConversation.Reading.unusable(String.valueOf(e.getMessage()));
            }
        }, problem -> RankingPrompt.reask(problem, withReference, ids)).thenApply(outcome -> {
            int ask = outcome.asks();
            attributes.put("asks", String.valueOf(ask));
            String output = truncate(outcome.output());
            Throwable e = outcome.failure();
            if (outcome.value() != null) {
                return JudgeCall.ranked(shownOrder, output, outcome.value(), attributes);
            } else if (e != null) {
                return JudgeCall.failed(shownOrder, output, failure(ask, outcome.failureMessage()), FailureCause.of(e),
                        attributes);
            } else if (outcome.noCompletion()) {
                return JudgeCall.failed(shownOrder, output, failure(ask, "the client returned no completion"),
                        attributes);
            }
            return JudgeCall.failed(shownOrder, output, "the judge's reply is not a valid ranking after "
                    + JudgeConversation.requests(maxReasks + 1) + ": " + outcome.problem(),
                    FailureCause.UNUSABLE_REPLY, attributes);
        });
    }

    private static String failure(int ask, String message) {
        return "judge model failed" + (ask > 1 ? " on re-ask " + (ask - 1) : "") + ": " + message;
    }

    private static @Nullable String truncate(@Nullable String output) {
        return JudgeCall.truncate(output);
    }

    private static List<CandidateAnswer> shuffled(List<CandidateAnswer> answers, SplittableRandom random) {
        List<CandidateAnswer> copy = new ArrayList<>(answers);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            CandidateAnswer t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<String> names(List<CandidateAnswer> answers) {
        return answers.stream().map(CandidateAnswer::candidate).toList();
    }

    /** n!, or Long.MAX_VALUE when it does not fit. */
    private static long orderCount(int n) {
        long count = 1;
        for (int i = 2; i <= n; i++) {
            if (count > Long.MAX_VALUE / i) {
                return Long.MAX_VALUE;
            }
            count *= i;
        }
        return count;
    }

    @Override
    public String toString() {
        return "RankingJudge{name=" + name() + ", repeats=" + repeats + ", maxReasks=" + maxReasks
                + ", reference=" + withReference + ", options=" + options + "}";
    }
}
