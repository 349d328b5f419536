package dev.raq.core.synthetic;

import dev.raq.core.Evaluation;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.Sample;
import dev.raq.core.judge.Judges;
import dev.raq.core.model.ChatRequest;
import dev.raq.core.model.Completion;
import dev.raq.core.model.ModelClient;
import dev.raq.core.store.ResultStore;
import dev.raq.metrics.Scorers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticDatasetTest {

    private static final String RHINE = "The Rhine flows from the Swiss Alps to the North Sea. It is about 1,230 "
            + "kilometres long. Its delta forms near Rotterdam, where the Waal and the Nederrijn meet the sea.";
    private static final String YANGTZE = "长江是中国最长的河流，全长约六千三百公里，流经上海注入东海。";

    @TempDir
    Path dir;

    /** A generator model whose replies {@code reply} scripts from the request; counts its calls. */
    private static ModelClient generator(Function<ChatRequest, String> reply, AtomicInteger calls) {
        return new ModelClient() {
            @Override
            public Completion complete(ChatRequest request) {
                calls.incrementAndGet();
                return Completion.of(reply.apply(request));
            }

            @Override
            public Optional<String> modelId() {
                return Optional.of("generator-model");
            }
        };
    }

    @Test
    void fromPassages_checksEveryPair_keepsProvenance_anyLanguage_malformedReplyAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient model = generator(r -> {
            String user = r.messages().get(1).content();
            if (user.contains("长江")) {
                return "{\"pairs\": [{\"question\": \"中国最长的河流是哪条？\", \"answer\": \"长江\"},"
                        + "{\"question\": \"长江流经哪个城市注入东海？\", \"answer\": \"上海\"}]}";
            }
            if (r.messages().size() == 2) {
                return "Sure! Here are some questions: 1. Where does the Rhine flow?"; // not JSON: asked again
            }
            return "```json\n{\"pairs\": ["
                    + "{\"question\": \"Where does the Rhine flow into the sea?\", \"answer\": \"the North Sea\"},"
                    + "{\"question\": \"Where does the Rhine flow into the sea??\", \"answer\": \"North Sea\"},"
                    + "{\"question\": \"How long is the Rhine?\", \"answer\": \"2,000 miles\"},"
                    + "{\"question\": \"Near which city does the delta form?\", \"answer\": \"Rotterdam\"},"
                    + "{\"question\": \"Why?\", \"answer\": \"because\"}]}\n```";
        }, calls);
        SyntheticResult result = SyntheticDataset.fromPassages(model, List.of(new Passage("rhine", RHINE),
                new Passage("yangtze", YANGTZE))).perPassage(3).questionLength(5, 200).generate();

        assertThat(result.samples()).extracting(Sample::question).containsExactlyInAnyOrder(
                "Where does the Rhine flow into the sea?", "Near which city does the delta form?",
                "中国最长的河流是哪条？", "长江流经哪个城市注入东海？");
        assertThat(result.rejected()).extracting(Rejection::reason).anyMatch(r -> r.startsWith("a near duplicate"))
                .anyMatch(r -> r.startsWith("the passage does not support the answer"))
                .anyMatch(r -> r.startsWith("the question has 4 characters"));
        assertThat(calls.get()).isEqualTo(3); // one re-ask for the prose reply
        Sample rhine = result.samples().stream().filter(s -> s.question().startsWith("Near")).findFirst()
                .orElseThrow();
        assertThat(rhine.context()).isEqualTo(RHINE);
        assertThat(rhine.references()).containsExactly("Rotterdam");
        assertThat(rhine.metadata()).containsEntry(SyntheticDataset.GENERATOR, "generator-model")
                .containsEntry(SyntheticDataset.PASSAGE, "rhine").containsKey(SyntheticDataset.PROMPT);
        assertThat(result.toString()).startsWith("4 samples generated, 3 left out");
    }

    @Test
    void fromSeeds_batchesLikeTheSeeds_dropsCopiesOfSeeds_stopsAtTheCount() {
        List<Sample> seeds = List.of(Sample.of("s1", "What is the capital of France?", "Paris"),
                Sample.of("s2", "What is the capital of Italy?", "Rome"));
        AtomicInteger calls = new AtomicInteger();
        String[] countries = {"Spain", "Portugal", "Austria", "Poland", "Greece", "Norway", "Sweden"};
        AtomicInteger next = new AtomicInteger();
        ModelClient model = generator(r -> {
            StringBuilder sb = new StringBuilder("{\"pairs\": [{\"question\": \"What is the capital of France?\","
                    + " \"answer\": \"Paris\"}");
            for (int i = 0; i < 2; i++) {
                String c = countries[next.getAndIncrement() % countries.length];
                sb.append(", {\"question\": \"Which city is the capital of ").append(c).append(" today?\", "
                        + "\"answer\": \"capital of ").append(c).append("\"}");
            }
            return sb.append("]}").toString();
        }, calls);
        SyntheticResult result = SyntheticDataset.fromSeeds(model, seeds).count(5).batchSize(3).shots(2)
                .maxSimilarity(0.95).generate();
        assertThat(result.samples()).hasSize(5);
        assertThat(result.rejected()).extracting(Rejection::reason).allMatch(r -> r.startsWith("a near duplicate"));
        assertThat(calls.get()).isEqualTo(3);
        assertThat(result.samples().get(0).metadata().get(SyntheticDataset.SEEDS)).matches("s[12],s[12]");
    }

    @Test
    void store_rerunMakesNoCall_jsonlReadsBackAsADataset() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient model = generator(r -> "{\"pairs\": [{\"question\": \"How long is the Rhine river?\", "
                + "\"answer\": \"about 1,230 kilometres\"}]}", calls);
        ResultStore store = ResultStore.inMemory();
        SyntheticResult first = SyntheticDataset.fromPassages(model, List.of(new Passage("rhine", RHINE)))
                .store(store).generate();
        SyntheticResult again = SyntheticDataset.fromPassages(model, List.of(new Passage("rhine", RHINE)))
                .store(store).generate();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(again.reused()).isEqualTo(1);
        assertThat(again.samples()).isEqualTo(first.samples());
        Path file = dir.resolve("generated.jsonl");
        first.writeJsonl(file);
        Dataset read = Dataset.fromJsonl(file);
        assertThat(read.samples()).hasSize(1);
        assertThat(read.get(0).metadata()).containsEntry(SyntheticDataset.PASSAGE, "rhine");
        assertThat(read.get(0).references()).containsExactly("about 1,230 kilometres");
    }

    @Test
    void generatorThatIsAlsoACandidateOrJudge_refusedAtBuild_unlessAllowed() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient model = generator(r -> "{\"pairs\": [{\"question\": \"Near which city does the delta form?\", "
                + "\"answer\": \"Rotterdam\"}, {\"question\": \"Where does the Rhine end up?\", \"answer\": "
                + "\"the North Sea\"}]}", calls);
        Dataset data = SyntheticDataset.fromPassages(model, List.of(new Passage("rhine", RHINE))).generate()
                .dataset();
        ModelClient other = r -> Completion.of("Rotterdam");
        assertThatThrownBy(() -> Evaluation.builder().dataset(data).candidate("self", model).candidate("other", other)
                .judge(Judges.score(Scorers.squadF1())).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generated by model generator-model, which is also candidate 'self'");
        assertThatThrownBy(() -> Evaluation.builder().dataset(data).candidate("a", other)
                .candidate("b", r -> Completion.of("x")).judge(Judges.ranking(model)).build())
                .hasMessageContaining("which is also judge 'ranking(generator-model)'");
        assertThat(Evaluation.builder().dataset(data).candidate("self", model).candidate("other", other)
                .judge(Judges.score(Scorers.squadF1())).allowGeneratorOverlap(true).build().run().sampleCount())
                .isEqualTo(2);
    }

    @Test
    void verifier_mustConfirmEachAnswer() {
        AtomicInteger calls = new AtomicInteger();
        ModelClient model = generator(r -> "{\"pairs\": [{\"question\": \"Near which city does the delta form?\", "
                + "\"answer\": \"Rotterdam\"}, {\"question\": \"Where does the Rhine start its course?\", "
                + "\"answer\": \"Swiss Alps\"}]}", calls);
        ModelClient verifier = r -> Completion.of(r.lastUserMessage().endsWith("Answer: Rotterdam") ? "[[yes]]"
                : "Hmm. [[no]]");
        SyntheticResult result = SyntheticDataset.fromPassages(model, List.of(new Passage("rhine", RHINE)))
                .verifier(verifier).generate();
        assertThat(result.samples()).extracting(Sample::references).containsExactly(List.of("Rotterdam"));
        assertThat(result.rejected()).extracting(Rejection::reason)
                .containsExactly("the verifier says the answer is not supported");
        assertThatThrownBy(() -> SyntheticDataset.fromPassages(model, List.of(new Passage("p", "x"),
                new Passage("p", "y")))).hasMessage("two passages share the id 'p'");
        List<Sample> none = new ArrayList<>();
        assertThatThrownBy(() -> SyntheticDataset.fromSeeds(model, none)).hasMessage("give at least one seed sample");
    }
}
