package dev.raq.core.perf;

import dev.raq.core.data.Dataset;
import dev.raq.core.data.PromptTemplate;
import dev.raq.core.data.Sample;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Where a load test's prompts come from: synthetic text of a target length, a list, a file, or a dataset rendered
 * through a prompt template. The one method is given the request's index and a generator seeded from the test's
 * seed and that index, so a run's prompts are the same whatever the threads do. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface PromptSource {

    /**
     * The user message of one request.
     *
     * @param index  the request's number in the run, from 0 (warm-up requests included)
     * @param random a generator for this request only
     * @return a non-empty prompt
     */
    String prompt(long index, Random random);

    /**
     * Synthetic prompts of about {@code inputTokens} tokens: that many words drawn at random (with the seed) from a
     * list of common English words, each one token in the usual BPE vocabularies (GPT, Llama, Qwen), so the server
     * counts close to the target; the counts the report shows are the server's. Random words also keep a server's
     * prefix cache from answering the prompt for free, as vLLM's random dataset does with random token ids.
     *
     * @param inputTokens at least 1
     * @throws IllegalArgumentException when {@code inputTokens < 1}
     */
    static PromptSource synthetic(int inputTokens) {
        if (inputTokens < 1) {
            throw new IllegalArgumentException("inputTokens must be >= 1 but was " + inputTokens);
        }
        return new SyntheticPrompts(inputTokens);
    }

    /**
     * The given prompts, one per request, in a random order (with the seed) that repeats once all were sent.
     *
     * @param prompts at least one non-blank prompt
     * @throws IllegalArgumentException when the list is empty or a prompt is blank
     */
    static PromptSource of(List<String> prompts) {
        Objects.requireNonNull(prompts, "prompts");
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts must not be empty");
        }
        for (int i = 0; i < prompts.size(); i++) {
            String p = prompts.get(i);
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("prompts[" + i + "] must be a non-blank string");
            }
        }
        List<String> copy = List.copyOf(prompts);
        return (index, random) -> copy.get(random.nextInt(copy.size()));
    }

    /**
     * One prompt per non-blank line of a UTF-8 text file.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it has no non-blank line
     */
    static PromptSource fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts from " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("prompt file " + file + " has no non-blank line");
        }
        return of(lines);
    }

    /**
     * The samples of a dataset, rendered with {@code template} (for example {@code PromptTemplate.of("{question}")}).
     *
     * @throws IllegalArgumentException when the dataset is empty
     */
    static PromptSource fromDataset(Dataset dataset, PromptTemplate template) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(template, "template");
        if (dataset.isEmpty()) {
            throw new IllegalArgumentException("dataset must not be empty");
        }
        List<String> prompts = new ArrayList<>();
        for (Sample s : dataset) {
            prompts.add(template.render(s));
        }
        return of(prompts);
    }
}
